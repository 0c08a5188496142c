"""A DLMS meter through the Readings page: the real DLMS simulator (a meter whose cover was
opened 12 days ago, consumption 60 % lower since) on a pseudo-terminal, read through the app's
one device thread. The result shows the load profile chart with the tamper event marked, the
event log with tamper events highlighted, and the explanation of the abnormal consumption, in
Vietnamese and English; saving keeps the capture, which re-parses to the same events.

FIELDKIT_DLMS_SHOTS=<folder> also writes the result as <lang>-readings-dlms.png there.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from fieldkit.devices.reparse import parse_file_bytes
from fieldkit.services import field_facts
from tests.ui.test_readings_page import FAST_WIRE, make_world, open_panel, simulator  # noqa: F401 - fixture


def finding(panel, name: str):  # type: ignore[no-untyped-def]
    """The finding label shown now (re-rendering replaces the labels)."""
    labels = [w for w in panel.findChildren(type(panel.result_view.summary)) if w.objectName() == name
              and w.isVisible()]
    assert labels, [(w.objectName(), w.isHidden()) for w in panel.findChildren(type(panel.result_view.summary))
                    if w.objectName().startswith("finding")]
    return labels[-1]


def shown(panel, name: str) -> bool:  # type: ignore[no-untyped-def]
    return any(w.objectName() == name and w.isVisible()
               for w in panel.findChildren(type(panel.result_view.summary)))


def test_dlms_meter_result_with_profile_events_and_explanation(qtbot, shell, session, simulator, stall_probe):  # noqa: F811
    port = simulator("--profile", "dlms-tamper", *FAST_WIRE)
    _c, meter, _wo = make_world(session, serial="23110046")
    _win, _page, panel = open_panel(qtbot, shell, port)
    phases: list[str] = []
    bar_texts: dict[str, str] = {}   # the progress bar's words as each phase began (the panel's slot runs first)
    panel.bridge.progress.connect(lambda ph, got, exp: (phases.append(ph), bar_texts.setdefault(ph, panel.bar.text)))
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "result", timeout=60_000)
    assert bar_texts.get("association") == "Đang mở phiên DLMS…"   # DLMS phases have their own words
    assert {"connecting", "association", "release"} <= set(phases)
    a = panel.assessment
    assert a is not None and a.protocol == "dlms"
    memory = panel.result_view.memory
    assert memory.isVisible()
    # the chart: three days of 15-minute intervals, the cover event marked in red
    assert len(memory.chart.bars) == 288 and memory.chart.marks
    assert "288" in memory.profile_title.text()
    # the event log, newest first, tamper events highlighted
    tamper = [e for e in a.events if e.tamper]
    assert memory.tamper_rows == len(tamper) >= 5
    assert memory.events.text().count("⚠") == len(tamper)
    assert "Mở nắp công tơ" in memory.events.text()
    # the explanation of the abnormal consumption, from the meter's own memory
    assert [f.code for f in a.findings], a.findings
    assert "tamper_consumption" in [f.code for f in a.findings], [(f.code, f.en) for f in a.findings]
    qtbot.waitUntil(lambda: shown(panel, "finding_tamper_consumption"), timeout=5_000)  # labels show on the next turn
    explained = finding(panel, "finding_tamper_consumption")
    assert finding(panel, "finding_tamper_events").isVisible()
    assert "Mở nắp công tơ lúc" in explained.text() and "giảm" in explained.text()
    shots = os.environ.get("FIELDKIT_DLMS_SHOTS")
    if shots:
        panel.scroll_area.verticalScrollBar().setValue(0)
        panel.window().grab().save(str(Path(shots) / "vi-readings-dlms.png"))
        panel.scroll_area.verticalScrollBar().setValue(memory.y() + panel.result_view.y() - 8)
        qtbot.wait(50)
        panel.window().grab().save(str(Path(shots) / "vi-readings-dlms-events.png"))
    shell.set_language("en")
    qtbot.waitUntil(lambda: "Meter cover removed on" in finding(panel, "finding_tamper_consumption").text(),
                    timeout=5_000)
    assert "Meter cover removed" in memory.events.text() and "Load profile" in memory.profile_title.text()
    if shots:
        panel.scroll_area.verticalScrollBar().setValue(0)
        panel.window().grab().save(str(Path(shots) / "en-readings-dlms.png"))
        panel.scroll_area.verticalScrollBar().setValue(memory.y() + panel.result_view.y() - 8)
        qtbot.wait(50)
        panel.window().grab().save(str(Path(shots) / "en-readings-dlms-events.png"))
    shell.set_language("vi")
    # saving keeps the capture: the events come back from it
    panel.save()
    # abnormal consumption: saving asks for a confirmation with a reason (stored with the reading)
    assert panel.confirming and panel.confirm_card.isVisible() and panel.state == "result"
    panel.confirm_reason.setText("Nắp công tơ bị mở, đã báo đội")
    panel.confirm_save()
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    saved = next(r for r in field_facts.readings_of_meter(session, meter.id) if r.capture_sha256)
    assert saved.manual_reason.startswith("Nắp công tơ bị mở, đã báo đội [") and "tamper" in saved.manual_reason
    again = parse_file_bytes(session.attachments.get(saved.capture_sha256))
    assert [e.key for e in again.events] == [e.key for e in a.events]
    assert again.load_profile is not None and len(again.load_profile.rows) == 288
    assert stall_probe.worst.seconds < stall_probe.limit, stall_probe.worst
