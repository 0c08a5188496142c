"""Screenshots of every onboarding step (used by `fieldkit screenshots`).

Signs in as the demo trainer, walks one existing customer through the whole flow (with a
validation message on the way), then a new household through the new-supply request.
Names: `<lang>-onboarding-<nn>-<step>.png`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldkit.domain import onboarding as flow

Shot = Callable[[Any, str], None]
Wait = Callable[..., bool]
_runs = [0]  # each run (language) takes another customer from the search, so none is already done


def onboarding_shots(app: Any, shell: Any, shot: Shot, wait: Wait, username: str, pin: str) -> None:
    login = shell.login_window.login
    login.select_user(username)
    login.pin.setText(pin)
    login.submit()
    wait(app, lambda: shell.main_window is not None)
    win = shell.main_window
    win.resize(1280, 800)
    page = win.go_to("onboarding")
    wait(app, lambda: page.resume_checked)
    page.start_other()
    n = [0]

    def take(name: str) -> None:
        n[0] += 1
        shot(win, f"onboarding-{n[0]:02d}-{name}")

    def next_and_wait(target: str) -> None:
        page.go_next()
        wait(app, lambda: page.current == target and not page.saving)

    hh = page.screens[flow.HOUSEHOLD]
    hh.search.setText("nguyen van")
    row = _runs[0]
    _runs[0] += 1
    wait(app, lambda: hh.results.count() > row)
    hh.results.setCurrentRow(row)
    take("household-search")
    next_and_wait(flow.APP_INSTALL)
    take("app-install")
    next_and_wait(flow.APP)
    app_screen = page.screens[flow.APP]
    app_screen.no.setChecked(True)
    take("app-account")
    next_and_wait(flow.PAYMENT)
    pay = page.screens[flow.PAYMENT]
    pay.radios["e_wallet"].setChecked(True)
    page.go_next()  # no wallet chosen: the message shows
    wait(app, lambda: page.error.isVisible() and not page.saving)
    take("payment-missing-wallet")
    pay.provider.setCurrentIndex(pay.provider.findText("MoMo"))
    next_and_wait(flow.BILL)
    bill = page.screens[flow.BILL]
    wait(app, lambda: bill.loaded is not None)
    take("bill-qr")
    next_and_wait(flow.CONTRACT)
    contract = page.screens[flow.CONTRACT]
    contract.read.setChecked(True)
    contract.pad.strokes = [[(0.08 + i / 60, 0.55 - 0.25 * ((i % 7) - 3) / 3) for i in range(40)],
                            [(0.55, 0.3), (0.62, 0.75), (0.7, 0.35), (0.8, 0.7)]]
    contract.pad.update()
    take("contract")
    next_and_wait(flow.SHEET)
    sheet = page.screens[flow.SHEET]
    sheet.make()
    wait(app, lambda: bool(sheet.path), 30)
    sheet.printed.setChecked(True)
    take("sheet")
    next_and_wait(flow.DONE)
    take("done")

    # a household that is not yet a customer
    page.start_other()
    hh.show_new()
    hh.not_customer.setChecked(True)
    hh.name.setText("Lò Thị Hoa")
    hh.phone.setText("0977123456")
    hh.national_id.setText("037190000123")
    hh.commune.setCurrentIndex(max(0, hh.commune.findText("Xã Gia Viễn")))
    hh.street.setText("Thôn Đông, số 12")
    take("new-household")
    next_and_wait(flow.NEW_SUPPLY)
    ns = page.screens[flow.NEW_SUPPLY]
    ns.households.setValue(2)
    ns.docs["id_document"].setChecked(True)
    ns.docs["address_proof"].setChecked(True)
    take("new-supply")
    page.go_next()  # the authorisation of the second household is missing
    wait(app, lambda: page.error.isVisible() and not page.saving)
    take("new-supply-missing-document")
    shell.logout()
