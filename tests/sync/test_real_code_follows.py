"""The utility's real customer code reaches a laptop through a real central server on loopback, and
the household's records and documents follow on that same sync (no step by hand)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from fieldkit.central import admin
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import Role
from fieldkit.services import documents as docs
from fieldkit.services import onboarding as ob
from fieldkit.services import sync

REAL = "PA23VG0088123"


def text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_real_code_from_the_server_remakes_the_household_sheet(make_device, central):
    # a team without a unit prefix: the server refuses a provisional code of another unit (see the note)
    admin.create_team(central, "T9", "Đội Gia Viễn", "")
    admin.create_user(central, "thu", "Đỗ Thị Thu", "trainer", "T9")
    laptop = make_device("laptop-t", "thu", role=Role.TRAINER, team="T9")
    f = ob.start_new_household(laptop, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", national_id="037190001234", street="Xóm 3",
        province_code=37, commune_code=14464, existing_customer=False))
    cid, provisional = f.customer.id, f.customer.code
    ob.save_new_supply(laptop, cid, flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1,
                                                          street="Xóm 3", commune_code=14464))
    ob.mark_app_shown(laptop, cid)
    ob.save_app(laptop, cid, False, "")
    ob.save_payment(laptop, cid, "mobile_banking", "Agribank")
    ob.sign_contract(laptop, cid, signed=True, read_summary=True, signer="Phạm Thị Hằng",
                     strokes=[[(0.1, 0.6), (0.4, 0.2), (0.8, 0.6)]])
    ob.make_sheet(laptop, cid)
    report = sync.sync_now(laptop)
    assert report.ok and report.rejected == 0, report

    with pytest.raises(admin.AdminError):
        admin.assign_customer_code(central, cid, "PA23VG00881")  # not a customer code
    assert admin.assign_customer_code(central, cid, REAL) >= 2
    assert sync.sync_now(laptop).ok  # the pull brings the code; the documents follow in the same call

    f = ob.load_flow(laptop, cid)
    assert f.customer.code == REAL and f.answers[flow.HOUSEHOLD]["code"] == REAL
    sheet = text(laptop.attachments.get(f.answers[flow.SHEET]["sha256"]))
    assert REAL in sheet and provisional not in sheet and "mã tạm" not in sheet
    assert REAL in text(docs.pdf_of(laptop, docs.DocumentRef("contract", cid)))
    # the records made again reach the server on the next sync, with nothing refused
    report = sync.sync_now(laptop)
    assert report.ok and report.rejected == 0, report
    with central.engine.connect() as conn:
        from sqlalchemy import select

        from fieldkit.central import schema as t

        steps = conn.execute(select(t.facts.c.data).where(t.facts.c.entity == "onboarding_step")).fetchall()
    household = [s for s in steps if '"household"' in str(s[0]) and REAL in str(s[0])]
    assert household  # the household step with the real code is on the server too
