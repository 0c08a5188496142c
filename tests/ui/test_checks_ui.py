"""Issue 13 item 5 on screen: the manual reading card shows the optical checks (consumption,
abnormal use, bill) as the numbers are typed, a flagged one asks why, stale errors go when the
field is filled; the reading limits are read-only in Settings for a technician (and refused by
the service even if the field is edited anyway), editable for a supervisor."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap

from fieldkit.domain.models import ReadingSource
from fieldkit.services import field_facts, quality_settings, readings
from fieldkit.ui.config import Config
from fieldkit.ui.i18n import Translations
from fieldkit.ui.pages import PageContext
from fieldkit.ui.pages.settings_page import SettingsPage
from fieldkit.ui.readings.panel import ReadingPanel
from tests.ui.test_readings_page import PREVIOUS, make_world


@pytest.fixture(autouse=True)
def vietnamese(qapp) -> Iterator[None]:
    t = Translations()
    t.switch("vi")
    yield
    t.switch("en")


def _photo(tmp_path: Path) -> Path:
    photo = tmp_path / "meter.png"
    pix = QPixmap(64, 48)
    pix.fill(QColor("#336699"))
    assert pix.save(str(photo))
    return photo


def test_manual_card_checks_as_you_type_and_asks_why_when_flagged(qtbot, session, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    _c, meter, wo = make_world(session, serial="19072245")
    config = Config(tmp_path / "config")
    config.set("probe_port", "/dev/null-probe")  # no discovery in the test
    panel = ReadingPanel(session, config, readings.target_for_work_order(session, wo.id))
    qtbot.addWidget(panel)
    panel.resize(1366, 1400)  # the whole card on screen: a click lands on its buttons
    panel.show()
    panel.show_manual()
    m = panel.manual
    # nothing typed: a save names what is missing
    qtbot.mouseClick(panel.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.manual_error.isVisible(), timeout=5_000)
    assert "KT" in panel.manual_error.text() and not m.check.isVisible()
    # a normal index: consumption and a bill, no confirmation asked
    qtbot.keyClicks(panel.manual_edits["1.8.0"], "61 500")
    qtbot.waitUntil(lambda: m.check.isVisible(), timeout=5_000)
    assert m.assessment is not None and m.assessment.consumption == Decimal(400) and m.assessment.bill is not None
    assert "kWh" in m.check.summary.text() and "Tiền điện ước tính" in m.check.bill.text()
    assert not m.confirm.isVisible()
    # the error about the missing index stays while the photo is missing; it goes once all is there
    assert panel.manual_error.isVisible()
    assert panel.photos.add_file(_photo(tmp_path))
    qtbot.waitUntil(lambda: not panel.manual_error.isVisible(), timeout=5_000)
    # an abnormal index: flagged, the confirmation is asked and required
    panel.manual_edits["1.8.0"].clear()
    qtbot.keyClicks(panel.manual_edits["1.8.0"], "65000")
    qtbot.waitUntil(lambda: m.confirm.isVisible(), timeout=5_000)
    assert m.flagged() == ["high"] and m.assessment.abnormal is not None
    qtbot.mouseClick(panel.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.manual_error.isVisible(), timeout=5_000)
    assert "Ghi lý do vẫn lưu" in panel.manual_error.text()
    assert len(field_facts.readings_of_meter(session, meter.id)) == len(PREVIOUS)  # nothing saved
    m.confirm.insert("khách mở xưởng")  # as typed (QTest types ASCII only)
    qtbot.waitUntil(lambda: not panel.manual_error.isVisible(), timeout=5_000)
    qtbot.mouseClick(panel.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "manual_saved", timeout=10_000)
    saved = field_facts.readings_of_meter(session, meter.id, limit=1)[0]
    assert saved.source is ReadingSource.MANUAL and saved.manual_reason.endswith("· khách mở xưởng [high]")
    panel.shutdown()


def _settings(qtbot, s, tmp_path: Path) -> SettingsPage:
    ctx = PageContext(session=s, config=Config(tmp_path / f"config-{s.role.value}"), refresh_status=lambda: None,
                      apply_setting=lambda *_: None)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    return page


def test_technician_sees_the_limits_read_only_and_cannot_change_them(qtbot, session, tmp_path: Path):
    page = _settings(qtbot, session, tmp_path)
    for key in (quality_settings.MULTIPLE_KEY, quality_settings.CLOCK_KEY):
        editor = page.editors[key]
        assert editor.isReadOnly() and "Chỉ tổ trưởng" in page.helps[key].text()
    assert not page.editors["probe_port"].isReadOnly()  # the others stay the technician's
    # the widget bypassed (e.g. an accessibility tool types into it): the service refuses
    editor = page.editors[quality_settings.MULTIPLE_KEY]
    editor.setText("100")
    editor.editingFinished.emit()
    assert quality_settings.value_of(session, quality_settings.MULTIPLE_KEY).source == "default"
    assert "tổ trưởng" in page.helps[quality_settings.MULTIPLE_KEY].text() and editor.text() == ""
    assert quality_settings.reading_limits(session).abnormal_multiple == Decimal(3)


def test_supervisor_changes_the_limit_in_settings(qtbot, supervisor, tmp_path: Path):
    page = _settings(qtbot, supervisor, tmp_path)
    editor = page.editors[quality_settings.MULTIPLE_KEY]
    assert not editor.isReadOnly() and "Chỉ tổ trưởng" not in page.helps[quality_settings.MULTIPLE_KEY].text()
    editor.setText("0,5")  # careless: refused with the reason, nothing stored
    editor.editingFinished.emit()
    assert page.helps[quality_settings.MULTIPLE_KEY].objectName() == "Error"
    assert quality_settings.value_of(supervisor, quality_settings.MULTIPLE_KEY).source == "default"
    editor.setText("4")
    editor.editingFinished.emit()
    assert quality_settings.value_of(supervisor, quality_settings.MULTIPLE_KEY).value == "4"
    assert page.saved.text() and quality_settings.reading_limits(supervisor).abnormal_multiple == Decimal(4)
