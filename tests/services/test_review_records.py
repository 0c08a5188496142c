"""Records laid out for the supervisor (Qt-free): form labels, typed values, the order of a record and
the one it replaces, and careless or hostile data (unknown form version, odd types) never shown raw."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import verbatim
from fieldkit.domain.models import Install, OnboardingStep
from fieldkit.services.review_records import (
    RecordView,
    current_first,
    install_record,
    onboarding_record,
)

SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


def texts(sections) -> list[str]:
    out = []
    for s in sections:
        if s.title is not None:
            out += [s.title.vi, s.title.en]
        for a in s.answers:
            out += [a.label.vi, a.label.en]
            out.append(a.value.vi if hasattr(a.value, "vi") else str(a.value) if a.kind in ("text",) else "")
    return out


def test_an_install_is_laid_out_by_the_form_version_it_was_saved_with():
    ins = Install(id="i1", work_order_id="w", customer_id=None, installed_meter_serial="CE18-2", form_version=2,
                  data={"reason": "faulty", "phases": "3", "ct_ratio": "200/5", "terminal_seal_count": "2",
                        "install_date": "2026-12-03", "installed_reading": {"BT": "12.5", "CD": "0", "source": "optical"},
                        "meter_photos": ["a" * 64], "customer_signature": "b" * 64, "attachments": ["a" * 64, "b" * 64]})
    title, sections, pictures = install_record(ins)
    assert title.vi == "Biên bản treo tháo công tơ"
    answers = {a.label.en: a for s in sections for a in s.answers}
    assert answers["Reason"].value.vi == "Thay công tơ hỏng" and answers["Reason"].kind == "choice"
    assert answers["Phases"].kind == "choice" and "3" in answers["Phases"].value.vi
    assert answers["CT ratio"].value == "200/5"
    assert answers["Seal count"].value == Decimal("2") and answers["Install date"].value == date(2026, 12, 3)
    regs = answers["Initial reading"].value
    assert [(n.vi, v) for n, v, _u in regs] == [("Giờ bình thường (BT)", Decimal("12.5")), ("Giờ cao điểm (CD)", Decimal("0"))]
    assert [(p.kind, p.caption.en) for p in pictures] == [("photo", "Photos of meter and seals"),
                                                          ("signature", "Customer signature")]
    assert not any(SNAKE.search(t) for t in texts(sections))


def test_unknown_form_version_and_odd_values_are_shown_without_reprs():
    ins = Install(id="i1", work_order_id="w", customer_id=None, installed_meter_serial="X-1", form_version=99,
                  data={"weird_list": [1, 2], "nested": {"a": None}, "flag": True, "count": 3, "note": "ok",
                        "when": "2026-01-02", "empty": "", "none": None})
    title, sections, pictures = install_record(ins)
    assert title.en == "Meter install / removal record" and pictures == []
    shown = {a.label.en: (a.kind, a.value) for s in sections for a in s.answers}
    assert shown == {"Installed meter serial": ("text", "X-1"), "Count": ("number", Decimal(3)),
                     "Flag": ("bool", True), "Note": ("text", "ok"), "When": ("date", date(2026, 1, 2))}


def test_onboarding_steps_hide_ids_hashes_and_payloads():
    step = OnboardingStep(id="s", customer_id="c", step=flow.BILL, data={
        "shown": True, "kwh": 123, "total": 245600, "period": ["2026-10-01", "2026-10-31"],
        "qr_payload": "000201" * 10, "customer_id": "c", "qr_amount": 198000,
        "bill_period": ["2026-09-01", "2026-09-30"]})
    title, sections, pictures = onboarding_record(step)
    assert title.en == "Current bill"
    shown = {a.label.en: (a.kind, a.value) for a in sections[0].answers}
    assert shown == {"Bill shown": ("bool", True), "Energy (kWh)": ("number", Decimal(123)),
                     "Estimated bill": ("money", 245600),
                     "Billing period": ("period", (date(2026, 10, 1), date(2026, 10, 31))),
                     "Amount in the QR code": ("money", 198000),
                     "Period of the utility's bill": ("period", (date(2026, 9, 1), date(2026, 9, 30)))}
    # a QR without an amount (no published bill): no line, never "None"
    no_bill = OnboardingStep(id="n", customer_id="c", step=flow.BILL, data={"shown": True, "qr_amount": None,
                                                                              "bill_period": None})
    assert [a.label.en for a in onboarding_record(no_bill)[1][0].answers] == ["Bill shown"]
    request = OnboardingStep(id="r", customer_id="c", step=flow.NEW_SUPPLY, data={
        "households": 1, "signer": "Phạm Thị Hằng", "signature_sha256": "e" * 64, "attachments": ["e" * 64]})
    _t, sections, pictures = onboarding_record(request)
    assert [(p.kind, p.caption.vi) for p in pictures] == [("signature", "Chữ ký của người đề nghị")]
    assert {a.label.vi: a.value for a in sections[0].answers}["Người ký giấy đề nghị"] == "Phạm Thị Hằng"
    contract = OnboardingStep(id="k", customer_id="c", step=flow.CONTRACT, data={
        "signed": True, "otp": "pending", "signature_sha256": "f" * 64, "attachments": ["f" * 64]})
    _t, sections, pictures = onboarding_record(contract)
    assert [p.kind for p in pictures] == ["signature"]
    assert all("f" * 16 not in str(a.value) for a in sections[0].answers)


def rec(rid: str, supersedes: str | None = None, superseded_by: str | None = None) -> RecordView:
    return RecordView(rid, "install", verbatim("t"), None, "", [], supersedes=supersedes, superseded_by=superseded_by)


def test_a_replaced_record_follows_the_one_that_replaces_it():
    a, b, c, d = rec("a", superseded_by="b"), rec("b", "a", "c"), rec("c", "b"), rec("d")
    assert [r.id for r in current_first([a, b, c, d])] == ["c", "b", "a", "d"]
    # bad data: a cycle is still shown, once each
    x, y = rec("x", "y", "y"), rec("y", "x", "x")
    assert sorted(r.id for r in current_first([x, y])) == ["x", "y"]
