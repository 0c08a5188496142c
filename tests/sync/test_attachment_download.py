"""A supervisor's sync downloads the files that pulled records reference: verified by sha256,
stored encrypted, within a byte budget per sync, and a cut download never leaves a damaged
file and resumes from its last whole chunk (real server on loopback, real profiles)."""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal

from fieldkit.central import admin
from fieldkit.devices.capture import Capture
from fieldkit.domain.models import ReadingSource, RegisterValue, Role
from fieldkit.services import customers, field_facts, meters, review, sync, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.store.work_orders import WorkOrderQuery
from fieldkit.sync.client import SyncEngine
from fieldkit.sync.download import Partial
from fieldkit.sync.testing.proxy import FaultProxy

PHOTO_SIZE = 700_000


def _capture() -> bytes:
    cap = Capture(port="/dev/ttyUSB0")
    cap.tx(b"/?!\r\n", 300)
    cap.rx(b"/EMH5\\@CE18\r\n", 300)
    cap.rx(b"\x02" + b"1.8.0(001234.5*kWh)\r\n!\r\n\x03\x10", 9600)
    return cap.to_bytes()


def _technician_work(make_device, central):
    """Lan reads a meter (optical, with the raw capture and a photo) and records an install with a
    signature on a work order; then syncs. Returns the device and {kind: (sha, bytes)}."""
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-81,meter_install,PA23LN0008101,lan\n",
                             team_code="T1")
    tech = make_device("laptop-a", "lan")
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    c = customers.create_customer(tech, CustomerInput(code="PA23LN0008102", name="Lường Văn Sáng"))
    m = meters.register_meter(tech, serial="CE18-81", customer_id=c.id)
    photo, capture, signature = os.urandom(PHOTO_SIZE), _capture(), b"\x89PNG signature " * 300
    field_facts.record_reading(tech, meter_id=m.id, customer_id=c.id, work_order_id=wo.id,
                               source=ReadingSource.OPTICAL, capture=capture, photo=photo,
                               registers={"1.8.0": RegisterValue(Decimal("1234.5"), "kWh")})
    field_facts.record_install(tech, work_order_id=wo.id, installed_meter_serial="CE18-82", data={"seal": "N1"},
                               attachments=[(signature, "image/png", "signature")])
    work_orders.submit_work_order(tech, wo.id)
    r = sync.sync_now(tech)
    assert r.ok and r.uploaded == 3
    files = {"photo": photo, "capture": capture, "signature": signature}
    return tech, wo.id, {k: (hashlib.sha256(v).hexdigest(), v) for k, v in files.items()}


def _leftovers(session) -> list[str]:
    """Temporary files in the attachment folder (a torn `put` would leave one)."""
    return [p.name for p in session.attachments.folder.rglob("*.tmp")]


def test_supervisor_downloads_what_pulled_records_reference(make_device, central):
    tech, wo_id, files = _technician_work(make_device, central)
    sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    other_tech = make_device("laptop-b", "mai")

    r = sync.sync_now(sup)
    assert r.ok and r.downloaded == 3 and r.download_waiting == 0
    assert r.downloaded_bytes == sum(len(v) for _, v in files.values())
    for sha, content in files.values():
        assert sup.attachments.get(sha) == content  # exact bytes, checked against the hash
        raw = sup.attachments.path_for(sha).read_bytes()
        assert content[:64] not in raw  # stored encrypted
    detail = review.review_detail(sup, wo_id)
    kinds = {a.sha256: (a.kind, a.mime, a.size, a.present) for a in detail.attachments}
    assert kinds == {
        files["photo"][0]: ("photo", "image/jpeg", PHOTO_SIZE, True),
        files["capture"][0]: ("capture", "application/json", len(files["capture"][1]), True),
        files["signature"][0]: ("signature", "image/png", len(files["signature"][1]), True),
    }
    assert "1.8.0(001234.5*kWh)" in review.capture_text(sup, files["capture"][0])
    # Nothing to fetch the next time, and nothing of it is offered back to the server.
    again = sync.sync_now(sup)
    assert again.ok and again.downloaded == again.downloaded_bytes == again.uploaded == 0

    # A technician's laptop does not spend its 2G on the team's photos (unless configured to).
    assert sync.download_limit(other_tech) == 0
    rb = sync.sync_now(other_tech)
    assert rb.ok and rb.downloaded == 0 and not other_tech.attachments.has(files["photo"][0])
    # Even configured to, a technician's laptop gets none: the server gives the team's files to a
    # supervisor's user token only (the technician's token is refused), and the sync still succeeds.
    sync.set_download_limit(other_tech, 10_000)
    rb = sync.sync_now(other_tech)
    assert rb.ok and rb.downloaded_bytes == 0 and rb.downloaded == 0
    assert any("supervisor" in reason for reason in rb.reasons)
    assert not other_tech.attachments.has(files["capture"][0])


def test_budget_per_sync_spreads_a_large_photo_over_several_syncs(make_device, central):
    _, _, files = _technician_work(make_device, central)
    sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    sync.set_download_limit(sup, 250_000)
    reports = [sync.sync_now(sup, download_chunk=64 * 1024)]
    while reports[-1].download_waiting and len(reports) < 10:
        reports.append(sync.sync_now(sup, download_chunk=64 * 1024))
    assert all(r.ok and r.downloaded_bytes <= 250_000 for r in reports)
    # The small files come first; the photo takes the following syncs.
    assert reports[0].downloaded == 2 and reports[0].download_waiting == 1
    total = sum(len(v) for _, v in files.values())
    assert [r.downloaded_bytes for r in reports] == [250_000, 250_000, total - 500_000]  # the budget, used up
    assert reports[-1].download_waiting == 0
    assert sum(r.downloaded_bytes for r in reports) == sum(len(v) for _, v in files.values())
    assert sup.attachments.get(files["photo"][0]) == files["photo"][1]
    assert Partial.existing(sup.attachments) == []


def test_download_cut_midway_leaves_nothing_damaged_and_the_next_sync_completes_it(make_device, central, server):
    _, wo_id, files = _technician_work(make_device, central)
    photo_sha, photo = files["photo"]
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.0).start()
    try:
        sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR, url=proxy.url)
        assert sync.sync_now(sup, download_limit=0).ok  # the records, not the files yet
        # The link dies once ~300 kB have come down.
        proxy.cut_after_down_bytes = 300_000
        engine = SyncEngine(sup.store, sup.attachments, "hung", signer=sup.profile.signing_key, max_retries=0, download_chunk=64 * 1024,
                            max_chunk=64 * 1024)
        report = engine.run()
        engine.transport.close()
    finally:
        proxy.stop()
    assert not report.ok and "not reachable" in report.error
    assert not sup.attachments.has(photo_sha) and _leftovers(sup) == []
    assert sup.store.query("SELECT sha256 FROM attachments WHERE sha256 = ?", (photo_sha,)) == []
    assert not next(a for a in review.review_detail(sup, wo_id).attachments if a.sha256 == photo_sha).present
    part = Partial(sup.attachments, photo_sha)
    assert 0 < part.offset < 300_000 and part.offset % (64 * 1024) == 0  # whole chunks only
    on_disk = part.path.read_bytes()
    assert photo[:4096] not in on_disk  # the partial file is encrypted too
    # A crash in the middle of writing the next chunk leaves a torn record at the end...
    with open(part.path, "ab") as f:
        f.write(b"\x00\x01\x00\x10torn")
    kept = Partial(sup.attachments, photo_sha)
    assert kept.offset == part.offset and kept.path.stat().st_size == len(on_disk)  # ...which is dropped

    sync.configure(sup, server.url)  # the signal is back
    r = sync.sync_now(sup, download_chunk=64 * 1024)
    assert r.ok and r.download_waiting == 0
    assert r.downloaded_bytes == PHOTO_SIZE - part.offset  # only the rest came down
    assert sup.attachments.get(photo_sha) == photo
    assert Partial.existing(sup.attachments) == [] and _leftovers(sup) == []
    assert next(a for a in review.review_detail(sup, wo_id).attachments if a.sha256 == photo_sha).present


def test_a_file_whose_content_does_not_match_is_fetched_again(make_device, central):
    _, _, files = _technician_work(make_device, central)
    sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    sha, content = files["signature"]
    # A partial download whose bytes are wrong (e.g. written by a buggy earlier version).
    bad = Partial(sup.attachments, sha)
    bad.append(b"x" * len(content))
    r = sync.sync_now(sup)
    assert r.ok and any("did not match" in reason for reason in r.reasons)
    assert not sup.attachments.has(sha) and Partial.existing(sup.attachments) == []
    r = sync.sync_now(sup)
    assert r.ok and sup.attachments.get(sha) == content
