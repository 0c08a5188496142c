"""Onboarding steps 1-2: find or register the household, and a new supply request."""

from __future__ import annotations

from typing import Any

from fieldkit.domain import geography
from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.text import fold
from fieldkit.services import documents as docs
from fieldkit.services import onboarding as ob
from fieldkit.services.onboarding import Flow
from fieldkit.ui.forms.enter_keys import passive
from fieldkit.ui.onboarding.base import (
    DOCUMENTS,
    Host,
    Job,
    Screen,
    heading,
    step_title,
    tl,
)
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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

_M = Texts("ui.onboarding.household")

# --- 1. the household ------------------------------------------------------------------------------


class HouseholdScreen(Screen):
    step_id = flow.HOUSEHOLD

    def __init__(self, page: Host):
        super().__init__(page)
        self.modes = QStackedWidget()
        # find
        find = QWidget()
        self.find_question = heading()
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
        self.kind_question = heading()
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
        self.chosen_label = heading("Answer")
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
        else:  # the household chosen before: Enter goes on with it
            self.page.next_button.setFocus()

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
                    "customer", "required", _M("Pick a household in the list, or press «New household»."))])
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

    def __init__(self, page: Host):
        super().__init__(page)
        self.intro = heading()
        self.docs_label = heading("Caption")
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
        # the applicant signs the request here (the request's PDF prints the drawn signature)
        self.pad_label = QLabel(objectName="Muted")
        self.pad_label.setWordWrap(True)
        self.pad = SignaturePad(minimum=(340, 150), keep_taps=True)
        self.pad.setObjectName("RequestSignature")
        self.clear_button = QPushButton(objectName="ClearRequestSignature")
        self.signer_caption = QLabel()
        self.signer = QLineEdit(objectName="RequestSigner")
        self.signer_caption.setBuddy(self.signer)
        self.signed_note = QLabel(objectName="Muted")
        self.signed_note.setWordWrap(True)
        # the intro across the whole width (in the left column it took a third line), then the
        # request on the left and the applicant's signature on the right
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.intro)
        outer = QHBoxLayout()
        outer.setSpacing(24)
        top.addLayout(outer, 1)
        lay = QVBoxLayout()
        outer.addLayout(lay, 5)
        sign = QVBoxLayout()
        sign.setSpacing(4)
        sign.addWidget(self.pad_label)
        sign.addWidget(self.pad)
        sign.addWidget(self.signer_caption)  # on its own line: beside the field it squeezed the name
        row = QHBoxLayout()
        row.addWidget(self.signer, 1)
        row.addWidget(self.clear_button)
        sign.addLayout(row)
        sign.addWidget(self.signed_note)
        sign.addStretch(1)
        outer.addLayout(sign, 4)
        self.clear_button.clicked.connect(self.pad.clear)
        passive(self.clear_button)  # Enter on it must not wipe the signature
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
        self.commune_code: int | None = None
        self.saved: dict[str, Any] = {}
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
        self.pad_label.setText(self.tr("The applicant signs the request here (finger, pen or mouse). "
                                       "Without a signature the printed request is signed on paper."))
        self.clear_button.setText(self.tr("Clear"))
        self.signer_caption.setText(self.tr("Applicant's full name"))
        self._signed_note()
        self._update()

    def _signed_note(self) -> None:
        a = self.saved.get("signature_sha256") and self.saved.get("signer")
        self.signed_note.setText(self.tr("Signed by %1. Draw again to replace the signature; a changed request "
                                         "must be signed again.").replace("%1", str(a)) if a else "")

    def _update(self) -> None:
        shared = self.households.value() > 1
        self.docs["household_authorisation"].setEnabled(shared)
        days = flow.working_days_limit(self.needs_pole.isChecked())
        self.deadline.setText(self.tr("The power company connects within %1 working days.").replace("%1", str(days)))

    def load(self, f: Flow | None) -> None:
        if f is None:
            return
        a = f.answers.get(flow.NEW_SUPPLY, {})
        self.saved = a
        self.pad.strokes = []
        self.signer.setText(str(a.get("signer") or f.customer.name))
        self._signed_note()
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
        strokes, signer = [list(st) for st in self.pad.strokes if st], self.signer.text()
        if not strokes and self.saved.get("signature_sha256") and self._unchanged(answer):
            return None  # signed already and nothing changed: keep the signed request
        return lambda: docs.save_supply_request(session, cid, answer, signer, strokes)

    def _unchanged(self, answer: flow.NewSupplyAnswer) -> bool:
        a = self.saved
        return (sorted(answer.documents) == list(a.get("documents") or []) and answer.households == a.get("households")
                and answer.street.strip() == (a.get("supply_address") or {}).get("street")
                and answer.commune_code == (a.get("supply_address") or {}).get("commune_code")
                and answer.needs_pole == bool(a.get("needs_pole")))
