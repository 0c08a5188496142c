"""Draft photos no record and no draft references leave the encrypted attachment store; nothing
else does (a record's photos, another draft's, a kept document, one just added); a crash in the
middle of the cleaning loses nothing referenced (real encrypted store, the cleaning process killed
with SIGKILL after its first deletion)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, WorkOrderKind
from fieldkit.services import customers, draft_files, drafts, installs, kept_documents, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile

ROOT = Path(__file__).resolve().parents[2]


def _png(colour: str, size: tuple[int, int] = (90, 60)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def _order(session: Any, n: int) -> Any:
    c = customers.create_customer(session, CustomerInput(
        code=f"PA23VG00774{n:02d}", name="Hoàng Thị Quỳnh", phone="0987654123",
        address=Address(commune="Xã Gia Viễn", street="Xóm 1")))
    return work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                         due_date=local_today(), number=f"L-F-{n}")


def _draft(photos: list[bytes]) -> dict[str, Any]:
    return {"values": {"representative": "Quỳnh"}, "photos": {"meter_photos": [
        {"sha": InstallFile(p, "", "").sha256, "mime": "image/png", "name": f"{i}.png"} for i, p in enumerate(photos)]}}


def _values(photo: str, sig_a: str, sig_b: str) -> dict[str, Any]:
    return {
        "reason": "faulty", "representative": "Quỳnh", "place": "Xóm 1", "substation": "TBA 3", "pole_number": "1",
        "box_number": "H2", "position": {"lat": "20.5", "lon": "106.0", "source": "typed"},
        "removed_serial": "OLD-1", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000999", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [photo], "technician_signature": sig_a, "customer_signature": sig_b,
    }


def _sha(b: bytes) -> str:
    return InstallFile(b, "", "").sha256


def _setup(session: Any) -> dict[str, bytes]:
    """Draft 1 (discarded) had: only1, only1b, shared, submitted; draft 2 keeps `shared`; the record
    submitted on order 3 has `submitted`; a kept document lives in the same store."""
    p = {name: _png(colour) for name, colour in (("only1", "#110000"), ("only1b", "#220000"),
                                                  ("shared", "#003300"), ("submitted", "#000044"))}
    wo1, wo2, wo3 = _order(session, 1), _order(session, 2), _order(session, 3)
    assert drafts.save_install(session, wo1.id, _draft([p["only1"], p["only1b"], p["shared"], p["submitted"]]),
                               [p["only1"], p["only1b"], p["shared"], p["submitted"]], None, 2)
    assert drafts.save_install(session, wo2.id, _draft([p["shared"]]), [p["shared"]], None, 2)
    assert drafts.save_install(session, wo3.id, _draft([p["submitted"]]), [p["submitted"]], None, 2)
    sigs = [InstallFile(_png("white", (300, 100)), "image/png", "signature"),
            InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    files = [InstallFile(p["submitted"], "image/png", "photo"), *sigs]
    installs.complete_install(session, work_order_id=wo3.id, values=_values(*(f.sha256 for f in files)),
                              files=files)
    p["document"] = b"%PDF-1.4 kept document"
    kept_documents.keep(session, p["document"], "report", "r.pdf")
    assert drafts.discard(session, drafts.INSTALL, wo1.id)  # cleans at once, but the files are recent
    return p


def _age(session: Any, shas: list[str], seconds: float = 3600) -> None:
    old = time.time() - seconds
    for sha in shas:
        os.utime(session.attachments.path_for(sha), (old, old))


def test_only_unreferenced_draft_photos_are_removed(session):
    p = _setup(session)
    everything = [_sha(b) for b in p.values()]
    assert all(session.attachments.has(s) for s in everything)  # just added: the grace period holds them
    _age(session, everything)
    # a photo used again just now (a form added it back) is left for a later run
    session.attachments.put(p["only1b"])
    result = draft_files.clean(session)
    assert (result.removed, result.kept_recent) == (1, 1) and result.bytes_freed > 0
    assert not session.attachments.has(_sha(p["only1"]))
    for name in ("only1b", "shared", "submitted", "document"):
        assert session.attachments.get(_sha(p[name])) == p[name], name
    _age(session, [_sha(p["only1b"])])
    assert draft_files.clean(session).removed == 1 and not session.attachments.has(_sha(p["only1b"]))
    assert draft_files.clean(session).removed == 0
    assert session.store.query("SELECT action FROM audit WHERE entity = 'draft_files'") == [("clean",), ("clean",)]


def test_a_draft_save_racing_the_cleaning_puts_its_photo_back(session):
    """The autosave `put` finds the file there (no write), the cleaning removes it before the
    autosave's transaction: the transaction notices and writes it again."""
    wo = _order(session, 4)
    photo = _png("#445566")
    assert drafts.save_install(session, wo.id, _draft([photo]), [photo], None, 2)
    assert drafts.discard(session, drafts.INSTALL, wo.id)
    _age(session, [_sha(photo)])
    real_put = session.attachments.put
    raced: list[int] = []

    def put_then_clean(data: bytes) -> str:
        sha = real_put(data)
        if not raced:  # the autosave's first put; the second is the transaction writing it again
            _age(session, [sha])
            raced.append(draft_files.clean(session).removed)  # between the put and the draft's transaction
        return sha

    session.attachments.put = put_then_clean
    try:
        assert drafts.save_install(session, wo.id, _draft([photo]), [photo], None, 2)
    finally:
        del session.attachments.put
    assert raced == [1]
    assert session.attachments.get(_sha(photo)) == photo
    assert draft_files.clean(session, grace_s=0).removed == 0


def test_killed_in_the_middle_of_cleaning_loses_nothing_referenced(session, profile_dir):
    p = _setup(session)
    # two more unused ones, so the kill lands with work left
    wo = _order(session, 5)
    extra = [_png("#777700"), _png("#007777")]
    assert drafts.save_install(session, wo.id, _draft(extra), extra, None, 2)
    assert drafts.discard(session, drafts.INSTALL, wo.id)
    unused = {_sha(p["only1"]), _sha(p["only1b"]), *(_sha(x) for x in extra)}
    kept = {name: _sha(p[name]) for name in ("shared", "submitted", "document")}
    _age(session, [_sha(b) for b in [*p.values(), *extra]])
    session.close()

    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("draft_files_crasher.py")),
                           str(profile_dir), "1"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "finished" not in proc.stdout

    s = sessions.login(profile_dir, "lan", "246810")
    try:
        assert s.store.integrity_check() == "ok"
        for name, sha in kept.items():  # everything referenced is whole and decrypts
            assert s.attachments.get(sha) == p[name], name
        gone = [sha for sha in unused if not s.attachments.has(sha)]
        assert len(gone) == 1  # killed right after the first deletion
        # the cleaning transaction was rolled back: its notes are all still there, the next run finishes
        noted = {r[0] for r in s.store.query("SELECT sha256 FROM draft_files")}
        assert unused <= noted
        again = draft_files.clean(s, grace_s=0)
        assert again.removed == 3 and all(not s.attachments.has(sha) for sha in unused)
        assert s.store.query("SELECT count(*) FROM draft_files") == [(2,)]  # shared (draft 2), submitted (record)
        for name, sha in kept.items():
            assert s.attachments.get(sha) == p[name], name
    finally:
        s.close()
