"""Shared fixtures. Every test gets a fresh profile folder with a real encrypted SQLite file."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Profiles' device secrets: in files outside the profile folders, one folder for the whole run (module
# fixtures copy profiles; a copy shares its original's secret). tests/store/test_secret_service.py runs
# the OS credential store (a real gnome-keyring in its own D-Bus session).
os.environ["FIELDKIT_CREDENTIALS"] = "file"
os.environ["FIELDKIT_SECRETS_DIR"] = _secrets_dir = tempfile.mkdtemp(prefix="fieldkit-test-secrets-")
atexit.register(shutil.rmtree, _secrets_dir, True)
# The central server's key-encryption secret for every server the tests start (in-process or `serve`);
# a test of the secret itself sets or removes it (tests/central/test_server_key_*.py).
os.environ["FIELDKIT_SERVER_KEY_SECRET"] = os.urandom(32).hex()
os.environ.pop("FIELDKIT_SERVER_KEY_FILE", None)

from fieldkit.domain.models import Role  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402

TEST_PIN = "246810"


@pytest.fixture(autouse=True)
def _isolated_profile_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's profile or settings."""
    monkeypatch.setenv("FIELDKIT_PROFILE", str(tmp_path / "profile"))
    monkeypatch.setenv("FIELDKIT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("FIELDKIT_RECOVERY_PUBLIC_KEY", raising=False)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def session(profile_dir: Path) -> Iterator[sessions.Session]:
    s = sessions.create(
        profile_dir, username="lan", display_name="Trần Thị Lan", role=Role.TECHNICIAN, secret=TEST_PIN,
        params=FAST_KDF,
    )
    yield s
    s.close()


@pytest.fixture
def supervisor(session: sessions.Session, profile_dir: Path) -> Iterator[sessions.Session]:
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret="135790", params=FAST_KDF)
    s = sessions.login(profile_dir, "hung", "135790")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _outbox_matches_the_server_schema(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In the service, UI and sync tests every operation the laptop writes to its outbox must
    pass the central server's schema for its kind (fieldkit/central/validate.py): a change the
    server would refuse fails the test that made it, with the server's reason."""
    if Path(str(request.node.fspath)).parent.name not in ("services", "ui", "sync"):
        yield
        return
    import json

    from fieldkit.central import validate
    from fieldkit.store import database

    refused: list[str] = []
    original = database.Tx.change

    def change(self, entity, entity_id, action, payload, base_version=None, detail=""):  # type: ignore[no-untyped-def]
        op = {"op_id": "0190a0b0-0000-7000-8000-000000000000", "entity": entity, "entity_id": entity_id,
              "action": action, "payload": json.loads(database.dumps(payload)), "base_version": base_version,
              "device_time": self.now}
        try:
            validate.payload(validate.envelope(op))
        except validate.Refusal as exc:
            refused.append(f"{entity}/{action} {entity_id}: {exc.code} {exc.params} ({exc.reason})")
        return original(self, entity, entity_id, action, payload, base_version, detail)

    monkeypatch.setattr(database.Tx, "change", change)
    yield
    assert not refused, "the central server would refuse these operations:\n" + "\n".join(refused[:10])


class CentralTemplates:
    """Central databases with their tables (Database.create_all) and a fixture's own rows, made once a
    run and copied for each test: every test still gets a database of its own (a copy of the file, or
    on PostgreSQL CREATE DATABASE ... TEMPLATE), without paying create_all and the rows each time
    (0.1-0.2 s a database; 0.3-0.5 s on a loaded machine). Database.create_all itself still runs: it
    makes each template, and the tests of the schema and its upgrades call it on their own databases."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Path] = {}
        self.pg: dict[str, tuple[str, str]] = {}  # key -> (server URL, template database)
        self.seeded: dict[tuple[str, str], Any] = {}  # (key, "sqlite" | "postgres") -> what the seed returned

    def _make(self, url: str, seed: Callable[[Any], Any] | None, key: str, kind: str) -> None:
        from fieldkit.central.db import Database

        db = Database(url)
        try:
            db.create_all()
            if seed is not None:
                self.seeded[(key, kind)] = seed(db)
        finally:
            db.dispose()

    def sqlite(self, key: str, path: Path, seed: Callable[[Any], Any] | None = None) -> None:
        """A new SQLite database at `path`: a copy of template `key`."""
        template = self.files.get(key)
        if template is None:
            template = self.folder / f"{key}.db"
            self._make(str(template), seed, key, "sqlite")
            assert not Path(f"{template}-wal").exists()  # every connection closed: the file is the database
            self.files[key] = template
        shutil.copyfile(template, path)

    def postgres(self, base: str, key: str, name: str, seed: Callable[[Any], Any] | None = None) -> str:
        """A new PostgreSQL database `name` on the server of `base`, made from template `key`; its URL."""
        import psycopg

        head = base.rpartition("/")[0]
        if key not in self.pg:
            template = f"fk_tpl_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{template}"')
            self.pg[key] = (base, template)
            self._make(f"{head}/{template}", seed, key, "postgres")
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg[key][1]}"')
        return f"{head}/{name}"

    def drop(self) -> None:
        import psycopg

        for base, template in self.pg.values():
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


@pytest.fixture(scope="session")
def central_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralTemplates]:
    templates = CentralTemplates(tmp_path_factory.mktemp("central-templates"))
    yield templates
    templates.drop()
