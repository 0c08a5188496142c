"""Shared fixtures. Every test gets a fresh profile folder with a real encrypted SQLite file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldkit.domain.models import Role  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402

TEST_PIN = "246810"


@pytest.fixture(autouse=True)
def _isolated_profile_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's profile or settings."""
    monkeypatch.setenv("FIELDKIT_PROFILE", str(tmp_path / "profile"))
    monkeypatch.setenv("FIELDKIT_CONFIG_DIR", str(tmp_path / "config"))


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
