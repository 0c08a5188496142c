"""What every onboarding step screen shares: the `Screen` base, the `Host` it talks to
(the page), step titles, labels of payment methods and documents, QR pixmaps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from fieldkit.documents.qr import qr_png_bytes
from fieldkit.domain import onboarding as flow
from fieldkit.services.onboarding import Flow
from fieldkit.ui.forms.enter_keys import is_field
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLabel,
    QPixmap,
    QPushButton,
    Qt,
    QWidget,
)

Job = Callable[[], Any]

STEP_TITLES = {
    flow.HOUSEHOLD: QT_TRANSLATE_NOOP("OnboardingLabels", "The household"),
    flow.NEW_SUPPLY: QT_TRANSLATE_NOOP("OnboardingLabels", "New supply request"),
    flow.APP_INSTALL: QT_TRANSLATE_NOOP("OnboardingLabels", "Install the customer-care app"),
    flow.APP: QT_TRANSLATE_NOOP("OnboardingLabels", "App account"),
    flow.PAYMENT: QT_TRANSLATE_NOOP("OnboardingLabels", "Cashless payment"),
    flow.BILL: QT_TRANSLATE_NOOP("OnboardingLabels", "Current bill and transfer QR"),
    flow.CONTRACT: QT_TRANSLATE_NOOP("OnboardingLabels", "Electronic purchase contract"),
    flow.SHEET: QT_TRANSLATE_NOOP("OnboardingLabels", "Household sheet"),
    flow.DONE: QT_TRANSLATE_NOOP("OnboardingLabels", "Finished"),
}

METHODS = {
    "mobile_banking": QT_TRANSLATE_NOOP("OnboardingLabels", "Mobile banking (bank app on the phone)"),
    "e_wallet": QT_TRANSLATE_NOOP("OnboardingLabels", "E-wallet"),
    "auto_debit": QT_TRANSLATE_NOOP("OnboardingLabels", "Automatic debit from a bank account"),
    "bank_qr": QT_TRANSLATE_NOOP("OnboardingLabels", "Bank transfer by QR code each month"),
    "cash": QT_TRANSLATE_NOOP("OnboardingLabels", "Cash (not yet cashless)"),
}

DOCUMENTS = {
    "id_document": QT_TRANSLATE_NOOP("OnboardingLabels", "Citizen ID card of the requester"),
    "address_proof": QT_TRANSLATE_NOOP("OnboardingLabels", "Proof of the right to use the supply address"),
    "household_authorisation": QT_TRANSLATE_NOOP(
        "OnboardingLabels", "Authorisation from the other households sharing the meter"),
}


def tl(text: str) -> str:
    return QCoreApplication.translate("OnboardingLabels", text)


def step_title(step: str) -> str:
    return tl(STEP_TITLES[step])


def qr_pixmap(payload: str, size: int) -> QPixmap:
    pm = QPixmap()
    pm.loadFromData(qr_png_bytes(payload, box_size=8))
    return pm.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


class Host(Protocol):
    """What a step screen needs from the page that shows it (`pages/onboarding_page.py`
    implements it; typed here so the screens never import the page)."""

    ctx: Any
    next_button: QPushButton

    def go_next(self) -> None: ...
    def start_other(self) -> None: ...
    def refresh_header(self) -> None: ...
    def show_problem(self, exc: BaseException) -> None: ...
    def flow_updated(self, f: Flow) -> None: ...


def heading(obj: str = "Question") -> QLabel:
    label = QLabel(objectName=obj)
    label.setWordWrap(True)
    return label


class Screen(QWidget):
    """Base of the step screens."""

    step_id = ""

    def __init__(self, page: Host):
        super().__init__()
        self.page = page
        self.setObjectName(f"Screen_{self.step_id}")

    @property
    def session(self) -> Any:
        return self.page.ctx.session

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text again."""

    def load(self, f: Flow | None) -> None:
        """Fill the screen from the saved answers."""

    def save(self, f: Flow | None) -> Job | None:
        """The job that saves this step (None: nothing to save, just go on)."""
        return None

    def next_text(self) -> str:
        return ""

    def focus_first(self) -> None:
        """The screen's first field; on a screen with nothing to type or choose, Next (so Enter goes on:
        focusNextChild() from the Next just pressed wrapped round to Back, and Enter went back)."""
        w = self.nextInFocusChain()
        while w is not None and w is not self:
            if self.isAncestorOf(w) and is_field(w):
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
            w = w.nextInFocusChain()
        self.page.next_button.setFocus(Qt.FocusReason.TabFocusReason)
