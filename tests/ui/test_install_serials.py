"""Issue 13 item 5 in the install form: the typed serials against the work order's meter, the
serial the probe read kept with the reading, and a "not entered" error that goes as soon as the
probe fills the field (the real three-phase-tou simulator on a pty)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind, WorkOrderState
from fieldkit.services import customers, meters, ui_queries, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.install.demo import fill_demo
from fieldkit.ui.install.install_form import InstallForm

ROOT = Path(__file__).resolve().parents[2]


def _form(qtbot, session, kind: WorkOrderKind, number: str, meter_serial: str = "") -> InstallForm:
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000456", name="Lê Văn Tâm"))
    meter = meters.register_meter(session, serial=meter_serial, customer_id=c.id) if meter_serial else None
    work_orders.create_work_order(session, kind=kind, customer_id=c.id, meter_id=meter.id if meter else None,
                                  due_date=local_today(), number=number)
    [row] = [r for r in ui_queries.my_work_orders(session) if r.number == number]
    form = InstallForm(session, row)
    qtbot.addWidget(form)
    form.show()
    return form


def _state(session, number: str) -> WorkOrderState:
    return next(r for r in ui_queries.my_work_orders(session) if r.number == number).state


def test_the_removed_serial_is_checked_against_the_work_orders_meter(qtbot, shell, session, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    form = _form(qtbot, session, WorkOrderKind.METER_REPLACEMENT, "L-REP-1", meter_serial="OLD-7788")
    fill_demo(form)
    form.view.set_values({"reason": "faulty", "removed_serial": "OLD-1111"})
    qtbot.waitUntil(lambda: form.checks.isVisible(), timeout=5_000)
    assert [m.field for m in form.mismatches] == ["removed_expected"]
    assert "OLD-7788" in form.checks.text() and "OLD-1111" in form.checks.text()
    form.save()  # the first Save asks
    assert not form.saving and _state(session, "L-REP-1") != WorkOrderState.DONE
    form.view.set_values({"removed_serial": "old 7788"})  # spaces and case do not matter
    qtbot.waitUntil(lambda: form.mismatches == [] and not form.checks.isVisible(), timeout=5_000)


def test_a_not_entered_error_goes_when_the_probe_fills_the_field(qtbot, shell, session, monkeypatch):
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "three-phase-tou"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    try:
        assert proc.stdout is not None
        assert select.select([proc.stdout], [], [], 15)[0], "simulator did not start"
        monkeypatch.setenv("FIELDKIT_PROBE_PORT", proc.stdout.readline().decode().strip())
        form = _form(qtbot, session, WorkOrderKind.METER_INSTALL, "L-INST-2")
        form.view.set_values({"reason": "new_install", "installed_serial": "19072245", "phases": "3"})
        form.save()  # nothing else filled: every problem named under its field
        reading = form.view.editors["installed_reading"]
        assert reading.error.isVisible() and reading.has_problems and form.summary.isVisible()
        serial = form.view.editors["installed_serial"]
        assert not serial.has_problems
        assert reading.action is not None
        reading.action.click()
        qtbot.waitUntil(lambda: form.probe_result is not None and reading.action.isEnabled(), timeout=60_000)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)
    value = form.view.values()["installed_reading"]
    assert value["source"] == "optical" and value["serial"] == "19072245" and value["BT"]
    qtbot.waitUntil(lambda: not reading.error.isVisible(), timeout=5_000)
    assert not reading.has_problems
    assert form.mismatches == []  # the probe's serial is the typed one
    # other fields' problems stay until they are fixed
    assert form.view.editors["meter_photos"].has_problems
    # typing over the probe's numbers: no longer the probe's serial
    reading.inputs["BT"].setText("1")
    reading.inputs["BT"].textEdited.emit("1")
    assert "serial" not in form.view.values()["installed_reading"]
