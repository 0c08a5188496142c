"""FIELDKIT_SEAL_GRACE_S as an operator writes it (central/sealed.py): a huge or infinite grace ("never
retire") keeps an older key sealing instead of failing every sealed push to it with a 500 (timedelta
overflow); a value that is no number (nan included) is the default, never 0."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi import HTTPException

from fieldkit.central import sealed, server_key
from fieldkit.domain import signing


def _keys(successor_started_days_ago: float) -> list[server_key.ServerKey]:
    now = datetime.now(UTC)
    out = []
    for number, started in ((1, now - timedelta(days=400)), (2, now - timedelta(days=successor_started_days_ago))):
        key = signing.new_private_key()
        out.append(server_key.ServerKey(number, signing.public_text(key), started.isoformat(timespec="milliseconds"),
                                        None, key))
    return out


@pytest.mark.parametrize("grace", ["inf", "1e12", "1e300", "99999999999"])
def test_a_huge_grace_keeps_the_older_key_sealing(monkeypatch: pytest.MonkeyPatch, grace: str) -> None:
    monkeypatch.setenv(sealed.GRACE_ENV, grace)
    keys = _keys(successor_started_days_ago=365)
    assert sealed.usable(keys, 1) is keys[0]
    assert sealed.usable(keys, 2) is keys[1]


@pytest.mark.parametrize("grace", ["nan", "-nan", "abc", ""])
def test_a_grace_that_is_no_number_is_the_default(monkeypatch: pytest.MonkeyPatch, grace: str) -> None:
    monkeypatch.setenv(sealed.GRACE_ENV, grace)
    assert sealed.grace_s() == sealed.GRACE_S
    assert sealed.usable(_keys(successor_started_days_ago=1), 1).number == 1  # within 3 days: still seals
    with pytest.raises(HTTPException) as got:
        sealed.usable(_keys(successor_started_days_ago=4), 1)
    assert got.value.status_code == 410 and "sealed_key_retired" in str(got.value.detail)


@pytest.mark.parametrize("grace", ["0", "-5"])
def test_zero_or_less_retires_at_once(monkeypatch: pytest.MonkeyPatch, grace: str) -> None:
    monkeypatch.setenv(sealed.GRACE_ENV, grace)
    with pytest.raises(HTTPException) as got:
        sealed.usable(_keys(successor_started_days_ago=0.001), 1)
    assert got.value.status_code == 410
