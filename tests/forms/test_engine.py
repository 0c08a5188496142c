"""Forms engine, headless: every field type, required, relevance, constraints, messages, versions."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain.local_time import local_today
from fieldkit.forms import (
    FormDefinitionError,
    clean,
    form_versions,
    load_form,
    parse_form,
    relevant_fields,
    validate,
)

SHA = "a" * 64


def T(vi: str, en: str) -> dict[str, str]:  # noqa: N802
    return {"vi": vi, "en": en}


ALL_TYPES = {
    "id": "all_types", "version": 1, "title": T("Mọi loại", "All types"),
    "sections": [{"id": "s", "title": T("Phần", "Section"), "fields": [
        {"id": "t", "type": "text", "label": T("Chữ", "Text"), "required": True},
        {"id": "n", "type": "number", "label": T("Số", "Number"), "min": 1, "max": 4, "integer": True},
        {"id": "c", "type": "choice", "label": T("Chọn", "Choice"),
         "choices": [{"value": "x", "label": T("Ích", "Ex")}, {"value": "y", "label": T("Y", "Why")}]},
        {"id": "d", "type": "date", "label": T("Ngày", "Date")},
        {"id": "g", "type": "gps", "label": T("Vị trí", "Position")},
        {"id": "p", "type": "photo", "label": T("Ảnh", "Photos"), "min": 1, "max": 2},
        {"id": "sig", "type": "signature", "label": T("Chữ ký", "Signature")},
        {"id": "ser", "type": "meter_serial", "label": T("Số công tơ", "Serial")},
        {"id": "r", "type": "meter_reading", "label": T("Chỉ số", "Reading"), "registers": ["BT", "CD"],
         "required": True},
    ]}],
}


@pytest.fixture
def form() -> Any:
    return parse_form(ALL_TYPES)


def codes(problems: list[Any]) -> dict[str, str]:
    return {p.field: p.code for p in problems}


def test_every_type_accepts_good_values(form: Any) -> None:
    good = {"t": "x", "n": "3", "c": "y", "d": "2025-07-01", "g": {"lat": 20.5, "lon": 106.1},
            "p": [SHA], "sig": SHA, "ser": "VSN-0001", "r": {"BT": "1,5", "CD": 0}}
    assert validate(form, good) == []


@pytest.mark.parametrize(("field", "value", "code", "en"), [
    ("n", "abc", "number", "Number: enter a number"),
    ("n", "2.5", "integer", "Number: enter a whole number."),
    ("n", "0", "min", "Number: must be at least 1."),
    ("n", "9", "max", "Number: must be at most 4."),
    ("c", "z", "choice", "Choice: pick one of the listed options."),
    ("d", "2025-13-40", "date", "Date: not a valid date."),
    ("g", {"lat": 95, "lon": 106}, "gps", "Position: latitude from -90 to 90"),
    ("g", "somewhere", "gps", "Position: the position is not valid."),
    ("p", ["not-a-hash"], "photo", "Photos: the photos were not saved."),
    ("p", [SHA, SHA, SHA], "max", "Photos: at most 2 photo(s)."),
    ("sig", "scribble", "signature", "Signature: the signature was not saved."),
    ("ser", "ab", "serial", "Serial: a meter serial has 4–20 letters"),
    ("ser", "VSN 0001", "serial", None),
    ("r", {"BT": "-1", "CD": "2"}, "reading", "Reading: the BT reading must be a number of 0 or more."),
    ("r", {"BT": "1"}, "required", "Reading: the CD reading is missing."),
    ("t", 12, "type", "Text: the value is not valid."),
])
def test_bad_values_have_bilingual_messages(form: Any, field: str, value: Any, code: str, en: str | None) -> None:
    data: dict[str, Any] = {"t": "x", "r": {"BT": "1", "CD": "1"}, field: value}
    problems = [p for p in validate(form, data) if p.field == field]
    assert [p.code for p in problems] == [code]
    if en:
        assert problems[0].en.startswith(en)
    assert problems[0].vi and problems[0].vi != problems[0].en


def test_required_message_names_the_field_in_both_languages(form: Any) -> None:
    problems = validate(form, {})
    assert codes(problems) == {"t": "required", "r": "required"}
    t = next(p for p in problems if p.field == "t")
    assert (t.vi, t.en) == ("Chưa nhập: Chữ.", "Required: Text.")


def test_meter_install_relevance_and_constraints() -> None:
    form = load_form("meter_install", 2)
    base = {"reason": "new_install", "phases": "1", "installed_type": "mechanical"}
    shown = relevant_fields(form, base)
    assert "removed_serial" not in shown and "ct_ratio" not in shown and "optical_sticker" not in shown
    shown = relevant_fields(form, base | {"reason": "faulty", "phases": "3", "installed_type": "electronic"})
    assert {"removed_serial", "removed_reading", "ct_ratio", "vt_ratio", "optical_sticker"} <= shown

    problems = validate(form, base | {"phases": "3", "ct_ratio": "200:5", "installed_serial": "VSN0001"})
    ct = [p for p in problems if p.field == "ct_ratio"]
    assert [(p.code, p.vi, p.en) for p in ct] == [
        ("constraint", "Tỷ số TI dạng 200/5 hoặc 100/1.", "A CT ratio looks like 200/5 or 100/1.")]
    # skipped section: its required fields are not asked for, and clean() drops stale answers
    assert not [p for p in problems if p.field.startswith("removed")]
    assert "removed_serial" not in clean(form, base | {"removed_serial": "OLD-1", "installed_serial": "VSN0001"})

    same = validate(form, {"reason": "faulty", "removed_serial": "VSN0001", "installed_serial": "VSN0001"})
    assert ("installed_serial", "constraint") in {(p.field, p.code) for p in same}
    future = (local_today() + timedelta(days=3)).isoformat()
    late = validate(form, {"install_date": future})
    assert [p.en for p in late if p.field == "install_date"] == ["The install date cannot be after today."]


def test_versions_are_kept_and_a_v1_record_still_validates(fill: Any, files: Any) -> None:
    assert form_versions("meter_install")[:2] == [1, 2]
    v1, v2 = load_form("meter_install", 1), load_form("meter_install", 2)
    assert load_form("meter_install").version == max(form_versions("meter_install"))
    record = fill(files)
    for key in ("optical_sticker", "install_date"):  # v1 had no such fields
        record.pop(key)
    record["terminal_seal_count"] = "5"  # allowed by v1 (max 6), not by v2 (max 4)
    assert validate(v1, record) == []
    assert {p.field for p in validate(v2, record)} == {"optical_sticker", "install_date", "terminal_seal_count"}
    assert "optical_sticker" not in [f.id for f in v1.fields]


def test_bad_definitions_list_every_problem(tmp_path: Path) -> None:
    bad = {"id": "Bad Id", "version": 0, "title": "x", "sections": [{"id": "s", "title": T("a", "b"), "fields": [
        {"id": "a", "type": "colour", "label": T("a", "a")},
        {"id": "b", "type": "choice", "label": T("b", "b"), "choices": []},
        {"id": "c", "type": "text", "label": {"vi": "c"}},
        {"id": "d", "type": "text", "label": T("d", "d"), "relevant": "e ==", "constraint": ". > 1"},
        {"id": "f", "type": "text", "label": T("f", "f"), "relevant": "ghost == 1"},
    ]}]}
    with pytest.raises(FormDefinitionError) as info:
        parse_form(bad)
    text = str(info.value)
    for part in ("form id must be", "version must be", "type must be one of", "non-empty 'choices'",
                 "'c' label: needs a text with 'vi' and 'en'", "'d' relevant: unexpected end",
                 "constraint needs a constraint_message", "names unknown field 'ghost'"):
        assert part in text
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "v1.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="not valid JSON"):
        load_form("broken", root=tmp_path)
    with pytest.raises(FormDefinitionError, match="no version 7"):
        load_form("meter_install", 7)
    with pytest.raises(FormDefinitionError, match="no form named"):
        load_form("nothing_here", root=tmp_path)


def test_runtime_expression_failure_is_a_problem_not_a_crash() -> None:
    raw = json.loads(json.dumps(ALL_TYPES))
    raw["sections"][0]["fields"][0]["constraint"] = ". < 3"
    raw["sections"][0]["fields"][0]["constraint_message"] = T("nhỏ", "small")
    form = parse_form(raw)
    problems = validate(form, {"t": "x", "r": {"BT": "1", "CD": "1"}})
    assert [(p.field, p.code) for p in problems] == [("t", "constraint")]  # text vs number: never passes
    raw["sections"][0]["fields"][0]["constraint"] = "p < 'a'"
    problems = validate(parse_form(raw), {"t": "x", "p": [SHA], "r": {"BT": "1", "CD": "1"}})
    assert [(p.field, p.code) for p in problems][0] == ("t", "expression")
    assert "could not be evaluated" in problems[0].en
