from __future__ import annotations

from pathlib import Path

from fieldkit.domain import geography
from fieldkit.domain.codes import customer_code_problems
from fieldkit.services import session as sessions
from fieldkit.store.demo import build_demo_profile
from fieldkit.store.keyring import FAST_KDF


def _snapshot(folder: Path) -> list[tuple]:
    s = sessions.login(folder, "mai", "112233")
    try:
        return s.store.query("SELECT code, name, phone, commune_code, households FROM customers ORDER BY code")
    finally:
        s.close()


def test_demo_is_deterministic_and_realistic(tmp_path: Path):
    a = build_demo_profile(tmp_path / "a", customers=400, seed=5, months=12, params=FAST_KDF)
    build_demo_profile(tmp_path / "b", customers=400, seed=5, months=12, params=FAST_KDF)
    assert a.customers == 400 and a.readings == 400 * 12 and a.work_orders >= 10
    rows = _snapshot(tmp_path / "a")
    assert rows == _snapshot(tmp_path / "b")
    provinces = {geography.commune(r[3]).province_code for r in rows}
    assert provinces <= {19, 31, 37} and len(provinces) == 3  # Thái Nguyên, Hải Phòng, Ninh Bình
    assert all(customer_code_problems(r[0]) == [] for r in rows)
    assert any(ch in "ăâđêôơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ"
               for r in rows for ch in r[1].lower())
    s = sessions.login(tmp_path / "a", "lan", "246810")
    try:
        assert s.store.query("SELECT count(*) FROM outbox") == [(0,)]  # history, nothing to sync
        # consumption never goes backwards in the demo history
        meter = s.store.query("SELECT id FROM meters LIMIT 1")[0][0]
        from fieldkit.services.field_facts import readings_of_meter

        values = [r.registers["1.8.0"].value for r in readings_of_meter(s, meter)]
        assert values == sorted(values, reverse=True) and len(values) == 12
    finally:
        s.close()
