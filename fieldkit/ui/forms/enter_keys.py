"""Enter goes forward, on every form (issue 14).

`EnterForward(root, forward)` watches the Enter keys that reach a form's root widget (a field that does
not act on Enter itself — a line edit, a drop-down, a spin box, a date, a check box — lets the key go up
to its parent): Enter in a field moves to the next field of the form in focus order; in the last one it
runs the form's forward action (save, sign in, next screen). Enter on a focused button presses it (as
Space does), except the buttons named `passive` (Back, Clear...), where it does nothing: Enter never
goes back and never throws away what was typed. Widgets that act on Enter themselves (a search box that
opens the current row, a list that opens its item) are left alone: a line edit with something connected
to its `returnPressed`, lists, tables, multi-line texts, and the widgets listed in `own`.

Only the form's own root sees the key, so a form inside another (the manual entry inside the reading
panel inside a page) is served by the innermost one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fieldkit.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QEvent,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    Qt,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
FIELDS = (QLineEdit, QComboBox, QSpinBox, QDateEdit, QCheckBox, QRadioButton)
THEIR_OWN = (QAbstractItemView, QPlainTextEdit)
PASSIVE = "enterPassive"  # a button's property: Enter on it does nothing (Back, Clear, Remove)


def passive(*buttons: QAbstractButton) -> None:
    """Enter never presses these buttons (they go back or throw away what was typed or drawn);
    Space, a click or their shortcut still do."""
    for b in buttons:
        b.setProperty(PASSIVE, True)


def is_enter(event: QEvent) -> bool:
    """A plain Enter or Return key press (the keypad's Enter too; not Ctrl+Enter and the like)."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    key: int = event.key()  # type: ignore[attr-defined]
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # type: ignore[attr-defined]
    return key in ENTER_KEYS and mods == Qt.KeyboardModifier.NoModifier


def is_field(w: QWidget) -> bool:
    """Something to type or choose in, that takes the keyboard now."""
    if not isinstance(w, FIELDS) or w.focusProxy() is not None:
        return False
    if isinstance(w, QLineEdit) and w.isReadOnly():
        return False
    return w.isVisible() and w.isEnabled() and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)


class EnterForward(QObject):
    def __init__(self, root: QWidget, forward: Callable[[], None] | None = None, *,
                 passive: Iterable[QWidget] = (), own: Iterable[QWidget] = ()):
        super().__init__(root)
        self.root = root
        self.forward = forward
        self.passive = list(passive)
        self.own = list(own)
        root.installEventFilter(self)

    def add_own(self, *widgets: QWidget) -> None:
        self.own.extend(widgets)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is not self.root or not is_enter(event):
            return False
        focus = QApplication.focusWidget()
        if focus is None or not (focus is self.root or self.root.isAncestorOf(focus)):
            return False
        if not self.acts_itself(focus):
            self.enter(focus)
        return True  # handled here or by the widget: no form further out acts on the same key

    def acts_itself(self, focus: QWidget) -> bool:
        """The widget did something with Enter already (and let the key go up, as Qt's widgets do)."""
        if isinstance(focus, THEIR_OWN) or any(w is focus or w.isAncestorOf(focus) for w in self.own):
            return True
        return isinstance(focus, QLineEdit) and focus.receivers("2returnPressed()") > 0

    def enter(self, focus: QWidget) -> None:
        """What Enter does with the keyboard on `focus`."""
        if isinstance(focus, QAbstractButton) and not isinstance(focus, (QCheckBox, QRadioButton)):
            if any(w is focus for w in self.passive) or focus.property(PASSIVE) or not focus.isEnabled():
                return
            if isinstance(focus, QPushButton) or focus.isVisible():
                focus.click()
            return
        nxt = self.next_field(focus)
        if nxt is not None:
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.forward is not None:
            self.forward()

    def next_field(self, focus: QWidget) -> QWidget | None:
        """The next field after `focus` inside the form, in focus (Tab) order; None after the last.
        The other buttons of a radio group are skipped (arrows move inside a group)."""
        chain: list[QWidget] = []
        w = self.root.nextInFocusChain()
        while w is not None and w is not self.root and len(chain) < 5000:
            if self.root.isAncestorOf(w):
                chain.append(w)
            w = w.nextInFocusChain()
        here = next((i for i, c in enumerate(chain) if c is focus), None)
        if here is None:  # the keyboard is inside a field (an editable drop-down's text): that field
            here = next((i for i, c in enumerate(chain) if c.isAncestorOf(focus) and is_field(c)), None)
        if here is None:
            return None
        group = focus.parentWidget() if isinstance(focus, QRadioButton) else None
        current = chain[here]
        for c in chain[here + 1:]:
            if current.isAncestorOf(c):  # the inside of the same field (an editable drop-down's text)
                continue
            if group is not None and isinstance(c, QRadioButton) and c.parentWidget() is group:
                continue
            if is_field(c):
                return c
        return None
