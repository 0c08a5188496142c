from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldkit.domain import geography
from fieldkit.domain.codes import (
    customer_code_problems,
    is_northern,
    managing_unit,
    metering_point_code,
    national_id_problems,
    phone_problems,
)
from fieldkit.domain.ids import new_id, uuid7, uuid7_time_ms
from fieldkit.domain.models import Address, Customer
from fieldkit.domain.text import fold, normalise_phone
from fieldkit.domain.validation import customer_problems


def test_uuid7_layout_and_order():
    ids = [uuid7() for _ in range(5000)]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in ids)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)  # strictly increasing within a process
    u = uuid7(now_ms=1_763_900_000_000)
    assert uuid7_time_ms(u) >= 1_763_900_000_000
    assert len(new_id()) == 36


@pytest.mark.parametrize("text,expected", [
    ("Nguyễn Văn Á", "nguyen van a"),
    ("ĐẶNG  Thị   Hường", "dang thi huong"),
    ("Lý Nhân", "ly nhan"),
    ("Phường Hoàn Kiếm", "phuong hoan kiem"),
])
def test_fold(text: str, expected: str):
    assert fold(text) == expected


@given(st.text())
def test_fold_is_idempotent_ascii_safe(text: str):
    once = fold(text)
    assert fold(once) == once


def test_customer_codes():
    assert customer_code_problems("PA23VG0053140") == []
    assert customer_code_problems(" pa23vg0053140 ") == []  # normalised
    assert managing_unit("PA23VG0053140") == "PA23VG"
    assert metering_point_code("PA23VG0053140") == "PA23VG0053140001"
    assert is_northern("PA23VG0053140") and not is_northern("PE0100000001X"[:13])
    [p] = customer_code_problems("PA23VG005314")
    assert p.code == "length" and "13" in p.vi and "12" in p.en
    [p] = customer_code_problems("XA23VG0053140")
    assert p.code == "format"
    [p] = customer_code_problems("")
    assert p.code == "required" and p.message("vi") == "Chưa nhập mã khách hàng."


def test_phone_and_id():
    assert normalise_phone("+84 912 345 678") == "0912345678"
    assert phone_problems("0912.345.678") == []
    assert phone_problems("12345")[0].code == "format"
    assert phone_problems("", required=True)[0].code == "required"
    assert national_id_problems("001203004567") == []
    assert national_id_problems("12345")[0].code == "format"


def test_geography_is_the_2025_list():
    provinces = geography.provinces()
    assert len(provinces) == 34
    assert sum(len(p.communes) for p in provinces.values()) == 3321
    nb = geography.province_by_name("Ninh Bình")
    assert nb is not None and nb.code == 37
    assert geography.province_by_name("Thái Nguyên") is not None
    assert geography.province_by_name("Hà Nam") is None  # merged into Ninh Bình in 2025


def test_customer_validation_collects_every_problem():
    bad = Customer(id="x", code="PA1", name=" ", phone="12", national_id="abc", households=0,
                   address=Address(province_code=37, commune_code=70))  # 70 is a Hà Nội ward
    fields = {p.field for p in customer_problems(bad)}
    assert fields == {"code", "name", "phone", "national_id", "households", "commune"}
    nb_commune = geography.provinces()[37].communes[0]
    ok = Customer(id="x", code="PA23LN0000001", name="Trần Văn Bình", phone="0988123456",
                  address=Address(province_code=37, commune_code=nb_commune.code))
    assert customer_problems(ok) == []
