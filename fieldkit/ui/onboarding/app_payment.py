"""Onboarding steps 3-6: install the app, its account, cashless payment, the current bill
and its transfer QR."""

from __future__ import annotations

from typing import Literal

from fieldkit.documents.household_sheet import format_date, format_vnd
from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services import onboarding as ob
from fieldkit.services.onboarding import Flow
from fieldkit.ui.labels import current_language, format_number
from fieldkit.ui.onboarding.base import (
    METHODS,
    Host,
    Job,
    Screen,
    heading,
    qr_pixmap,
    tl,
)
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    Qt,
    QVBoxLayout,
)

_M = Texts("ui.onboarding.app_payment")

# --- 3. install the app ---------------------------------------------------------------------------


class AppInstallScreen(Screen):
    step_id = flow.APP_INSTALL

    def __init__(self, page: Host):
        super().__init__(page)
        cfg = ob.load_config()
        self.intro = heading()
        row = QHBoxLayout()
        row.setSpacing(24)
        self.captions: list[QLabel] = []
        self.qr_images: list[QLabel] = []
        self.payloads = [cfg.android_url, cfg.ios_url] + ([cfg.chat_url] if cfg.chat_url else [])
        for i, payload in enumerate(self.payloads):
            box = QVBoxLayout()
            img = QLabel(objectName=f"Qr{i}")
            img.setPixmap(qr_pixmap(payload, 220))
            img.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap = QLabel(objectName="Caption")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            box.addWidget(img)
            box.addWidget(cap)
            row.addLayout(box)
            self.captions.append(cap)
            self.qr_images.append(img)
        row.addStretch(1)
        self.hotline = QLabel(objectName="Big")
        self.chat = QLabel(objectName="Answer")
        self.chat.setWordWrap(True)
        self.cfg = cfg
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.intro)
        lay.addLayout(row)
        lay.addWidget(self.hotline)
        lay.addWidget(self.chat)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Ask the household to open the phone camera and scan the code for their "
                                   "phone, then install the app “%1”.").replace("%1", self.cfg.app_name))
        names = [self.tr("Android phone"), self.tr("iPhone"), self.tr("Official Zalo")]
        for cap, name in zip(self.captions, names, strict=False):
            cap.setText(name)
        self.hotline.setText(self.tr("Hotline: %1").replace("%1", self.cfg.hotline))
        self.chat.setText(self.tr("Official Zalo channel: %1").replace("%1", self.cfg.chat_name))

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        session, cid = self.session, f.customer.id
        if f.answers.get(flow.APP_INSTALL, {}).get("shown") is True:
            return None
        return lambda: ob.mark_app_shown(session, cid)


# --- 4. the app account --------------------------------------------------------------------------


class AppScreen(Screen):
    step_id = flow.APP

    def __init__(self, page: Host):
        super().__init__(page)
        self.question = heading()
        self.yes = QRadioButton(objectName="AppYes")
        self.no = QRadioButton(objectName="AppNo")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.phone_caption = QLabel()
        self.phone = QLineEdit(objectName="AppPhone")
        self.phone_caption.setBuddy(self.phone)
        self.hint = QLabel(objectName="Muted")
        self.hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.question)
        lay.addWidget(self.yes)
        lay.addWidget(self.no)
        lay.addSpacing(12)
        lay.addWidget(self.phone_caption)
        lay.addWidget(self.phone)
        lay.addWidget(self.hint)
        lay.addStretch(1)
        self.yes.toggled.connect(self._update)
        self._update()
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Has the household registered an account in the app with the phone number "
                                      "of the contract?"))
        self.yes.setText(self.tr("Yes, the account is registered"))
        self.no.setText(self.tr("Not yet"))
        self.phone_caption.setText(self.tr("Phone number used for the account"))
        self.hint.setText(self.tr("The account must use the contract's phone number: the power company sends "
                                  "its codes (OTP) there."))

    def _update(self) -> None:
        for w in (self.phone, self.phone_caption, self.hint):
            w.setVisible(self.yes.isChecked())

    def load(self, f: Flow | None) -> None:
        if f is None:
            return
        a = f.answers.get(flow.APP, {})
        self.group.setExclusive(False)
        self.yes.setChecked(a.get("registered") is True)
        self.no.setChecked(a.get("registered") is False)
        self.group.setExclusive(True)
        self.phone.setText(str(a.get("phone") or f.customer.phone))
        self._update()

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        if not (self.yes.isChecked() or self.no.isChecked()):
            raise ValidationError([Problem("registered", "required", _M("Choose «Registered» or «Not yet»."))])
        session, cid, registered, phone = self.session, f.customer.id, self.yes.isChecked(), self.phone.text()
        return lambda: ob.save_app(session, cid, registered, phone)


# --- 5. payment ------------------------------------------------------------------------------


class PaymentScreen(Screen):
    step_id = flow.PAYMENT

    def __init__(self, page: Host):
        super().__init__(page)
        self.cfg = ob.load_config()
        self.question = heading()
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.question)
        for m in flow.PAYMENT_METHODS:
            r = QRadioButton(objectName=f"Method_{m}")
            self.group.addButton(r)
            self.radios[m] = r
            lay.addWidget(r)
            r.toggled.connect(self._update)
        lay.addSpacing(12)
        self.provider_caption = QLabel()
        self.provider = QComboBox(objectName="Provider")
        self.provider_caption.setBuddy(self.provider)
        lay.addWidget(self.provider_caption)
        lay.addWidget(self.provider)
        lay.addStretch(1)
        self.kind: str | None = None
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.question.setText(self.tr("How will the household pay its electricity bill?"))
        for m, r in self.radios.items():
            r.setText(tl(METHODS[m]))
        self._caption()

    def method(self) -> str:
        return next((m for m, r in self.radios.items() if r.isChecked()), "")

    def _caption(self) -> None:
        self.provider_caption.setText(self.tr("Bank") if self.kind == "bank" else self.tr("E-wallet"))

    def _update(self) -> None:
        kind = flow.PROVIDER_LIST.get(self.method())
        if kind != self.kind:
            self.kind = kind
            self.provider.clear()
            if kind == "bank":
                for b in self.cfg.banks:
                    self.provider.addItem(b.name)
            elif kind == "wallet":
                self.provider.addItems(list(self.cfg.wallets))
            self.provider.setCurrentIndex(-1)
        self.provider.setVisible(kind is not None)
        self.provider_caption.setVisible(kind is not None)
        self._caption()

    def load(self, f: Flow | None) -> None:
        a = f.answers.get(flow.PAYMENT, {}) if f else {}
        self.group.setExclusive(False)
        for m, r in self.radios.items():
            r.setChecked(a.get("method") == m)
        self.group.setExclusive(True)
        self._update()
        if a.get("provider"):
            self.provider.setCurrentIndex(self.provider.findText(str(a["provider"])))

    def focus_first(self) -> None:
        (self.radios.get(self.method()) or self.radios["mobile_banking"]).setFocus()

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        session, cid = self.session, f.customer.id
        method, provider = self.method(), self.provider.currentText() if self.kind else ""
        return lambda: ob.save_payment(session, cid, method, provider)


# --- 6. the current bill and its transfer QR ----------------------------------------------------


class BillScreen(Screen):
    step_id = flow.BILL

    def __init__(self, page: Host):
        super().__init__(page)
        self.intro = heading()
        self.estimate = QLabel(objectName="Answer")
        self.estimate.setWordWrap(True)
        self.estimate.setTextFormat(Qt.TextFormat.RichText)
        self.qr = QLabel(objectName="BillQr")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.estimate, 1, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(self.qr)
        right.addWidget(self.facts)
        right.addStretch(1)
        row.addLayout(right)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.intro)
        lay.addLayout(row, 1)
        self.loaded: ob.BillQr | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The household's electricity bill and a QR code to pay it by bank transfer: "
                                   "open the bank app, choose «Scan QR»."))
        self._show()

    def load(self, f: Flow | None) -> None:
        if f is None:
            return
        self.loaded = None
        self.estimate.setText(self.tr("Loading…"))
        self.qr.clear()
        self.facts.clear()
        session, cid = self.session, f.customer.id
        Op(self, lambda: ob.bill_qr(session, cid)).success(self._loaded) \
            .failure(self.page.show_problem).run_in_background()

    def _loaded(self, qr: ob.BillQr) -> None:
        self.loaded = qr
        self._show()

    def _show(self) -> None:
        qr = self.loaded
        if qr is None:
            return
        lang: Literal["vi", "en"] = "vi" if current_language() == "vi" else "en"
        est = qr.estimate
        if qr.bill is not None:  # the utility's bill: the QR pays it; no estimate beside it (as on the sheet)
            b = qr.bill
            lines = [self.tr("Bill for %1 – %2").replace("%1", format_date(b.period_start))
                     .replace("%2", format_date(b.period_end)),
                     "<b style='font-size:20pt'>" + self.tr("To pay: %1").replace("%1", format_vnd(b.amount, lang))
                     + "</b>"]
            if b.due_date is not None:
                lines.append(self.tr("Due date: %1").replace("%1", format_date(b.due_date)))
            self.estimate.setText("<br>".join(lines))
        elif est is None:
            self.estimate.setText(self.tr("No bill estimate yet: this meter does not have two readings on this "
                                          "laptop. The QR code below has no amount; the household types it."))
        else:
            lines = [self.tr("Period: %1 – %2 (%3 days)").replace("%1", format_date(est.period_start))
                     .replace("%2", format_date(est.period_end)).replace("%3", str(est.days)),
                     self.tr("Consumption: %1 kWh").replace("%1", format_number(est.kwh))]
            for line in est.lines:
                lines.append("&nbsp;&nbsp;" + self.tr("Tier %1: %2 kWh × %3 = %4").replace("%1", str(line.tier))
                             .replace("%2", format_number(line.kwh)).replace("%3", format_vnd(line.price, lang))
                             .replace("%4", format_vnd(line.amount, lang)))
            percent = f"{(est.vat_rate * 100).normalize():f}"
            lines.append(self.tr("VAT %1%: %2").replace("%1", percent).replace("%2", format_vnd(est.vat, lang)))
            lines.append("<b style='font-size:20pt'>" + self.tr("Total: %1").replace("%1", format_vnd(est.total, lang))
                         + "</b>")
            lines.append(self.tr("An estimate only, for a period that may be paid already: the QR code has no "
                                 "amount; the household types the amount of its bill."))
            self.estimate.setText("<br>".join(lines))
        t = qr.transfer
        self.qr.setPixmap(qr_pixmap(t.payload, 220))
        facts = [(self.tr("Bank"), t.bank_name), (self.tr("Account"), t.account_number),
                 (self.tr("Account holder"), t.account_name), (self.tr("Reference"), t.purpose)]
        facts.insert(3, (self.tr("Amount"), format_vnd(t.amount, lang) if t.amount is not None
                         else self.tr("as on the electricity bill")))
        self.facts.setText("<br>".join(f"{k}: <b>{v}</b>" for k, v in facts if v))

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        if self.loaded is None:
            raise ValidationError([Problem("bill", "loading", _M("The bill is still being worked out; wait a moment."))])
        session, cid, qr = self.session, f.customer.id, self.loaded
        return lambda: ob.mark_bill_shown(session, cid, qr)
