"""Setting a DLMS meter's clock from the Readings page, with the real DLMS simulator on a
pseudo-terminal through the app's device thread: never offered without the utility's write
password for the model; with it, the laptop's time corrected by the server-checked offset is
written, confirmed by reading back, kept in the capture and in the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from fieldkit.devices.result import ReadingResult
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind
from fieldkit.services import customers, meter_clock, meter_model_settings, meters, readings, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.client import K_SKEW
from tests.ui.test_readings_page import FAST_WIRE, open_panel, simulator  # noqa: F401 - fixture

SET_CLOCK = b"\xc1\x01\xc1\x00\x08"     # SET-Request-Normal of class 8 (clock)


def _world(session) -> None:
    c = customers.create_customer(session, CustomerInput(code="PA23VG0053140", name="Nguyễn Văn An"))
    m = meters.register_meter(session, serial="23110045", customer_id=c.id, manufacturer="FKD",
                              model="FK3P-DLMS", phases=3, tariff_registers=3)
    work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, meter_id=m.id,
                                  due_date=local_today(), number="R-2611-01")


def _audit(session) -> list[tuple[str, dict]]:
    with session.store.read() as conn:
        return [(a, json.loads(d)) for a, d in conn.execute(
            "SELECT action, detail FROM audit WHERE entity = 'meter' AND action LIKE 'clock_set%' ORDER BY at")]


def _read(qtbot, panel) -> None:
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "result", timeout=90_000)


def test_clock_set_from_the_readings_page(qtbot, shell, session, supervisor, simulator,  # noqa: F811
                                          tmp_path: Path):
    port = simulator("--profile", "dlms-three-phase", *FAST_WIRE)   # its clock is 37 s fast
    _world(session)
    session.store.set_meta(K_SKEW, "-20.0")                    # the server said: this laptop is 20 s fast
    _win, _page, panel = open_panel(qtbot, shell, port)
    # no settings file: a DLMS meter is read, the clock is never offered
    _read(qtbot, panel)
    assert panel.assessment is not None and panel.assessment.protocol == "dlms"
    assert not panel.clock.isVisible()
    # the utility's table (imported by a supervisor) gives the model a write password: offered after the next read
    table = tmp_path / "meter_models.json"
    table.write_text(json.dumps([{"manufacturer": "FKD", "model": "FK3P-DLMS*", "client_address": 17,
                                  "dlms_password": "12345678"}]), encoding="utf-8")
    meter_model_settings.import_file(supervisor, table)
    _read(qtbot, panel)
    assert panel.clock.isVisible() and panel.clock.button.isEnabled() and _audit(session) == []
    assert panel.clock.button.text() == "Chỉnh đồng hồ công tơ"
    before = panel.result.clock_deviation
    assert before is not None and 30 <= before <= 45
    qtbot.mouseClick(panel.clock.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "result" and panel.clock.message is not None, timeout=90_000)
    result = panel.result
    assert result.clock_set is not None and result.clock_set["confirmed"] is True
    # laptop time - 20 s was written: the meter now reads 20 s behind the laptop
    assert result.clock_deviation is not None and -22.5 <= result.clock_deviation <= -17.5
    assert SET_CLOCK in result.capture.sent()                  # the SET is in the capture
    assert panel.clock.status.text().startswith("Đã chỉnh đồng hồ công tơ; đọc lại:")
    assert "chưa được máy chủ kiểm tra" not in panel.clock.status.text()
    qtbot.waitUntil(lambda: len(_audit(session)) == 1, timeout=10_000)
    [(action, detail)] = _audit(session)
    assert action == "clock_set" and detail["confirmed"] is True and detail["server_checked"] is True
    assert detail["serial"] == "23110045" and detail["written"] and detail["before"]
    # saving the reading keeps the capture with the SET and the read-back
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    assert panel.clock.isVisible() and not panel.clock.button.isEnabled()
    shell.set_language("en")
    qtbot.waitUntil(lambda: panel.clock.status.text().startswith("The meter's clock was set; read back:"),
                    timeout=5_000)


def test_without_a_server_check_the_laptop_time_is_written_and_said(qtbot, shell, session, supervisor,
                                                                    simulator, tmp_path: Path):  # noqa: F811
    port = simulator("--profile", "dlms-three-phase", *FAST_WIRE)
    _world(session)
    table = tmp_path / "meter_models.json"
    table.write_text(json.dumps([{"manufacturer": "FKD", "client_address": 17, "dlms_password": "12345678"}]),
                     encoding="utf-8")
    meter_model_settings.import_file(supervisor, table)
    _win, _page, panel = open_panel(qtbot, shell, port)
    _read(qtbot, panel)
    qtbot.mouseClick(panel.clock.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "result" and panel.clock.message is not None, timeout=90_000)
    assert panel.result.clock_deviation is not None and abs(panel.result.clock_deviation) <= 2.5
    assert "chưa được máy chủ kiểm tra" in panel.clock.status.text()
    qtbot.waitUntil(lambda: len(_audit(session)) == 1, timeout=10_000)
    assert _audit(session)[0][1]["server_checked"] is False


def test_never_offered_without_a_password_or_for_mode_c(session, tmp_path: Path) -> None:
    _world(session)
    [meter] = [m for c in readings.choices(session, "23110045") if c.kind == "work_order"
               for m in [readings.target_for_work_order(session, c.id)]]
    target = meter
    dlms = ReadingResult("", "FKD", "23110045", None, None, {}, protocol="dlms")
    mode_c = ReadingResult("", "FKD", "23110045", None, None, {}, protocol="iec62056-21")
    with_password = meter_clock.models_from_setting(str(_table(tmp_path, "12345678")))
    assert meter_clock.can_set_clock(target, dlms, with_password)
    assert not meter_clock.can_set_clock(target, mode_c, with_password)
    assert not meter_clock.can_set_clock(target, dlms, [])
    assert not meter_clock.can_set_clock(target, dlms, meter_clock.models_from_setting(str(_table(tmp_path, None))))
    # a broken table is refused by the Settings check, with the reason
    bad = tmp_path / "bad.json"
    bad.write_text('[{"manufacturer": "FKD", "dlms_password": 12345678}]', encoding="utf-8")
    assert "entry 1" in (meter_clock.setting_problem(str(bad)) or "")
    assert meter_clock.setting_problem(str(tmp_path / "missing.json"))


def _table(folder: Path, password: str | None) -> Path:
    entry: dict[str, object] = {"manufacturer": "FKD", "model": "FK3P-DLMS*", "client_address": 17}
    if password is not None:
        entry["dlms_password"] = password
    path = folder / f"models-{password}.json"
    path.write_text(json.dumps([entry]), encoding="utf-8")
    return path
