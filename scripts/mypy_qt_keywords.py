"""mypy plugin: the keyword arguments PySide6 constructors take that its stubs do not declare.

PySide6 (6.11) lets a constructor set any Qt property or connect any signal of the class by
keyword -- ``QLabel(text, objectName="Hint")``, ``QShortcut(keys, parent, activated=slot)`` -- but
its stubs declare only the class's own properties, not the inherited ones nor the signals, so mypy
rejected 313 such calls in fieldkit/ui (424 errors, 2026-12-04) and, after a failed overload, typed
the widget made as ``Any``. This plugin adds, to every signature of a constructor inherited from a
PySide6 class, one optional keyword-only argument per property and signal that class really has
(read from its QMetaObject), typed ``Any``. A name the class does not
have is still an error, and the widget keeps its type. (mypy calls no hook for `super().__init__`:
there, call `self.setObjectName(...)` after it.)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from mypy.nodes import ARG_NAMED_OPT, ARG_STAR2, TypeInfo
from mypy.plugin import FunctionSigContext, Plugin
from mypy.types import AnyType, CallableType, FunctionLike, TypeOfAny


@cache
def _qt_keywords(module: str, name: str) -> frozenset[str]:
    """The property and signal names a PySide6 class takes as constructor keywords."""
    try:
        from PySide6.QtCore import QMetaMethod

        meta = getattr(importlib.import_module(module), name).staticMetaObject
    except (ImportError, AttributeError):  # not a QObject (no properties to set by keyword)
        return frozenset()
    names = {meta.property(i).name() for i in range(meta.propertyCount())}
    names |= {bytes(meta.method(i).name().data()).decode() for i in range(meta.methodCount())
              if meta.method(i).methodType() == QMetaMethod.MethodType.Signal}
    return frozenset(names)


def _qt_base(info: TypeInfo) -> TypeInfo | None:
    """The PySide6 class whose constructor `info` uses, if it does not define its own."""
    for base in info.mro:
        if base.module_name.startswith("PySide6."):
            return base
        if "__init__" in base.names or "__new__" in base.names:
            return None  # a constructor of our own: its stated signature is the truth
    return None


class QtKeywords(Plugin):
    def get_function_signature_hook(self, fullname: str) -> Callable[[FunctionSigContext], FunctionLike] | None:
        node = self.lookup_fully_qualified(fullname)
        if node is None or not isinstance(node.node, TypeInfo):
            return None
        base = _qt_base(node.node)
        if base is None:
            return None
        names = _qt_keywords(base.module_name, base.name)
        return (lambda ctx: _with_keywords(ctx.default_signature, names)) if names else None



def _with_keywords(sig: CallableType, names: frozenset[str]) -> CallableType:
    taken = {n for n in sig.arg_names if n is not None}
    if ARG_STAR2 in sig.arg_kinds:
        return sig
    extra = sorted(names - taken)
    any_type = AnyType(TypeOfAny.special_form)
    return sig.copy_modified(arg_types=[*sig.arg_types, *(any_type for _ in extra)],
                             arg_kinds=[*sig.arg_kinds, *(ARG_NAMED_OPT for _ in extra)],
                             arg_names=[*sig.arg_names, *extra])


def plugin(version: str) -> type[Plugin]:
    return QtKeywords
