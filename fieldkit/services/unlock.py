"""Open a profile and say exactly why it did not open.

`sessions.login` answers "wrong PIN" only for a wrong PIN; this module first checks
everything else a person can get wrong or a disk can break, in order: the folder exists,
`keyring.json` exists and can be read, the user is in it, the database file is there.
After the PIN fits, a database that does not open is damaged, read-only or not
accessible, and is named as such. Every failure is a `ProfileProblem` with a code and a
Vietnamese/English message on one line.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit.domain.messages import Message, Texts, Worded
from fieldkit.domain.problems import ValidationError
from fieldkit.services import session as sessions
from fieldkit.store.database import DatabaseError, StoreError
from fieldkit.store.keyring import KEYRING_FILE, Keyring, KeyringUser
from fieldkit.store.profile import DB_FILE

_M = Texts("services.unlock")

DAMAGED_WAY_OUT = _M("Run `fieldkit doctor --user NAME` to check it and recover what can be read, push it, then "
                     "re-create the profile from the server.")



class ProfileProblem(Exception, Worded):
    """The profile cannot be opened; `code` says why, `vi`/`en` say what to do."""

    def __init__(self, code: str, message: Message):
        super().__init__(message.en)
        self.code = code
        self.message = message

    def words(self) -> Message:
        return self.message

    def text(self) -> str:
        return f"{self.vi} / {self.en}"


def profile_users(folder: str | Path) -> list[KeyringUser]:
    """The people who can log in, or ProfileProblem (no such folder, no or damaged keyring)."""
    folder = Path(folder)
    if not folder.exists():
        raise ProfileProblem("no_profile", _M("The profile folder {folder} does not exist. Check the path.", folder=folder))
    if not folder.is_dir():
        raise ProfileProblem("no_profile", _M("{folder} is not a folder; give the profile folder.", folder=folder))
    if not (folder / KEYRING_FILE).exists():
        raise ProfileProblem("no_profile", _M("There is no profile in {folder} (no {KEYRING_FILE}). Check the path, or create one by starting FieldKit.", folder=folder, KEYRING_FILE=KEYRING_FILE))
    try:
        users = Keyring(folder).users()
    except OSError as exc:
        from fieldkit.store.disk import describe_os_error

        p = describe_os_error(exc)
        assert p is not None
        raise ProfileProblem(p.code, p.message) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _keyring_damaged(folder, exc) from None
    if not users:
        raise ProfileProblem("keyring_damaged", _M("The keyring {value} has no users: restore it from a backup or re-create the profile from the server.", value=folder / KEYRING_FILE))
    return users


def _keyring_damaged(folder: Path, exc: BaseException) -> ProfileProblem:
    detail = " ".join(str(exc).split())[:80]
    return ProfileProblem(
        "keyring_damaged",
        _M("The keyring {value} is damaged ({name}: {detail}). Restore it from a backup or re-create the profile from the server.", value=folder / KEYRING_FILE, name=type(exc).__name__, detail=detail))


def login(folder: str | Path, username: str, secret: str) -> sessions.Session:
    folder = Path(folder)
    users = profile_users(folder)
    if username not in {u.username for u in users}:
        names = ", ".join(sorted(u.username for u in users))
        raise ProfileProblem("no_user", _M("There is no user '{username}' in this profile (users: {names}).", username=username, names=names))
    if not (folder / DB_FILE).is_file():
        raise ProfileProblem(
            "db_missing", _M("The database file {value} is missing. Restore it from a backup or re-create the profile from the server.", value=folder / DB_FILE))
    try:
        return sessions.login(folder, username, secret)
    except ValidationError as exc:  # "wrong PIN" only for a wrong PIN; the others say what they are
        code = {"wrong": "wrong_pin", "wait": "pin_wait", "locked": "pin_locked",
                "tampered": "keyring_tampered"}.get(exc.problems[0].code, exc.problems[0].code)
        raise ProfileProblem(code, exc.problems[0].text) from None
    except StoreError as exc:
        if exc.code == "damaged":  # the PIN fitted, so the key is right: the file is damaged
            raise ProfileProblem(
                "damaged", _M("The database {value} is damaged. {way_out}", value=folder / DB_FILE, way_out=DAMAGED_WAY_OUT)) from None
        raise ProfileProblem(exc.code, exc.message) from None
    except DatabaseError as exc:  # opened, then failed while migrating or reading
        from fieldkit.store.disk import classify, problem

        p = problem(classify(exc) or "damaged")
        if p.code == "damaged":
            raise ProfileProblem("damaged", p.message) from None
        raise ProfileProblem(p.code, p.message) from None
    except (ValueError, TypeError, KeyError) as exc:  # a wrapped key that is not even base64
        raise _keyring_damaged(folder, exc) from None


def protection(folder: str | Path) -> tuple[str, str, str]:
    """How this profile's keys are held here, in English: (ok|warn|FAIL, detail, fix)."""
    status, detail, fix = protection_words(folder)
    return status, detail.text("en"), fix.text("en") if isinstance(fix, Message) else fix


def protection_words(folder: str | Path) -> tuple[str, Message, Message | str]:
    """How this profile's keys are held here, for `fieldkit doctor`: (ok|warn|FAIL, detail, fix)."""
    from fieldkit.store.keyring import NoCredentialStore, OtherMachine

    keyring = Keyring(folder)
    try:
        data = keyring._load()
        if not data.get("profile_id"):
            return ("warn", _M("keyring format 1: the PINs alone protect the data key (no device secret yet)"),
                    _M("log in once: the profile gets its device secret"))
        keyring.device_secret()
    except OtherMachine:
        return ("FAIL", _M("the profile's device secret is not in this computer's credential store (copied from "
                           "another computer, or the store was reset)"), "fieldkit recover --key PEM --profile DIR")
    except NoCredentialStore as exc:
        return ("FAIL", exc.problem.words(), _M("sign in to the desktop session so its credential store answers"))
    except (OSError, ValueError, TypeError) as exc:
        return ("FAIL", _M("keyring.json cannot be read ({error})", error=type(exc).__name__),
                _M("restore it from a backup"))
    seal = keyring.recovery()
    fix: Message | str
    if data.get("credentials") == "os":
        status, fix = "ok", ""
        where = (_M("device secret in the OS credential store; sealed to recovery key {key}", key=str(seal.get("key_id")))
                 if seal else _M("device secret in the OS credential store; NOT sealed to a recovery key"))
    else:
        status = "warn"
        fix = _M("run FieldKit where the OS credential store answers (docs/security.md)")
        where = (_M("device secret in a file outside the profile (fallback: a thief with the whole disk has it); "
                    "sealed to recovery key {key}", key=str(seal.get("key_id"))) if seal else
                 _M("device secret in a file outside the profile (fallback: a thief with the whole disk has it); "
                    "NOT sealed to a recovery key"))
    if not seal:
        status, fix = "warn", fix or _M("set FIELDKIT_RECOVERY_PUBLIC_KEY (recovery.pub) and log in once")
    return (status, where, fix)
