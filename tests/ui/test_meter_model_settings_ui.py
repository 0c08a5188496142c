"""A technician with the laptop in hand (real widgets, real encrypted store): the Settings page
shows the meter model table read-only ("only a supervisor"), typing into it changes nothing, an
attempt through the page is refused with the Vietnamese message; pointing `settings.json` at a
file of their own or editing the imported file on the disk gives the reading panel nothing: it
reads with the supervisor's table, from the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fieldkit.services import customers, meter_model_settings, meters, readings
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.main_window import MainWindow  # noqa: F401 - imported here, not inside the first sign-in
from fieldkit.ui.qt import QApplication
from fieldkit.ui.settings_specs import SETTINGS
from tests.ui.test_drafts import login

PASSWORD = "Sup-Pw-55170"


def _table(path: Path, password: str) -> Path:
    path.write_text(json.dumps([{"manufacturer": "FKD", "model": "FK3P-DLMS*", "client_address": 17,
                                 "dlms_password": password}]), encoding="utf-8")
    return path


def _meter(session: Any) -> Any:
    c = customers.create_customer(session, CustomerInput(code="PA23VG0053142", name="Nguyễn Văn Ba"))
    return meters.register_meter(session, serial="23110047", customer_id=c.id, manufacturer="FKD",
                                 model="FK3P-DLMS", phases=3, tariff_registers=3)


def test_a_technician_can_read_but_not_change_the_meter_model_table(qtbot, shell, session, supervisor, tmp_path):
    imported = _table(tmp_path / "meter_models.json", PASSWORD)
    meter_model_settings.import_file(supervisor, imported)
    m = _meter(session)
    win = login(qtbot, shell)  # Lan, technician
    page = win.go_to("settings")
    key = meter_model_settings.KEY
    line = page.editors[key]
    assert line.isReadOnly() and line.text() == "meter_models.json"  # readable: which table is in use
    assert "Chỉ tổ trưởng (giám sát) mới được thay đổi." in page.helps[key].text()
    assert PASSWORD not in line.text() + page.helps[key].text()
    own = _table(tmp_path / "own.json", "mine-000")
    qtbot.keyClicks(line, str(own))
    assert line.text() == "meter_models.json"
    # the attempt through the page (as if the field were editable) is refused by the service, in Vietnamese
    spec = next(s for s in SETTINGS if s.key == key)
    page._changed(spec, str(own))
    assert "Chỉ tổ trưởng (giám sát) mới được đổi bảng cài đặt loại công tơ" in page.helps[key].text()
    assert meter_model_settings.source(session) == "meter_models.json"
    # settings.json pointed at their own file, the imported file edited on the disk: nothing granted
    shell.config.set(key, str(own))
    _table(imported, "mine-111")
    readings_page = win.go_to("readings")
    panel = readings_page.open_target(readings.target_for_meter(session, m.id))
    QApplication.processEvents()
    assert readings.read_options(panel.target, panel.models()).dlms_password == PASSWORD
