"""Attachment bytes behind the storage interface (fieldkit/central/storage.py), in the database or
in a shared folder, with two worker processes: every chunk goes up on a new connection (so on
either worker), the download is read back in ranges from either worker, a damaged upload is
refused and starts again from 0, a stray chunk file left by an upload that never committed is
never read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.server import ServerProcess
from tests.central.conftest import build_world

CHUNK = 40_000


def _upload(url: str, auth: dict[str, str], content: bytes, sha: str) -> requests.Response:
    last = None
    for off in range(0, len(content), CHUNK):
        with requests.Session() as s:  # a new connection: the kernel picks the worker
            last = s.put(f"{url}/v1/attachments/{sha}", params={"offset": off, "size": len(content),
                                                                 "mime": "image/jpeg", "kind": "photo"},
                         data=content[off:off + CHUNK], headers=auth, timeout=30)
        if last.status_code != 200:
            return last
    assert last is not None
    return last


@pytest.mark.slow
@pytest.mark.parametrize("store", ["database", "folder"])
def test_uploads_and_downloads_across_two_workers(store: str, db_url: str, tmp_path: Path):
    db = Database(db_url)
    db.create_all()
    folder = tmp_path / "shared-attachments"
    env = {"FIELDKIT_ATTACHMENTS": str(folder) if store == "folder" else "database"}
    photo = os.urandom(10 * CHUNK + 123)
    sha = hashlib.sha256(photo).hexdigest()
    damaged = os.urandom(3 * CHUNK)
    claimed = hashlib.sha256(b"something else").hexdigest()
    with ServerProcess(db_url, workers=2, log_path=str(tmp_path / "server.log"), env=env) as srv:
        d1 = build_world(db, srv.url).devices["d1"]
        auth = d1.as_user("lan", srv.url)  # device and user tokens: the technician uploads
        boss = d1.as_user("hung", srv.url)  # the supervisor's laptop downloads
        if store == "folder":  # an upload whose transaction never committed left a chunk off the chain
            stray = folder / _team_id(db) / sha[:2] / sha / f"{5 * CHUNK + 7:016d}"
            stray.parent.mkdir(parents=True)
            stray.write_bytes(b"junk")
        done = _upload(srv.url, auth, photo, sha)
        assert done.status_code == 200 and done.json()["complete"] is True, done.text
        got = []
        for off in range(0, len(photo), 33_333):
            with requests.Session() as s:
                r = s.get(f"{srv.url}/v1/attachments/{sha}", params={"offset": off, "length": 33_333},
                          headers=boss, timeout=30)
                assert r.status_code == 200 and int(r.headers["X-FK-Size"]) == len(photo)
                got.append(r.content)
        bad = _upload(srv.url, auth, damaged, claimed)
        assert bad.status_code == 422
        with requests.Session() as s:
            again = s.post(f"{srv.url}/v1/attachments/missing", json={"hashes": [claimed]}, headers=auth, timeout=10)
        assert again.json()["missing"] == [{"sha256": claimed, "offset": 0}]
    assert b"".join(got) == photo
    with db.read() as conn:
        rows = conn.execute(select(func.count()).select_from(t.team_attachment_chunks)).scalar_one()
    db.dispose()
    if store == "folder":
        assert rows == 0
        team_dir = next(folder.iterdir())
        files = sorted(p.name for p in (team_dir / sha[:2] / sha).iterdir())
        assert len(files) == 11 + 1  # the chunks, and the stray file that was never read
        assert not (team_dir / claimed[:2] / claimed).exists()  # the damaged upload's chunks are gone
    else:
        assert rows == 11
        assert not folder.exists()


def _team_id(db: Database) -> str:
    with db.read() as conn:
        return str(conn.execute(select(t.teams.c.id).where(t.teams.c.code == "T1")).scalar_one())
