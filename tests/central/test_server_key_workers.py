"""A rotation reaches every worker of `fieldkit central serve --workers 2 --key-file …` without a
restart: each worker re-reads the keys and signs with the new one from its start (`valid_from`),
not before (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import requests

from fieldkit.central import server_key
from fieldkit.central.server import ServerProcess
from fieldkit.domain import signing


def _hello(url: str) -> tuple[str, datetime]:
    with requests.Session() as s:  # a fresh connection: any worker may take it
        got = s.get(url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=30).json()
    assert signing.verify(got["public_key"], got["signature"], signing.hello_message("abcdefgh", got["public_key"]))
    return got["public_key"], datetime.fromisoformat(got["time"])


def test_every_worker_signs_with_the_new_key_from_its_start(db_url: str, tmp_path: Path):
    secret = tmp_path / "server-key.secret"
    server_key.make_secret_file(secret)
    with ServerProcess(db_url, workers=2, env={"FIELDKIT_KEY_RELOAD_S": "0.5"},
                       extra=["--key-file", str(secret)]) as srv:
        first = {_hello(srv.url)[0] for _ in range(10)}
        assert len(first) == 1
        r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", db_url,
                            "--key-file", str(secret), "--in", "6"], capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        _, number, new, _, _, start_text, *_ = r.stdout.split()
        assert number == "2" and new not in first
        start = datetime.fromisoformat(start_text.rstrip(","))
        margin = timedelta(milliseconds=50)
        after = 0
        deadline = time.monotonic() + 60
        while after < 20:
            assert time.monotonic() < deadline, "the workers did not all take up the new key"
            key, at = _hello(srv.url)
            if at < start - margin:
                assert key in first, "a worker signed with the new key before its start"
            elif at > start + margin:
                assert key == new, "a worker still signs with the old key after the new one's start"
                after += 1
            time.sleep(0.05)
