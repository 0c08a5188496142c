"""The login checks the database's pages for a short time only (LOGIN_CHECK_S, both ends first:
1 s was a third of the sign-in on the 80,000-customer profile); `health.finish_page_check` checks
the rest in the background once the main window is up. Real encrypted files, real damage."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fieldkit.services import health, unlock
from fieldkit.store import profile
from fieldkit.store.demo import build_demo_profile
from fieldkit.store.keyring import FAST_KDF
from fieldkit.store.pagecheck import PAGE_SIZE

PIN = "246810"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine-bg") / "profile"
    build_demo_profile(folder, customers=800, months=2, params=FAST_KDF)
    return folder


@pytest.fixture
def damaged(pristine: Path, tmp_path: Path) -> tuple[Path, int, bytes]:
    """A copy with one page in the middle overwritten; returns the folder, the page and its old bytes."""
    folder = tmp_path / "profile"
    shutil.copytree(pristine, folder)
    db = folder / "fieldkit.db"
    pgno = db.stat().st_size // PAGE_SIZE // 2
    with open(db, "r+b") as f:
        f.seek((pgno - 1) * PAGE_SIZE)
        good = f.read(PAGE_SIZE)
        f.seek((pgno - 1) * PAGE_SIZE + 200)
        f.write(os.urandom(64))
    return folder, pgno, good


def test_damage_the_login_had_no_time_for_is_found_in_the_background(damaged, monkeypatch):
    folder, pgno, _good = damaged
    monkeypatch.setattr(profile, "LOGIN_CHECK_S", 0.0)  # a file too big for the login's budget
    s = unlock.login(folder, "lan", PIN)
    try:
        assert not s.store.damaged and not s.store.page_report.complete  # the login did not see it
        assert health.finish_page_check(s, again_after_s=0.01) is True
        assert s.store.damaged and s.store.page_report.bad == [pgno] and s.store.page_report.complete
        assert health.login_warnings(s)[0][1].startswith("The database on this laptop is damaged")
        assert health.finish_page_check(s) is False  # said once: nothing new the second time
    finally:
        s.close()


def test_a_page_being_written_during_the_check_is_not_called_damaged(damaged, monkeypatch):
    """A checkpoint may be copying a page into the file while the background check reads it: a page
    that fails once and then reads well is not damage."""
    folder, pgno, good = damaged
    monkeypatch.setattr(profile, "LOGIN_CHECK_S", 0.0)
    s = unlock.login(folder, "lan", PIN)

    def write_finishes(_seconds: float) -> None:  # the "checkpoint" completes while the check waits
        with open(folder / "fieldkit.db", "r+b") as f:
            f.seek((pgno - 1) * PAGE_SIZE)
            f.write(good)

    monkeypatch.setattr(health.time, "sleep", write_finishes)
    try:
        assert health.finish_page_check(s) is False
        assert not s.store.damaged and s.store.page_report.bad == [] and s.store.page_report.complete
    finally:
        s.close()


def test_a_whole_check_at_login_leaves_nothing_to_do(pristine, tmp_path):
    folder = tmp_path / "profile"
    shutil.copytree(pristine, folder)
    s = unlock.login(folder, "lan", PIN)  # a small profile: checked completely within the budget
    try:
        assert s.store.page_report.complete and not s.store.damaged
        assert health.finish_page_check(s) is False
    finally:
        s.close()
