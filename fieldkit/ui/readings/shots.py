"""Screenshots of the reading screen (used by `fieldkit screenshots`): DURING and AFTER a real read.

Signs in as the demo technician, adds one household with a three-phase meter, three monthly
readings and a reading work order (whose meter serial differs by one digit from the meter on
site, so the result shows a warning), starts the meter simulator on a pseudo-terminal, and
reads it through the Readings page exactly as a user would. Names:
`<lang>-readings-list.png`, `-readings-during.png`, `-readings-after.png`,
`-readings-after-bill.png`, `-readings-manual.png`.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

Shot = Callable[[Any, str], None]
Wait = Callable[..., bool]
ROOT = Path(__file__).resolve().parents[3]
_runs = [0]


def _simulator() -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "three-phase-tou"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 15)
    if not ready:
        proc.kill()
        raise RuntimeError("the meter simulator did not start")
    return proc, proc.stdout.readline().decode().strip()


def _household(session: Any, run: int) -> str:
    """A customer with a meter, three monthly readings and an open reading work order; its number."""
    from fieldkit.domain.local_time import local_today
    from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
    from fieldkit.services import customers, field_facts, meters, work_orders
    from fieldkit.services.customers import CustomerInput

    c = customers.create_customer(session, CustomerInput(
        code=f"PA23VG00{77000 + run:05d}", name="Hoàng Văn Thắng", phone="0915222333", households=2,
        address=Address(province_code=37, province="Ninh Bình", commune="Xã Gia Viễn", commune_code=14464,
                        street="Xóm 3, thôn Đồng Chưa")))
    m = meters.register_meter(session, serial="19072254", customer_id=c.id, phases=3, tariff_registers=3,
                              manufacturer="FKT", model="3P-TOU")
    now = datetime.now(UTC)
    for i, value in enumerate((60320, 60705, 61098)):
        field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL, customer_id=c.id,
                                   taken_at=now - timedelta(days=30 * (3 - i), hours=2),
                                   registers={"1.8.0": RegisterValue(Decimal(value), "kWh")})
    today = local_today()  # Vietnam's day: after 17:00 UTC the UTC day is still yesterday there
    number = f"GCS-{today:%y%m%d}-{run + 1:02d}"
    work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, meter_id=m.id,
                                  due_date=today, number=number)
    return number


def reading_shots(app: Any, shell: Any, shot: Shot, wait: Wait, username: str, pin: str) -> None:
    login = shell.login_window.login
    login.select_user(username)
    login.pin.setText(pin)
    login.submit()
    wait(app, lambda: shell.main_window is not None)
    win = shell.main_window
    win.resize(1280, 800)
    run = _runs[0]
    _runs[0] += 1
    number = _household(win.session, run)
    proc, port = _simulator()
    try:
        win.config.set("probe_port", port)
        page = win.go_to("readings")
        wait(app, lambda: any(c.work_order_number == number for c in page.choices))
        row = next(i for i, c in enumerate(page.choices) if c.work_order_number == number)
        page.list.setCurrentRow(row)
        shot(win, "readings-list")
        page.open_current()
        wait(app, lambda: page.panel is not None and page.panel.isVisible())
        panel = page.panel
        panel.start_read()
        wait(app, lambda: panel.phase == "receiving" and panel.received >= 500, 20)
        shot(win, "readings-during")
        wait(app, lambda: panel.state == "result", 20)
        panel.scroll_area.verticalScrollBar().setValue(0)
        shot(win, "readings-after")
        panel.scroll_area.ensureWidgetVisible(panel.save_button)
        shot(win, "readings-after-bill")
        panel.save()
        # the serial differs by one digit: the save asks for a confirmation (panel.confirming) instead of
        # saving; the manual entry is shown from there (waiting for "saved" alone waited out its 15 s)
        wait(app, lambda: panel.state == "saved" or panel.confirming)
        panel.show_manual()
        wait(app, lambda: panel.manual_card.isVisible())
        panel.scroll_area.verticalScrollBar().setValue(panel.manual_card.y() - 8)
        shot(win, "readings-manual")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        win.config.set("probe_port", "")
        shell.logout()
