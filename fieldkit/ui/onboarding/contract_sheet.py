"""Onboarding steps 7-8 and the end: the electronic contract (signature pad), the printed
household sheet, and the closing screen."""

from __future__ import annotations

from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services import onboarding as ob
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.onboarding import Flow
from fieldkit.ui.documents_view import DocumentActions, DocumentsPanel
from fieldkit.ui.forms.enter_keys import passive
from fieldkit.ui.onboarding.base import (
    METHODS,
    Host,
    Job,
    Screen,
    heading,
    tl,
)
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from fieldkit.ui.signature_pad import SignaturePad

_M = Texts("ui.onboarding.contract_sheet")

# --- 7. the electronic contract ---------------------------------------------------------------


class ContractScreen(Screen):
    step_id = flow.CONTRACT

    def __init__(self, page: Host):
        super().__init__(page)
        self.summary = QLabel(objectName="ContractSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.read = QCheckBox(objectName="ContractRead")
        self.pad_label = QLabel(objectName="Muted")
        self.pad_label.setWordWrap(True)
        self.pad = SignaturePad(minimum=(380, 170), keep_taps=True)
        self.clear_button = QPushButton(objectName="ClearSignature")
        self.signer_caption = QLabel()
        self.signer = QLineEdit(objectName="Signer")
        self.signer_caption.setBuddy(self.signer)
        self.later = QCheckBox(objectName="SignLater")
        self.otp_note = QLabel(objectName="Muted")
        self.otp_note.setWordWrap(True)
        # the summary on the left, reading and signing on the right
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(24)
        lay.addWidget(self.summary, 5, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.read)
        right.addWidget(self.pad_label)
        right.addWidget(self.pad)
        form = QHBoxLayout()
        form.addWidget(self.signer_caption)
        form.addWidget(self.signer, 1)
        form.addWidget(self.clear_button)
        right.addLayout(form)
        right.addWidget(self.later)
        right.addWidget(self.otp_note)
        right.addStretch(1)
        lay.addLayout(right, 6)
        self.clear_button.clicked.connect(self.pad.clear)
        self.later.toggled.connect(self._update)
        passive(self.clear_button)  # Enter on it must not wipe the signature
        self.flow: Flow | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.read.setText(self.tr("The household has read the summary and agrees"))
        self.pad_label.setText(self.tr("Signature (finger, pen or mouse). Without a pen, type the name below."))
        self.clear_button.setText(self.tr("Clear"))
        self.signer_caption.setText(self.tr("Signer's full name"))
        self.later.setText(self.tr("The household will sign later"))
        self.otp_note.setText(self.tr("After signing, the power company sends a code (OTP) to the contract phone. "
                                      "The confirmation shows here after the next sync."))
        self._summary()

    def _summary(self) -> None:
        f = self.flow
        if f is None:
            return
        c = f.customer
        pay = f.answers.get(flow.PAYMENT, {})
        method = tl(METHODS[pay["method"]]) if pay.get("method") in METHODS else "—"
        if pay.get("provider"):
            method += f" ({pay['provider']})"
        rows = [
            (self.tr("Seller"), ob.load_config().utility_name),
            (self.tr("Buyer"), f"{c.name} — {c.code}"),
            (self.tr("Supply address"), c.address.one_line() or "—"),
            (self.tr("Purpose"), self.tr("Electricity for a household (residential tariff, in tiers)")),
            (self.tr("Households on the meter"), str(c.households)),
            (self.tr("Price"), self.tr("Retail price set by the State; the bill is issued every month")),
            (self.tr("Payment"), method),
            (self.tr("Contract phone (OTP)"), c.phone or "—"),
        ]
        head = "<b style='font-size:16pt'>" + self.tr("Summary of the electricity purchase contract") + "</b>"
        body = "".join(f"<p style='margin:8px 0 0 0'>{k}: <b>{v}</b></p>" for k, v in rows)
        self.summary.setText(f"{head}{body}")

    def _update(self) -> None:
        on = not self.later.isChecked()
        for w in (self.read, self.pad, self.clear_button, self.signer, self.signer_caption):
            w.setEnabled(on)
        self.pad.update()

    def load(self, f: Flow | None) -> None:
        self.flow = f
        if f is None:
            return
        a = f.answers.get(flow.CONTRACT, {})
        self.pad.strokes = []
        self.signer.setText(str(a.get("signer") or f.customer.name))
        self.read.setChecked(a.get("signed") is True)
        self.later.setChecked(a.get("signed") is False)
        self._summary()
        self._update()

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        a = f.answers.get(flow.CONTRACT, {})
        if a.get("signed") is True and not self.pad.has_ink() and not self.later.isChecked() \
                and self.signer.text().strip() == a.get("signer"):
            return None  # already signed, nothing changed
        session, cid = self.session, f.customer.id
        signed, read, signer = not self.later.isChecked(), self.read.isChecked(), self.signer.text()
        strokes = [list(s) for s in self.pad.strokes]
        return lambda: ob.sign_contract(session, cid, signed=signed, read_summary=read, signer=signer,
                                        strokes=strokes)


# --- 8. the household sheet ------------------------------------------------------------------


class SheetScreen(Screen):
    step_id = flow.SHEET

    def __init__(self, page: Host):
        super().__init__(page)
        self.intro = heading()
        self.recap = QLabel(objectName="Answer")
        self.recap.setWordWrap(True)
        self.make_button = QPushButton(objectName="MakeSheet")
        self.result = QLabel(objectName="SheetResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.printed = QCheckBox(objectName="Printed")
        self.document_actions = DocumentActions()  # open / print / save a copy of the encrypted sheet
        self.other_documents = DocumentsPanel(("new_supply_request", "contract"))  # the request, the e-contract
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.intro)
        lay.addWidget(self.recap)
        lay.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.result)
        lay.addWidget(self.document_actions)
        lay.addWidget(self.printed)
        lay.addWidget(self.other_documents)
        lay.addStretch(1)
        self.make_button.clicked.connect(self.make)
        self.flow: Flow | None = None
        self.path = ""
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Make the one-page sheet for the household: customer code, app and payment QR "
                                   "codes, hotline, payment method and the next reading date."))
        self.make_button.setText(self.tr("&Make the household sheet (PDF)"))
        self.printed.setText(self.tr("The sheet was printed and given to the household"))
        self._recap()

    def _recap(self) -> None:
        f = self.flow
        if f is None:
            return
        a = f.answers
        yes, no = self.tr("yes"), self.tr("not yet")
        pay = a.get(flow.PAYMENT, {})
        method = tl(METHODS[pay["method"]]) if pay.get("method") in METHODS else "—"
        contract = a.get(flow.CONTRACT, {})
        items = [
            (self.tr("Customer"), f"{f.customer.name} — {f.customer.code}"),
            (self.tr("App account"), yes if a.get(flow.APP, {}).get("registered") else no),
            (self.tr("Payment"), method + (f" ({pay['provider']})" if pay.get("provider") else "")),
            (self.tr("E-contract"), (self.tr("signed, OTP confirmed") if contract.get("otp") == flow.OTP_CONFIRMED
                                     else self.tr("signed, OTP pending")) if contract.get("signed") else no),
        ]
        self.recap.setText("<br>".join(f"{k}: <b>{v}</b>" for k, v in items))
        sheet = a.get(flow.SHEET, {})
        if sheet.get("sha256") and not self.path:
            self.result.setText(self.tr("A sheet was made earlier (%1).").replace("%1", str(sheet.get("file", ""))))
            self.document_actions.set_document(self.session, KeptDocument(
                str(sheet["sha256"]), "household_sheet", str(sheet.get("file") or "phieu-khach-hang.pdf")))

    def load(self, f: Flow | None) -> None:
        self.flow = f
        self.path = ""
        self.result.clear()
        self.document_actions.set_document(None, None)
        if f is not None:
            self.printed.setChecked(bool(f.answers.get(flow.SHEET, {}).get("printed")))
            self.other_documents.show_customer(self.session, f.customer.id)
        self._recap()

    def make(self) -> None:
        f = self.flow
        if f is None or self.busy:
            return
        self.busy = True
        self.make_button.setEnabled(False)
        self.result.setText(self.tr("Making the sheet…"))
        session, cid = self.session, f.customer.id
        Op(self, lambda: ob.make_sheet(session, cid, "vi")).success(self._made) \
            .failure(self._failed).run_in_background()

    def _made(self, result: ob.SheetResult) -> None:
        self.busy = False
        self.make_button.setEnabled(True)
        self.path = result.document.file_name  # kept encrypted in the profile; no file in the clear
        self.document_actions.set_document(self.session, result.document)
        self.flow = result.flow
        self.page.flow_updated(result.flow)
        self.result.setText(self.tr("Saved: %1 — open it and print it.").replace("%1", self.path))
        self.printed.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.make_button.setEnabled(True)
        self.result.clear()
        self.page.show_problem(exc)

    def next_text(self) -> str:
        return self.tr("&Finish")

    def focus_first(self) -> None:
        self.make_button.setFocus()

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        if not f.answers.get(flow.SHEET, {}).get("sha256"):
            raise ValidationError([Problem("sheet", "required", _M("Press «Make the household sheet» before finishing."))])
        session, cid, printed = self.session, f.customer.id, self.printed.isChecked()
        return lambda: ob.finish(session, cid, printed)


# --- the end ----------------------------------------------------------------------------------


class DoneScreen(Screen):
    step_id = flow.DONE

    def __init__(self, page: Host):
        super().__init__(page)
        self.message = heading("Question")
        self.detail = QLabel(objectName="Answer")
        self.detail.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.message)
        lay.addWidget(self.detail)
        lay.addStretch(1)
        self.flow: Flow | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("Thank you! This household is done."))
        if self.flow is not None:
            self.detail.setText(self.tr("%1 (%2): every step is saved and will be sent at the next sync.")
                                .replace("%1", self.flow.customer.name).replace("%2", self.flow.customer.code))

    def load(self, f: Flow | None) -> None:
        self.flow = f
        self.retranslate()

    def next_text(self) -> str:
        return self.tr("Start &another household")

    def focus_first(self) -> None:
        self.page.next_button.setFocus()
