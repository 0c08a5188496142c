"""Migration 4 (people come from the server) on a database and a profile from before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldkit.domain import signing
from fieldkit.services import session as sessions
from fieldkit.store import person_keys
from fieldkit.store.database import connect, migrate, schema_version
from fieldkit.store.keyring import FAST_KDF, Keyring, WrongSecret, new_data_key

KEY = bytes(range(32))


def test_users_known_to_the_server_keep_their_server_id_and_all_stay_active(tmp_path: Path):
    conn = connect(tmp_path / "fieldkit.db", KEY)
    assert migrate(conn, target=3) == 3
    conn.execute("BEGIN")
    conn.execute("INSERT INTO users (id, username, display_name, role) VALUES ('u1', 'lan', 'Lan', 'technician')")
    conn.execute("INSERT INTO users (id, username, display_name, role) VALUES ('u2', 'boss', 'Boss', 'supervisor')")
    conn.execute("INSERT INTO sync_users (server_id, username, display_name, role) VALUES "
                 "('s-lan', 'lan', 'Lan', 'technician')")
    conn.execute("COMMIT")
    assert migrate(conn) >= 4 and schema_version(conn) >= 4
    rows = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT username, server_id, active FROM users")}
    assert rows == {"lan": ("s-lan", 1), "boss": (None, 1)}  # boss was never issued by the server
    assert conn.execute("SELECT active FROM sync_users").fetchone()[0] == 1
    conn.close()


def test_a_profile_from_before_person_keys_gets_its_key_at_the_first_login(tmp_path: Path):
    """An older profile: keyring and database, no person_keys.json. The first login makes the
    person's key pair, wrapped under their own PIN; another PIN cannot unwrap it."""
    folder = tmp_path / "old"
    key = new_data_key()
    Keyring(folder).add_user(user_id="u1", username="lan", display_name="Lan", role="technician", team_id=None,
                             secret="246810", data_key=key, params=FAST_KDF)
    conn = connect(folder / "fieldkit.db", key)
    migrate(conn, target=3)
    conn.execute("INSERT INTO users (id, username, display_name, role) VALUES ('u1', 'lan', 'Lan', 'technician')")
    conn.close()
    assert not (folder / person_keys.FILE).exists()
    s = sessions.login(folder, "lan", "246810")
    try:
        assert s.profile.signing_key is not None and s.store.version >= 4
        public = person_keys.public_key(folder, "lan")
    finally:
        s.close()
    data = json.loads((folder / person_keys.FILE).read_text())
    assert data["people"]["lan"]["public_key"] == public
    assert "246810" not in (folder / person_keys.FILE).read_text()
    again = sessions.login(folder, "lan", "246810")
    try:  # the same key next time, not a new one
        assert signing.public_text(again.profile.signing_key) == public
    finally:
        again.close()
    with pytest.raises(WrongSecret):
        person_keys.unlock(folder, "lan", "135790")
