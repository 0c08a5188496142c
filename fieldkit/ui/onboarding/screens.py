"""One screen per onboarding step. The page (`pages/onboarding_page.py`) owns navigation:
it shows a screen, calls `load(flow)` to fill it from the saved answers, and on Next calls
`save(flow)`, which returns the background job (a service call returning the new `Flow`)
or raises `ValidationError` for what the screen itself can check.

No SQL here: screens call `fieldkit.services.onboarding` (inside `Op`, through the page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldkit.documents.household_sheet import format_date, format_vnd
from fieldkit.documents.qr import qr_png_bytes
from fieldkit.domain import geography
from fieldkit.domain import onboarding as flow
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.text import fold
from fieldkit.services import onboarding as ob
from fieldkit.services.onboarding import Flow
from fieldkit.ui.labels import current_language, format_number
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.signature_pad import SignaturePad

if TYPE_CHECKING:
    from fieldkit.ui.pages.onboarding_page import OnboardingPage

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


def _heading(obj: str = "Question") -> QLabel:
    label = QLabel(objectName=obj)
    label.setWordWrap(True)
    return label


class Screen(QWidget):
    """Base of the step screens."""

    step_id = ""

    def __init__(self, page: OnboardingPage):
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
        self.focusNextChild()


# --- 1. the household ------------------------------------------------------------------------------


class HouseholdScreen(Screen):
    step_id = flow.HOUSEHOLD

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.modes = QStackedWidget()
        # find
        find = QWidget()
        self.find_question = _heading()
        self.search = QLineEdit(objectName="HouseholdSearch")
        self.search.setClearButtonEnabled(True)
        self.results_label = QLabel(objectName="Muted")
        self.results = QListWidget(objectName="HouseholdResults")
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.new_button = QPushButton(objectName="NewHousehold")
        f = QVBoxLayout(find)
        f.setContentsMargins(0, 0, 0, 0)
        f.addWidget(self.find_question)
        f.addWidget(self.search)
        f.addWidget(self.results_label)
        f.addWidget(self.results, 1)
        f.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        # new household
        new = QWidget()
        self.kind_question = _heading()
        self.is_customer = QRadioButton(objectName="IsCustomer")
        self.not_customer = QRadioButton(objectName="NotCustomer")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.is_customer)
        self.kind_group.addButton(self.not_customer)
        self.is_customer.setChecked(True)
        self.name = QLineEdit(objectName="Name")
        self.code = QLineEdit(objectName="Code")
        self.code.setMaxLength(16)
        self.phone = QLineEdit(objectName="Phone")
        self.national_id = QLineEdit(objectName="NationalId")
        self.province = QComboBox(objectName="Province")
        self.commune = QComboBox(objectName="Commune")
        self.commune.setEditable(True)
        self.commune.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.street = QLineEdit(objectName="Street")
        self.captions = {k: QLabel() for k in ("name", "code", "phone", "national_id", "province", "commune",
                                                "street")}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        # two columns of caption-over-field pairs, so the form fits without scrolling
        for i, (key, widget) in enumerate((("name", self.name), ("code", self.code), ("phone", self.phone),
                                           ("national_id", self.national_id), ("province", self.province),
                                           ("commune", self.commune), ("street", self.street))):
            self.captions[key].setBuddy(widget)
            row, col = 2 * (i // 2), i % 2
            grid.addWidget(self.captions[key], row, col)
            grid.addWidget(widget, row + 1, col)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        n = QVBoxLayout(new)
        n.setContentsMargins(0, 0, 0, 0)
        n.addWidget(self.kind_question)
        n.addWidget(self.is_customer)
        n.addWidget(self.not_customer)
        n.addSpacing(8)
        n.addLayout(grid)
        n.addStretch(1)
        # chosen (coming back with Back)
        chosen = QWidget()
        self.chosen_label = _heading("Answer")
        self.other_button = QPushButton(objectName="OtherHousehold")
        c = QVBoxLayout(chosen)
        c.setContentsMargins(0, 0, 0, 0)
        c.addWidget(self.chosen_label)
        c.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        c.addStretch(1)
        for w in (find, new, chosen):
            self.modes.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.modes)
        self.find_mode, self.new_mode, self.chosen_mode = find, new, chosen

        self.unfinished: list[ob.Unfinished] = []
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self._search_enter)
        self.results.itemActivated.connect(lambda _i: self.page.go_next())
        self.new_button.clicked.connect(self.show_new)
        self.other_button.clicked.connect(self.page.start_other)
        self.is_customer.toggled.connect(self._kind_changed)
        self.province.currentIndexChanged.connect(self._fill_communes)
        for edit in (self.code, self.name, self.phone, self.national_id, self.street):
            edit.returnPressed.connect(self.page.go_next)
        cfg = ob.load_config()
        for p in sorted(geography.provinces().values(), key=lambda p: p.name):
            self.province.addItem(p.name, p.code)
        if cfg.default_province_code is not None:
            self.province.setCurrentIndex(max(0, self.province.findData(cfg.default_province_code)))
        self._fill_communes()
        self.searched = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.find_question.setText(self.tr("Find the household: type the customer code, the name or the phone "
                                           "number."))
        self.search.setPlaceholderText(self.tr("e.g. PA23VG0053140, Nguyen Van A or 0912…"))
        self.new_button.setText(self.tr("&Add a new household (not found)"))
        self.kind_question.setText(self.tr("Is this household already a customer of the power company?"))
        self.is_customer.setText(self.tr("Yes, it has a customer code"))
        self.not_customer.setText(self.tr("No, not yet: take a new supply request"))
        for key, text in (("code", self.tr("Customer code")), ("name", self.tr("Full name")),
                          ("phone", self.tr("Phone (contract)")), ("national_id", self.tr("Citizen ID")),
                          ("province", self.tr("Province")), ("commune", self.tr("Commune / ward")),
                          ("street", self.tr("House, hamlet"))):
            self.captions[key].setText(text)
        self.other_button.setText(self.tr("Choose another household"))
        self._show_results_label()

    def _kind_changed(self) -> None:
        self.code.setVisible(self.is_customer.isChecked())
        self.captions["code"].setVisible(self.is_customer.isChecked())

    def _fill_communes(self) -> None:
        code = self.province.currentData()
        self.commune.clear()
        province = geography.provinces().get(code) if code is not None else None
        for c in sorted(province.communes if province else (), key=lambda c: c.name):
            self.commune.addItem(c.name, c.code)
        self.commune.setCurrentIndex(-1)

    def commune_index(self, text: str) -> int:
        """The commune typed, with or without diacritics or its "Xã"/"Phường" ("gia vien" finds
        "Xã Gia Viễn"); -1 when none or more than one matches."""
        index = self.commune.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        key = fold(text)
        if index >= 0 or not key:
            return index
        names = [fold(self.commune.itemText(i)) for i in range(self.commune.count())]
        exact = [i for i, n in enumerate(names) if n == key or n.split(" ", 1)[-1] == key]
        if len(exact) == 1:
            return exact[0]
        starts = [i for i, n in enumerate(names) if n.startswith(key) or n.split(" ", 1)[-1].startswith(key)]
        return starts[0] if len(starts) == 1 else -1

    def back_inside(self) -> bool:
        """Back on the new-household form returns to the search (True: handled here)."""
        if self.modes.currentWidget() is self.new_mode:
            self.show_find()
            return True
        return False

    def has_back_inside(self) -> bool:
        return self.modes.currentWidget() is self.new_mode

    def show_find(self) -> None:
        self.modes.setCurrentWidget(self.find_mode)
        self.page.refresh_header()
        self.search.setFocus()
        self._load_unfinished()

    def show_new(self) -> None:
        self.modes.setCurrentWidget(self.new_mode)
        self.page.refresh_header()
        text = self.search.text().strip()
        if text and not self.code.text():
            if text[:1].upper() == "P" and any(ch.isdigit() for ch in text):
                self.code.setText(text.upper())
            elif not any(ch.isdigit() for ch in text):
                self.name.setText(text)
        self._kind_changed()
        self.is_customer.setFocus()

    def load(self, f: Flow | None) -> None:
        if f is None:
            self.show_find()
            return
        c = f.customer
        self.chosen_label.setText(f"<b>{c.name}</b><br>{c.code}<br>{c.address.one_line()}")
        self.modes.setCurrentWidget(self.chosen_mode)

    def focus_first(self) -> None:
        if self.modes.currentWidget() is self.find_mode:
            self.search.setFocus()
        elif self.modes.currentWidget() is self.new_mode:
            self.is_customer.setFocus()
        else:
            self.other_button.setFocus()

    # search ------------------------------------------------------------------------------
    def _load_unfinished(self) -> None:
        session = self.session
        Op(self, lambda: ob.unfinished(session)).success(self._show_unfinished).run_in_background()

    def _show_unfinished(self, items: list[ob.Unfinished]) -> None:
        self.unfinished = items
        if not self.search.text().strip():
            stopped = self.tr("stopped at: %1")
            self._fill([(u.customer_id, f"{u.name} · {u.code} — {stopped.replace('%1', step_title(u.step))}")
                        for u in items])

    def _search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._show_unfinished(self.unfinished)
            return
        session = self.session
        Op(self, lambda: (text, ob.find_households(session, text))).success(self._found).run_in_background()

    def _search_enter(self) -> None:
        if self.results.count() and self.results.currentRow() < 0:
            self.results.setCurrentRow(0)
        if self.results.currentItem() is not None:
            self.page.go_next()
        else:
            self.timer.stop()
            self._search()

    def _found(self, result: tuple[str, list[Any]]) -> None:
        text, customers = result
        if text != self.search.text().strip():
            return
        self.searched = text
        self._fill([(c.id, f"{c.name} · {c.code} · {c.address.one_line()}") for c in customers])

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        self.results.clear()
        for cid, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.results.addItem(item)
        self._show_results_label()

    def _show_results_label(self) -> None:
        if not self.search.text().strip():
            self.results_label.setText(self.tr("Started earlier and not finished — pick one to continue:")
                                       if self.results.count() else "")
        elif self.results.count():
            self.results_label.setText(self.tr("Pick the household (arrow keys, then Enter):"))
        else:
            self.results_label.setText(self.tr("No household found on this laptop."))

    # next -------------------------------------------------------------------------------
    def save(self, f: Flow | None) -> Job | None:
        session = self.session
        mode = self.modes.currentWidget()
        if mode is self.chosen_mode and f is not None:
            return None
        if mode is self.find_mode:
            item = self.results.currentItem()
            if item is None:
                raise ValidationError([Problem(
                    "customer", "required", "Hãy chọn một hộ trong danh sách, hoặc bấm «Hộ mới».",
                    "Pick a household in the list, or press «New household».")])
            cid = str(item.data(Qt.ItemDataRole.UserRole))
            return lambda: ob.start_with_customer(session, cid)
        commune_index = self.commune_index(self.commune.currentText())
        data = ob.HouseholdInput(
            name=self.name.text(), phone=self.phone.text(), national_id=self.national_id.text(),
            street=self.street.text(), province_code=self.province.currentData(),
            commune_code=self.commune.itemData(commune_index) if commune_index >= 0 else None,
            code=self.code.text() if self.is_customer.isChecked() else "",
            existing_customer=self.is_customer.isChecked())
        return lambda: ob.start_new_household(session, data)


# --- 2. new supply request ---------------------------------------------------------------------


class NewSupplyScreen(Screen):
    step_id = flow.NEW_SUPPLY

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.intro = _heading()
        self.docs_label = _heading("Caption")
        self.docs = {d: QCheckBox(objectName=f"Doc_{d}") for d, _ in flow.NEW_SUPPLY_DOCUMENTS}
        self.households_caption = QLabel()
        self.households = QSpinBox(objectName="Households")
        self.households.setRange(1, 50)
        self.households_caption.setBuddy(self.households)
        self.street_caption = QLabel()
        self.street = QLineEdit(objectName="SupplyStreet")
        self.street_caption.setBuddy(self.street)
        self.commune = QLabel(objectName="Muted")
        self.needs_pole = QCheckBox(objectName="NeedsPole")
        self.deadline = QLabel(objectName="Muted")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.intro)
        lay.addWidget(self.docs_label)
        for box in self.docs.values():
            lay.addWidget(box)
        grid = QGridLayout()
        grid.addWidget(self.households_caption, 0, 0)
        grid.addWidget(self.households, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.street_caption, 1, 0)
        grid.addWidget(self.street, 1, 1)
        grid.addWidget(self.commune, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.needs_pole, 3, 0, 1, 2)
        grid.addWidget(self.deadline, 4, 0, 1, 2)
        grid.setVerticalSpacing(4)
        lay.addLayout(grid)
        lay.addStretch(1)
        self.households.valueChanged.connect(self._update)
        self.needs_pole.toggled.connect(self._update)
        self.street.returnPressed.connect(self.page.go_next)
        self.commune_code: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The household is not yet a customer. Take the new supply request "
                                   "(online service): tick each document the household has shown you."))
        self.docs_label.setText(self.tr("Documents"))
        for d, box in self.docs.items():
            box.setText(tl(DOCUMENTS[d]))
        self.households_caption.setText(self.tr("Households sharing the meter"))
        self.street_caption.setText(self.tr("Supply address (house, hamlet)"))
        self.needs_pole.setText(self.tr("A pole, a cable or a current transformer is needed"))
        self._update()

    def _update(self) -> None:
        shared = self.households.value() > 1
        self.docs["household_authorisation"].setEnabled(shared)
        days = flow.working_days_limit(self.needs_pole.isChecked())
        self.deadline.setText(self.tr("The power company connects within %1 working days.").replace("%1", str(days)))

    def load(self, f: Flow | None) -> None:
        if f is None:
            return
        a = f.answers.get(flow.NEW_SUPPLY, {})
        for d, box in self.docs.items():
            box.setChecked(d in (a.get("documents") or []))
        self.households.setValue(int(a.get("households") or f.customer.households))
        addr = a.get("supply_address") or {}
        self.street.setText(str(addr.get("street") or f.customer.address.street))
        self.commune_code = addr.get("commune_code") or f.customer.address.commune_code
        self.commune.setText(str(addr.get("commune") or f.customer.address.commune))
        self.needs_pole.setChecked(bool(a.get("needs_pole")))
        self._update()

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        session, cid = self.session, f.customer.id
        answer = flow.NewSupplyAnswer(
            documents=tuple(d for d, box in self.docs.items() if box.isChecked() and box.isEnabled()),
            households=self.households.value(), street=self.street.text(), commune_code=self.commune_code,
            needs_pole=self.needs_pole.isChecked())
        return lambda: ob.save_new_supply(session, cid, answer)


# --- 3. install the app ---------------------------------------------------------------------------


class AppInstallScreen(Screen):
    step_id = flow.APP_INSTALL

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        cfg = ob.load_config()
        self.intro = _heading()
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

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.question = _heading()
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
        self.phone.returnPressed.connect(self.page.go_next)
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
            raise ValidationError([Problem("registered", "required", "Hãy chọn «Đã đăng ký» hoặc «Chưa».",
                                           "Choose «Registered» or «Not yet».")])
        session, cid, registered, phone = self.session, f.customer.id, self.yes.isChecked(), self.phone.text()
        return lambda: ob.save_app(session, cid, registered, phone)


# --- 5. payment ------------------------------------------------------------------------------


class PaymentScreen(Screen):
    step_id = flow.PAYMENT

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.cfg = ob.load_config()
        self.question = _heading()
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

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.intro = _heading()
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
        self.intro.setText(self.tr("The estimated bill from the last two readings, and a QR code to pay it "
                                   "by bank transfer: open the bank app, choose «Scan QR»."))
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
        lang = "vi" if current_language() == "vi" else "en"
        est = qr.estimate
        if est is None:
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
            self.estimate.setText("<br>".join(lines))
        t = qr.transfer
        self.qr.setPixmap(qr_pixmap(t.payload, 220))
        facts = [(self.tr("Bank"), t.bank_name), (self.tr("Account"), t.account_number),
                 (self.tr("Account holder"), t.account_name), (self.tr("Reference"), t.purpose)]
        if t.amount is not None:
            facts.insert(3, (self.tr("Amount"), format_vnd(t.amount, lang)))
        self.facts.setText("<br>".join(f"{k}: <b>{v}</b>" for k, v in facts if v))

    def save(self, f: Flow | None) -> Job | None:
        assert f is not None
        if self.loaded is None:
            raise ValidationError([Problem("bill", "loading", "Đang tính hoá đơn, hãy chờ một chút.",
                                           "The bill is still being worked out; wait a moment.")])
        session, cid, qr = self.session, f.customer.id, self.loaded
        return lambda: ob.mark_bill_shown(session, cid, qr)


# --- 7. the electronic contract ---------------------------------------------------------------


class ContractScreen(Screen):
    step_id = flow.CONTRACT

    def __init__(self, page: OnboardingPage):
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
        self.signer.returnPressed.connect(self.page.go_next)
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

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.intro = _heading()
        self.recap = QLabel(objectName="Answer")
        self.recap.setWordWrap(True)
        self.make_button = QPushButton(objectName="MakeSheet")
        self.result = QLabel(objectName="SheetResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.printed = QCheckBox(objectName="Printed")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.intro)
        lay.addWidget(self.recap)
        lay.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.result)
        lay.addWidget(self.printed)
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

    def load(self, f: Flow | None) -> None:
        self.flow = f
        self.path = ""
        self.result.clear()
        if f is not None:
            self.printed.setChecked(bool(f.answers.get(flow.SHEET, {}).get("printed")))
        self._recap()

    def make(self) -> None:
        f = self.flow
        if f is None or self.busy:
            return
        self.busy = True
        self.make_button.setEnabled(False)
        self.result.setText(self.tr("Making the sheet…"))
        session, cid, lang = self.session, f.customer.id, "vi"
        folder = ob.sheets_folder(session)
        Op(self, lambda: ob.make_sheet(session, cid, folder, lang)).success(self._made) \
            .failure(self._failed).run_in_background()

    def _made(self, result: ob.SheetResult) -> None:
        self.busy = False
        self.make_button.setEnabled(True)
        self.path = str(result.path)
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
            raise ValidationError([Problem("sheet", "required", "Hãy bấm «Tạo phiếu» trước khi kết thúc.",
                                           "Press «Make the household sheet» before finishing.")])
        session, cid, printed = self.session, f.customer.id, self.printed.isChecked()
        return lambda: ob.finish(session, cid, printed)


# --- the end ----------------------------------------------------------------------------------


class DoneScreen(Screen):
    step_id = flow.DONE

    def __init__(self, page: OnboardingPage):
        super().__init__(page)
        self.message = _heading("Question")
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


SCREENS: tuple[type[Screen], ...] = (HouseholdScreen, NewSupplyScreen, AppInstallScreen, AppScreen, PaymentScreen,
                                     BillScreen, ContractScreen, SheetScreen, DoneScreen)
