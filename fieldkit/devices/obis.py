"""Normalise register addresses (OBIS codes) to one form.

Meters write the same register several ways: ``1.8.0``, ``1-0:1.8.0``, ``1-0:1.8.0*255``,
``1.8.0.255``. The normal form used everywhere in FieldKit is the short one:

* ``A-B:`` is dropped when A is 0 or 1 (abstract or electricity) and B is 0 or 1 (the
  usual channel); otherwise it is kept (``7-0:3.0.0`` stays as it is);
* ``*255`` / ``&255`` / ``.255`` (the "current value" F group) is dropped; any other F is
  kept as ``*N`` (billing period), so ``1.8.1*01`` and ``1-0:1.8.1*1`` both become ``1.8.1*1``;
* a numeric ``C.D`` gets ``E`` = 0 (``32.7`` is ``32.7.0``);
* letter codes (``F.F``, ``C.1.0``, ``0.9.1``) are kept, upper-cased.
"""

from __future__ import annotations

import re

from fieldkit.devices.errors import ProtocolError

_GROUP = r"[0-9]{1,3}|[A-Z]"
_FULL = re.compile(
    rf"^(?:(?P<a>[0-9]{{1,3}})-(?P<b>[0-9]{{1,3}}):)?"
    rf"(?P<c>{_GROUP})\.(?P<d>{_GROUP})(?:\.(?P<e>{_GROUP}))?"
    rf"(?:(?:[*&]|\.(?=[0-9]+$))(?P<f>[0-9]{{1,3}}))?$"
)


def _num(group: str) -> str:
    return str(int(group)) if group.isdigit() else group


def normalise(address: str) -> str:
    """Return the normal form of an OBIS address; :class:`ProtocolError` ``BAD_DATA`` if it is not one."""
    text = address.strip().upper()
    match = _FULL.match(text)
    if match is None:
        raise ProtocolError("BAD_DATA", f"not a register address: {address[:40]!r}")
    c, d, e = match["c"], match["d"], match["e"]
    if e is None and c.isdigit() and d.isdigit():
        e = "0"  # "32.7" is "32.7.0"
    parts = [_num(c), _num(d)] + ([_num(e)] if e is not None else [])
    out = ".".join(parts)
    a, b = match["a"], match["b"]
    if a is not None and b is not None and not (int(a) in (0, 1) and int(b) in (0, 1)):
        out = f"{int(a)}-{int(b)}:{out}"
    f = match["f"]
    if f is not None and int(f) != 255:
        out = f"{out}*{int(f)}"
    return out


def is_address(text: str) -> bool:
    try:
        normalise(text)
    except ProtocolError:
        return False
    return True
