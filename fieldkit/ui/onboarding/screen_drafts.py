"""What each onboarding screen keeps as a draft before Next saves it, and how it is put back.

Only answers the trainer can type or tick are kept (the household step chooses or creates the
record itself, the app-install, bill and done screens have nothing to type). A signature still
being drawn is kept as its strokes (0..1 coordinates) in the encrypted store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldkit.domain import onboarding as flow
from fieldkit.ui.onboarding.app_payment import AppScreen, PaymentScreen
from fieldkit.ui.onboarding.base import Screen
from fieldkit.ui.onboarding.contract_sheet import ContractScreen, SheetScreen
from fieldkit.ui.onboarding.household import HouseholdScreen, NewSupplyScreen
from fieldkit.ui.qt import QCheckBox, QComboBox, QLineEdit, QRadioButton, QSpinBox, QWidget


def _household(s: Any) -> dict[str, Any] | None:
    """Only the new-household form (finding a household saves nothing worth keeping)."""
    assert isinstance(s, HouseholdScreen)
    if s.modes.currentWidget() is not s.new_mode:
        return None
    return {"existing": s.is_customer.isChecked(), "name": s.name.text(), "code": s.code.text(),
            "phone": s.phone.text(), "national_id": s.national_id.text(), "province": s.province.currentData(),
            "commune": s.commune.currentText(), "street": s.street.text()}


def _set_household(s: Any, d: dict[str, Any]) -> None:
    (s.is_customer if d.get("existing", True) else s.not_customer).setChecked(True)
    for key in ("name", "code", "phone", "national_id", "street"):
        getattr(s, key).setText(str(d.get(key) or ""))
    if d.get("province") is not None:
        s.province.setCurrentIndex(max(0, s.province.findData(d["province"])))
    s.commune.setEditText(str(d.get("commune") or ""))
    s._kind_changed()


def _new_supply(s: Any) -> dict[str, Any]:
    assert isinstance(s, NewSupplyScreen)
    return {"documents": [d for d, box in s.docs.items() if box.isChecked()], "households": s.households.value(),
            "street": s.street.text(), "needs_pole": s.needs_pole.isChecked(), "signer": s.signer.text(),
            "strokes": [[[x, y] for x, y in stroke] for stroke in s.pad.strokes]}


def _set_new_supply(s: Any, d: dict[str, Any]) -> None:
    for doc, box in s.docs.items():
        box.setChecked(doc in (d.get("documents") or []))
    s.households.setValue(int(d.get("households") or 1))
    s.street.setText(str(d.get("street") or ""))
    s.needs_pole.setChecked(bool(d.get("needs_pole")))
    if "signer" in d:
        s.signer.setText(str(d.get("signer") or ""))
    s.pad.strokes = d.get("strokes") or []
    s._update()


def _app(s: Any) -> dict[str, Any]:
    assert isinstance(s, AppScreen)
    return {"registered": True if s.yes.isChecked() else False if s.no.isChecked() else None,
            "phone": s.phone.text()}


def _set_app(s: Any, d: dict[str, Any]) -> None:
    s.group.setExclusive(False)
    s.yes.setChecked(d.get("registered") is True)
    s.no.setChecked(d.get("registered") is False)
    s.group.setExclusive(True)
    s.phone.setText(str(d.get("phone") or ""))
    s._update()


def _payment(s: Any) -> dict[str, Any]:
    assert isinstance(s, PaymentScreen)
    return {"method": s.method(), "provider": s.provider.currentText() if s.kind else ""}


def _set_payment(s: Any, d: dict[str, Any]) -> None:
    s.group.setExclusive(False)
    for m, r in s.radios.items():
        r.setChecked(d.get("method") == m)
    s.group.setExclusive(True)
    s._update()
    if d.get("provider"):
        s.provider.setCurrentIndex(s.provider.findText(str(d["provider"])))


def _contract(s: Any) -> dict[str, Any]:
    assert isinstance(s, ContractScreen)
    return {"read": s.read.isChecked(), "later": s.later.isChecked(), "signer": s.signer.text(),
            "strokes": [[[x, y] for x, y in stroke] for stroke in s.pad.strokes]}


def _set_contract(s: Any, d: dict[str, Any]) -> None:
    s.read.setChecked(bool(d.get("read")))
    s.later.setChecked(bool(d.get("later")))
    s.signer.setText(str(d.get("signer") or ""))
    s.pad.strokes = d.get("strokes") or []
    s._update()


def _sheet(s: Any) -> dict[str, Any]:
    assert isinstance(s, SheetScreen)
    return {"printed": s.printed.isChecked()}


def _set_sheet(s: Any, d: dict[str, Any]) -> None:
    s.printed.setChecked(bool(d.get("printed")))


KEEPERS: dict[str, tuple[Callable[[Screen], dict[str, Any] | None], Callable[[Screen, dict[str, Any]], None]]] = {
    flow.HOUSEHOLD: (_household, _set_household),
    flow.NEW_SUPPLY: (_new_supply, _set_new_supply),
    flow.APP: (_app, _set_app),
    flow.PAYMENT: (_payment, _set_payment),
    flow.CONTRACT: (_contract, _set_contract),
    flow.SHEET: (_sheet, _set_sheet),
}


def screen_draft(screen: Screen) -> dict[str, Any] | None:
    keeper = KEEPERS.get(screen.step_id)
    return keeper[0](screen) if keeper else None


def restore_screen(screen: Screen, data: Any) -> bool:
    """Put the draft back; False (the screen keeps its saved answers) for a draft it cannot read."""
    keeper = KEEPERS.get(screen.step_id)
    if not keeper or not isinstance(data, dict):
        return False
    try:
        keeper[1](screen, data)
    except (TypeError, ValueError, AttributeError):
        screen.load(getattr(screen, "flow", None))
        return False
    return True


def watch(screen: Screen, changed: Callable[[], None]) -> None:
    """Call `changed` whenever the trainer types, ticks, chooses or draws on the screen."""
    if screen.step_id not in KEEPERS:
        return
    for w in screen.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            w.textChanged.connect(lambda _t: changed())
        elif isinstance(w, QCheckBox | QRadioButton):
            w.toggled.connect(lambda _on: changed())
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i: changed())
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(lambda _v: changed())
    pad = getattr(screen, "pad", None)
    if pad is not None:
        pad.changed.connect(changed)
