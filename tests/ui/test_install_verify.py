"""Install verification in the install form: the technician reads the newly installed meter
through the probe (the real DLMS simulator on a pseudo-terminal, through the app's device
thread) and what disagrees with the form is flagged before saving."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind, WorkOrderState
from fieldkit.services import customers, ui_queries, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.install.demo import fill_demo
from fieldkit.ui.install.install_form import InstallForm

ROOT = Path(__file__).resolve().parents[2]
SERIAL = "23110045"    # the dlms-three-phase meter's serial


@pytest.fixture
def dlms_port(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "dlms-three-phase"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    try:
        assert proc.stdout is not None
        assert select.select([proc.stdout], [], [], 15)[0], "simulator did not start"
        port = proc.stdout.readline().decode().strip()
        monkeypatch.setenv("FIELDKIT_PROBE_PORT", port)
        yield port
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)


def _form(qtbot, session) -> InstallForm:
    """(The tests ask for `shell`: the app's Vietnamese translator is installed.)"""
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000123", name="Nguyễn Văn Bình"))
    work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id,
                                  due_date=local_today(), number="L-INST-DLMS")
    [row] = [r for r in ui_queries.my_work_orders(session) if r.number == "L-INST-DLMS"]
    form = InstallForm(session, row)        # the probe from FIELDKIT_PROBE_PORT, on the shared device thread
    qtbot.addWidget(form)
    form.show()
    fill_demo(form)
    return form


def _read_probe(qtbot, form: InstallForm) -> None:
    ed = form.view.editors["installed_reading"]
    assert ed.action is not None
    ed.action.click()
    qtbot.waitUntil(lambda: form.probe_result is not None and ed.action.isEnabled(), timeout=60_000)
    qtbot.waitUntil(lambda: form.checks.isVisible(), timeout=5_000)


def _state(session, number: str) -> WorkOrderState:
    return next(r for r in ui_queries.my_work_orders(session) if r.number == number).state


def test_a_different_serial_is_flagged_before_saving(qtbot, shell, session, dlms_port: str) -> None:
    form = _form(qtbot, session)
    form.view.set_values({"installed_serial": "23110054", "phases": "3", "ct_ratio": "300/5"})
    _read_probe(qtbot, form)
    # the registers came from the meter, and the form was compared with it
    assert form.view.values()["installed_reading"]["source"] == "optical"
    assert {m.field for m in form.mismatches} == {"installed_serial", "ct_ratio"}
    text = form.checks.text()
    assert "23110045" in text and "23110054" in text and "Tỷ số TI" in text   # Vietnamese, both values
    # the first Save does not save: it asks, with the mismatches in view
    form.save()
    assert not form.saving and _state(session, "L-INST-DLMS") != WorkOrderState.DONE
    assert form.summary.isVisible() and "(2 mục)" in form.summary.text()
    assert "Nhấn Lưu lần nữa" in form.checks.text()
    # a further mismatch (typed after asking) asks again instead of saving
    form.view.set_values({"vt_ratio": "22000/110"})
    form.save()
    assert not form.saving and _state(session, "L-INST-DLMS") != WorkOrderState.DONE
    # fixing the form removes the flag as the technician types
    form.view.set_values({"installed_serial": SERIAL, "ct_ratio": "200/5", "vt_ratio": ""})
    qtbot.waitUntil(lambda: form.mismatches == [], timeout=5_000)
    assert form.checks.text() == "Công tơ đọc qua đầu đọc quang khớp với biên bản."
    form.save()
    qtbot.waitUntil(lambda: _state(session, "L-INST-DLMS") == WorkOrderState.DONE, timeout=30_000)


def test_a_matching_meter_is_not_flagged_and_saves_at_once(qtbot, shell, session, dlms_port: str) -> None:
    form = _form(qtbot, session)
    form.view.set_values({"installed_serial": SERIAL, "phases": "3", "ct_ratio": "200/5"})
    _read_probe(qtbot, form)
    assert form.mismatches == []
    assert form.checks.styleSheet().startswith("color: #1B5E20")
    form.save()
    qtbot.waitUntil(lambda: _state(session, "L-INST-DLMS") == WorkOrderState.DONE, timeout=30_000)


def test_a_mode_c_meter_with_another_serial_is_flagged_too(qtbot, shell, session, monkeypatch) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "three-phase-tou"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    try:
        assert proc.stdout is not None
        assert select.select([proc.stdout], [], [], 15)[0], "simulator did not start"
        monkeypatch.setenv("FIELDKIT_PROBE_PORT", proc.stdout.readline().decode().strip())
        form = _form(qtbot, session)
        form.view.set_values({"installed_serial": "X-NOT-THIS-ONE", "phases": "3"})
        _read_probe(qtbot, form)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)
    assert [m.field for m in form.mismatches] == ["installed_serial"]
    form.save()
    assert _state(session, "L-INST-DLMS") != WorkOrderState.DONE
