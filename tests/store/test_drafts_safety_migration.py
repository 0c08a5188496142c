"""Migration 9 (drafts kept when superseded; draft photos noted for cleaning), from every older
version: a draft typed before the upgrade keeps its text, is live, and its photos become known
draft files (so they are cleaned once nothing uses them, and kept while something does)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fieldkit.store import drafts as repo
from fieldkit.store.database import Store, connect, migrate, schema_version
from fieldkit.store.migrations import latest_version

SHA = "ab" * 32


@pytest.mark.parametrize("start", range(0, 9))
def test_drafts_safety_from_every_older_version(tmp_path: Path, start: int):
    key = os.urandom(32)
    conn = connect(tmp_path / "old.db", key)
    migrate(conn, target=start)
    if start == 8:  # a draft with a photo, written by the release before
        conn.execute("BEGIN")
        conn.execute("INSERT INTO drafts (kind, ref, user_id, data, created_at, updated_at) VALUES "
                     "('install', 'w1', 'u1', ?, 't', 't')",
                     (json.dumps({"values": {"a": "Nguyễn"}, "photos": {"p": [{"sha": SHA, "mime": "image/png"}]}}),))
        conn.execute("INSERT INTO drafts (kind, ref, user_id, data, created_at, updated_at) VALUES "
                     "('install', 'w2', 'u1', 'not json', 't', 't')")
        conn.execute("COMMIT")
    conn.close()
    store = Store(tmp_path / "old.db", key)
    assert schema_version(store.conn) == latest_version()
    if start == 8:
        d = repo.get(store.conn, "install", "w1", "u1")
        assert d is not None and d.data["values"] == {"a": "Nguyễn"} and not d.superseded
        assert store.query("SELECT sha256 FROM draft_files") == [(SHA,)]
        assert repo.unreferenced_files(store.conn) == []  # its draft still uses it
        assert repo.get(store.conn, "install", "w2", "u1").data == {}  # a damaged draft never breaks a read
    with store.transaction() as tx:
        assert repo.upsert(tx.conn, repo.Draft("install", "w3", "u1", {"values": {"a": "b"}}), tx.now)
        d3 = repo.get(tx.conn, "install", "w3", "u1")
        aside = repo.set_aside(tx.conn, d3, "rec-1", tx.now)
    kept = repo.get(store.conn, "install", aside, "u1")
    assert kept is not None and kept.superseded_by == "rec-1" and repo.get(store.conn, "install", "w3", "u1") is None
    assert store.integrity_check() == "ok"
    store.close()
