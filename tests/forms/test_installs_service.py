"""services.installs headless on a real encrypted profile: one transaction, outbox, versions, PDF."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind, WorkOrderState
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, installs, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile
from fieldkit.services.session import Session


def order(session: Session, kind: WorkOrderKind = WorkOrderKind.METER_REPLACEMENT) -> Any:
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000123", name="Nguyễn Văn Bình",
                                                         phone="0912345678"))
    return work_orders.create_work_order(session, kind=kind, customer_id=c.id, due_date=local_today())


def outbox(session: Session) -> list[tuple[str, str, dict[str, Any]]]:
    rows = session.store.query("SELECT entity, action, payload FROM outbox ORDER BY rowid")
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def test_complete_install_is_one_transaction(session: Session, files: list[InstallFile], fill: Any) -> None:
    wo = order(session)
    before = len(outbox(session))
    values = fill(files, removed_serial="OLD-1", ct_ratio="200/5")  # ct_ratio is skipped: single phase
    install = installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    assert (install.form_id, install.form_version) == ("meter_install", 2)
    assert install.installed_meter_serial == "VSN2025000123" and install.removed_meter_serial == "OLD-1"
    assert "ct_ratio" not in install.data
    assert sorted(install.data["attachments"]) == sorted(f.sha256 for f in files)
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.DONE  # type: ignore[union-attr]
    new = outbox(session)[before:]
    assert [(e, a) for e, a, _ in new] == [("attachment", "create")] * 4 + [
        ("install", "append"), ("meter", "create"), ("work_order", "status")]
    assert new[4][2]["form_version"] == 2 and new[6][2]["state"] == "done"
    # the installed meter is now one of the customer's meters, ready for the next reading round
    meter = new[5][2]
    assert (meter["serial"], meter["customer_id"], meter["phases"]) == ("VSN2025000123", wo.customer_id, 1)
    assert session.store.query("SELECT count(*) FROM meters WHERE serial='VSN2025000123'") == [(1,)]
    for f in files:
        assert session.attachments.get(f.sha256) == f.content
    row = session.store.query_one("SELECT form_id, form_version, installed_meter_serial FROM installs")
    assert tuple(row) == ("meter_install", 2, "VSN2025000123")


def test_problems_save_nothing(session: Session, files: list[InstallFile], fill: Any) -> None:
    wo = order(session)
    before = len(outbox(session))
    values = fill(files, terminal_seal_count="0", installed_serial="")
    with pytest.raises(ValidationError) as info:
        installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    assert {p.field for p in info.value.problems} == {"terminal_seal_count", "installed_serial"}
    assert "Chưa nhập: Số công tơ treo." in info.value.messages("vi")
    # a signature whose file was never given
    with pytest.raises(ValidationError) as info:
        installs.complete_install(session, work_order_id=wo.id, values=fill(files), files=files[:3])
    assert [p.code for p in info.value.problems] == ["attachment"]
    assert len(outbox(session)) == before
    assert session.store.query_one("SELECT count(*) FROM installs")[0] == 0
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.ASSIGNED  # type: ignore[union-attr]


def test_refuses_wrong_kind_and_closed_orders(session: Session, files: list[InstallFile], fill: Any) -> None:
    reading = order(session, WorkOrderKind.READING)
    with pytest.raises(ValidationError, match="not a meter install"):
        installs.complete_install(session, work_order_id=reading.id, values=fill(files), files=files)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=reading.customer_id,
                                       due_date=None)
    installs.complete_install(session, work_order_id=wo.id, values=fill(files), files=files)
    with pytest.raises(ValidationError, match="already submitted"):
        installs.complete_install(session, work_order_id=wo.id, values=fill(files), files=files)
    assert len(installs.installs_of(session, wo.id)) == 1
    with pytest.raises(ValidationError, match="Work order not found"):
        installs.complete_install(session, work_order_id="nope", values=fill(files), files=files)


def test_v1_record_is_saved_and_printed_with_v1(session: Session, files: list[InstallFile], fill: Any) -> None:
    import io

    import pypdf

    wo = order(session)
    values = fill(files)
    for key in ("optical_sticker", "install_date"):
        values.pop(key)
    install = installs.complete_install(session, work_order_id=wo.id, values=values, files=files, form_version=1)
    assert install.form_version == 1
    pdf = installs.install_record_pdf(session, wo.id)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "(v1)" in text and "Tem cổng quang" not in text and "NPC-A 778812" in text


def test_probe_registers_map_obis_to_billing_registers() -> None:
    regs = {"1.8.0": (Decimal("15535.7"), "kWh"), "1.8.1": (Decimal("10234.50"), "kWh"),
            "1.8.2": (Decimal("2200.1"), "kWh"), "1.8.3": (Decimal("3101.1"), "kWh"), "32.7.0": (Decimal(230), "V")}
    assert installs.probe_registers(regs) == {"KT": "15535.7", "BT": "10234.50", "CD": "2200.1", "TD": "3101.1"}
