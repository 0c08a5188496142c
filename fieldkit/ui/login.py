"""Before the main window: pick a user and enter the PIN, or create the first user."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from fieldkit.domain.models import Role
from fieldkit.services import session as sessions
from fieldkit.services import ui_queries
from fieldkit.services.session import Session
from fieldkit.store.keyring import KdfParams
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.i18n import LANGUAGES
from fieldkit.ui.labels import ROLES, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QComboBox,
    QEvent,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSize,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.screen_fit import fit_to_screen


def _language_button(parent: QWidget, current: str) -> QPushButton:
    other = "en" if current == "vi" else "vi"
    b = QPushButton(LANGUAGES[other], parent)
    b.setObjectName("LanguageButton")
    b.setProperty("lang", other)
    return b


log = logging.getLogger(__name__)


def _then_load_the_main_window(open_session: Callable[[], Session]) -> Callable[[], Session]:
    """Sign in, then import the main window's code, both off the UI thread: importing it on the
    UI thread at sign-in (its pages, the form renderer, reportlab) stalled it 150-450 ms."""
    def work() -> Session:
        session = open_session()
        try:
            importlib.import_module("fieldkit.ui.main_window")
        except Exception:  # noqa: BLE001  the UI thread imports it again and shows the error
            log.exception("could not load the main window in the background")
        return session
    return work


class LoginForm(QWidget):
    """Pick a user from the list, type the PIN, press Enter."""

    loggedIn = Signal(object)  # Session
    languageRequested = Signal(str)

    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.setObjectName("LoginForm")
        self.title = QLabel(objectName="Title")
        self.subtitle = QLabel(objectName="Muted")
        self.user_label = QLabel()
        self.users = QListWidget(objectName="Users")
        self.users.setIconSize(QSize(0, 0))
        self.users.setMinimumHeight(180)
        self.pin_label = QLabel()
        self.pin = QLineEdit(objectName="Pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(64)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.user_label.setBuddy(self.users)
        self.pin_label.setBuddy(self.pin)
        self.error = QLabel(objectName="Error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.sign_in = QPushButton(objectName="Primary")
        self.sign_in.setDefault(True)
        self.language = QPushButton(objectName="LanguageButton")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language)
        card = QFrame(objectName="Card")
        form = QVBoxLayout(card)
        form.setContentsMargins(24, 24, 24, 24)
        form.setSpacing(10)
        form.addWidget(self.user_label)
        form.addWidget(self.users, 1)
        form.addWidget(self.pin_label)
        form.addWidget(self.pin)
        form.addWidget(self.error)
        form.addWidget(self.sign_in)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(top)
        outer.addWidget(self.subtitle)
        outer.addWidget(card, 1)

        self.sign_in.clicked.connect(self.submit)
        # Enter: in the list, to the PIN (the list's own activation); in the PIN, sign in
        EnterForward(self, self.submit)
        self.users.itemActivated.connect(lambda _i: self.pin.setFocus())
        self.users.currentRowChanged.connect(lambda _r: self.error.hide())
        self.language.clicked.connect(lambda: self.languageRequested.emit(self.language.property("lang")))
        self.setTabOrder(self.users, self.pin)
        self.setTabOrder(self.pin, self.sign_in)
        self.setTabOrder(self.sign_in, self.language)
        self._busy = False
        self.reload_users()
        self.retranslate()

    def reload_users(self) -> None:
        self.users.clear()
        for u in sessions.profile_users(self.folder):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, u.username)
            item.setData(Qt.ItemDataRole.UserRole + 1, u.role)
            item.setData(Qt.ItemDataRole.UserRole + 2, u.display_name)
            self.users.addItem(item)
        self._label_users()
        if self.users.count():
            self.users.setCurrentRow(0)

    def _label_users(self) -> None:
        for i in range(self.users.count()):
            item = self.users.item(i)
            role = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setText(f"{item.data(Qt.ItemDataRole.UserRole + 2)}  —  {label(ROLES, role)}")

    def select_user(self, username: str) -> None:
        for i in range(self.users.count()):
            if self.users.item(i).data(Qt.ItemDataRole.UserRole) == username:
                self.users.setCurrentRow(i)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        if self._busy:
            return
        item = self.users.currentItem()
        if item is None:
            self.show_error(self.tr("Choose your name in the list first."))
            return
        if not self.pin.text():
            self.show_error(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        username, pin, folder = item.data(Qt.ItemDataRole.UserRole), self.pin.text(), self.folder
        self._set_busy(True)
        Op(self, _then_load_the_main_window(lambda: sessions.login(folder, username, pin))).success(self._ok).failure(self._failed) \
            .run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in.setEnabled(not busy)
        self.sign_in.setText(self.tr("Checking…") if busy else self.tr("Sign in"))

    def _ok(self, session: Session) -> None:
        self._set_busy(False)
        self.pin.clear()
        self.error.hide()
        self.loggedIn.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pin.selectAll()
        self.pin.setFocus()
        self.show_error(problem_text(exc))

    def set_language_button(self, current: str) -> None:
        other = "en" if current == "vi" else "vi"
        self.language.setProperty("lang", other)
        self.language.setText(LANGUAGES[other])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("FieldKit — Sign in"))
        self.subtitle.setText(self.tr("Choose your name, then enter your PIN."))
        self.user_label.setText(self.tr("&User"))
        self.pin_label.setText(self.tr("&PIN"))
        self.pin.setPlaceholderText(self.tr("At least 6 digits"))
        self.sign_in.setText(self.tr("Checking…") if self._busy else self.tr("Sign in"))
        self.language.setToolTip(self.tr("Change the language"))
        self._label_users()
        self.error.hide()


class FirstRunForm(QWidget):
    """A profile with no users yet: create the first one (name, role, PIN twice)."""

    created = Signal(object)  # Session
    languageRequested = Signal(str)

    def __init__(self, folder: str, params: KdfParams = KdfParams(), parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.params = params
        self.title = QLabel(objectName="Title")
        self.subtitle = QLabel(objectName="Muted")
        self.subtitle.setWordWrap(True)
        self.name = QLineEdit(objectName="Name")
        self.role = QComboBox(objectName="Role")
        for value in ("technician", "trainer", "supervisor"):
            self.role.addItem("", value)
        self.pin = QLineEdit(objectName="Pin")
        self.pin_again = QLineEdit(objectName="PinAgain")
        for w in (self.pin, self.pin_again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.name_label, self.role_label, self.pin_label, self.pin_again_label = QLabel(), QLabel(), QLabel(), QLabel()
        for lab, buddy in ((self.name_label, self.name), (self.role_label, self.role), (self.pin_label, self.pin),
                           (self.pin_again_label, self.pin_again)):
            lab.setBuddy(buddy)
        self.error = QLabel(objectName="Error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.create_button = QPushButton(objectName="Primary")
        self.language = QPushButton(objectName="LanguageButton")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language)
        card = QFrame(objectName="Card")
        form = QFormLayout(card)
        form.setContentsMargins(24, 24, 24, 24)
        form.setVerticalSpacing(12)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.name_label, self.name)
        form.addRow(self.role_label, self.role)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.pin_again_label, self.pin_again)
        form.addRow(self.error)
        form.addRow(self.create_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(top)
        outer.addWidget(self.subtitle)
        outer.addWidget(card)
        outer.addStretch(1)

        self.create_button.clicked.connect(self.submit)
        EnterForward(self, self.submit)  # Enter: name, role, PIN, PIN again, then create
        self.language.clicked.connect(lambda: self.languageRequested.emit(self.language.property("lang")))
        self._busy = False
        self.retranslate()

    def submit(self) -> None:
        if self._busy:
            return
        args = dict(display_name=self.name.text(), role=self.role.currentData(), pin=self.pin.text(),
                    pin_again=self.pin_again.text(), params=self.params)
        folder = self.folder
        self._busy = True
        self.create_button.setEnabled(False)
        Op(self, _then_load_the_main_window(lambda: ui_queries.create_first_user(folder, **args))).success(self._ok) \
            .failure(self._failed).run_in_background()

    def _ok(self, session: Session) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        self.created.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        self.error.setText(problem_text(exc))
        self.error.show()

    def set_language_button(self, current: str) -> None:
        other = "en" if current == "vi" else "vi"
        self.language.setProperty("lang", other)
        self.language.setText(LANGUAGES[other])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("FieldKit — First start"))
        self.subtitle.setText(self.tr(
            "No one uses this laptop yet. Create the first user: the PIN protects the customer data."))
        self.name_label.setText(self.tr("Full &name"))
        self.role_label.setText(self.tr("&Role"))
        self.pin_label.setText(self.tr("&PIN"))
        self.pin_again_label.setText(self.tr("PIN &again"))
        self.name.setPlaceholderText(self.tr("e.g. Trần Thị Lan"))
        self.pin.setPlaceholderText(self.tr("At least 6 digits"))
        for i in range(self.role.count()):
            self.role.setItemText(i, label(ROLES, self.role.itemData(i)))
        self.create_button.setText(self.tr("Create user"))
        self.language.setToolTip(self.tr("Change the language"))
        self.error.hide()


class LoginWindow(QWidget):
    """The top-level window before login: the first-run form or the login form."""

    loggedIn = Signal(object)
    languageRequested = Signal(str)

    def __init__(self, folder: str, params: KdfParams = KdfParams(), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LoginWindow")
        self.folder = folder
        self.stack = QStackedWidget(self)
        self.first_run = FirstRunForm(folder, params)
        self.login = LoginForm(folder)
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.login)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.first_run.created.connect(self.loggedIn)
        self.login.loggedIn.connect(self.loggedIn)
        self.first_run.languageRequested.connect(self.languageRequested)
        self.login.languageRequested.connect(self.languageRequested)
        fit_to_screen(self, 720, 640)
        self.refresh()
        self.retranslate()

    def refresh(self) -> None:
        """Show the first-run form when the profile has no users, the login form otherwise."""
        if ui_queries.has_users(self.folder):
            self.login.reload_users()
            self.stack.setCurrentWidget(self.login)
            self.login.pin.setFocus()
        else:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.name.setFocus()

    def set_language_button(self, current: str) -> None:
        self.login.set_language_button(current)
        self.first_run.set_language_button(current)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FieldKit — Sign in"))


__all__ = ["FirstRunForm", "LoginForm", "LoginWindow", "Role"]
