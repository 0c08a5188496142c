"""`fieldkit screenshots OUTDIR`: render the main screens offscreen, in Vietnamese and
English, from a throwaway demo profile (fieldkit.store.demo). Files are named
`<lang>-<screen>.png`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", help="folder for the PNG files")
    from fieldkit.cli_args import int_range

    parser.add_argument("--customers", type=int_range(1, 200_000), default=3000, help="demo customers (default 3000)")
    parser.add_argument("--scale", choices=("normal", "large"), default="normal")
    parser.add_argument("--only", choices=("all", "onboarding", "readings"), default="all",
                        help="render only these screens (onboarding: every step of the onboarding flow; "
                             "readings: a real read from the meter simulator, during and after)")


def _wait(app: object, done: Callable[[], bool], timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if done():
            return True
        time.sleep(0.01)
    return False


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fieldkit.cli_args import creatable_folder, fail
    from fieldkit.store.demo import DEMO_USERS, build_demo_profile
    from fieldkit.store.keyring import FAST_KDF
    from fieldkit.ui.app import Shell
    from fieldkit.ui.config import Config
    from fieldkit.ui.qt import QApplication

    out = Path(args.outdir)
    wrong = creatable_folder(out, "output folder")
    if wrong:
        return fail(f"error: {wrong}")
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()  # a QApplication (widgets need one), made once
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="fieldkit-shots-") as tmp:
        folder = Path(tmp) / "profile"
        build_demo_profile(folder, customers=args.customers, seed=1, params=FAST_KDF)
        _review_demo(folder)
        username, _name, _role, pin = DEMO_USERS[0]
        on_shot = getattr(args, "on_shot", None)  # a test looks at every screen (tests/ui/test_all_vietnamese.py)
        for lang in getattr(args, "langs", ("vi", "en")):
            config = Config(Path(tmp) / f"config-{lang}")
            config.set("ui_scale", args.scale)
            shell = Shell(app, folder, config=config, language=lang, params=FAST_KDF)

            def shot(widget: object, name: str, lang: str = lang) -> None:
                _wait(app, lambda: False, 0.15)
                path = out / f"{lang}-{name}.png"
                widget.grab().save(str(path))  # type: ignore[attr-defined]
                written.append(path)
                if on_shot is not None:
                    on_shot(widget, name, lang)

            if args.only == "onboarding":
                shell.start()
                _onboarding_shots(app, shell, shot)
                shell.login_window.close()
                shell.close_session()
                continue
            if args.only == "readings":
                shell.start()
                _reading_shots(app, shell, shot)
                shell.login_window.close()
                shell.close_session()
                continue

            # first run (an empty profile), with a validation message
            empty = Shell(app, Path(tmp) / f"empty-{lang}", config=config, language=lang, params=FAST_KDF)
            empty.start()
            fr = empty.login_window.first_run
            fr.name.setText("Trần Thị Lan")
            fr.pin.setText("1234")
            fr.pin_again.setText("1235")
            fr.submit()
            _wait(app, fr.error.isVisible)
            shot(empty.login_window, "first-run")
            empty.login_window.close()

            shell.start()
            login = shell.login_window.login
            login.select_user(username)
            login.pin.setText("000000")
            login.submit()
            _wait(app, login.error.isVisible)
            shot(shell.login_window, "login-wrong-pin")
            login.pin.setText(pin)
            login.submit()
            _wait(app, lambda: shell.main_window is not None)  # noqa: B023 (used at once)
            win = shell.main_window
            assert win is not None
            win.resize(1280, 800)
            wo = win.pages["work_orders"]
            _wait(app, lambda: getattr(wo, "loaded", False))  # noqa: B023 (used at once)
            _wait(app, lambda: win.status.outbox is not None)  # noqa: B023 (used at once)
            shot(win, "work-orders")
            _install_shots(app, wo, win, shot)
            cust = win.go_to("customers")
            model = cust.model  # type: ignore[attr-defined]
            _wait(app, lambda: model.loaded_once)  # noqa: B023 (used at once)
            shot(win, "customers")
            cust.search.setText("nguyen van")  # type: ignore[attr-defined]
            _wait(app, lambda: model.search.text == "nguyen van" and model.is_loaded(0))  # noqa: B023 (used at once)
            shot(win, "customers-search")
            for page in ("readings", "onboarding", "review", "sync", "settings"):
                win.go_to(page)
                shot(win, page)
            shell.logout()
            _review_shots(app, shell, shot)
            _onboarding_shots(app, shell, shot)
            _reading_shots(app, shell, shot)
            shell.login_window.close()
            shell.close_session()
        from fieldkit.store.keyring import Keyring

        Keyring(folder).forget()  # the throw-away profile's device secret goes with it (issue 11)
    for p in written:
        print(p)
    return 0


def _review_demo(folder: Path) -> None:
    """Onboarding steps and readings with captures and photos, so review and reports have content."""
    from fieldkit.services import reports
    from fieldkit.services import session as sessions
    from fieldkit.store.demo import DEMO_USERS

    username, _name, _role, pin = DEMO_USERS[0]
    s = sessions.login(folder, username, pin)
    try:
        reports.add_demo_activity(s, households=200)
    finally:
        s.close()


def _review_shots(app: object, shell: object, shot: Callable[[object, str], None]) -> None:
    """The supervisor's review list, one work order's details, and the reports tab."""
    from fieldkit.store.demo import DEMO_USERS

    username, _name, _role, pin = DEMO_USERS[1]
    login = shell.login_window.login  # type: ignore[attr-defined]
    login.select_user(username)
    login.pin.setText(pin)
    login.submit()
    _wait(app, lambda: shell.main_window is not None)  # type: ignore[attr-defined]
    win = shell.main_window  # type: ignore[attr-defined]
    win.resize(1280, 800)
    page = win.go_to("review")
    _wait(app, lambda: page.loaded and page.tech_combo.count() > 1)
    shot(win, "review-queue")
    if page.rows:
        page.table.selectRow(0)
        _wait(app, lambda: page.loaded_detail is not None)
        page.splitter.setSizes([170, 600])
        shot(win, "review-detail")
    page.tabs.setCurrentWidget(page.reports)
    _wait(app, lambda: page.reports.report is not None)
    shot(win, "reports")
    shell.logout()  # type: ignore[attr-defined]


def _install_shots(app: object, wo: object, win: object, shot: Callable[[object, str], None]) -> None:
    """The install form of an open meter install / replacement order: empty (with the problems
    shown after Save), then filled (top and bottom)."""
    from fieldkit.ui.install.demo import fill_demo

    rows = getattr(wo, "rows", [])
    target = next((r for r in rows if r.kind in ("meter_install", "meter_replacement") and r.urgency != "closed"),
                  None)
    if target is None:
        return
    wo.open_order(target)  # type: ignore[attr-defined]
    form = wo.install_form  # type: ignore[attr-defined]
    shot(win, "install-form")
    form.save()
    shot(win, "install-form-problems")
    fill_demo(form)
    form.view.show_problems([])
    form.summary.hide()
    form.scroll_area.verticalScrollBar().setValue(0)
    shot(win, "install-form-filled")
    form.scroll_area.ensureWidgetVisible(form.view.editors["installed_reading"])
    shot(win, "install-form-filled-readings")
    form.scroll_area.verticalScrollBar().setValue(form.scroll_area.verticalScrollBar().maximum())
    shot(win, "install-form-filled-end")
    wo.back_to_list()  # type: ignore[attr-defined]


def _reading_shots(app: object, shell: object, shot: Callable[[object, str], None]) -> None:
    """A real read from the meter simulator: the reading screen during and after (fieldkit.ui.readings.shots)."""
    from fieldkit.store.demo import DEMO_USERS
    from fieldkit.ui.readings.shots import reading_shots

    username, _name, _role, pin = DEMO_USERS[0]
    reading_shots(app, shell, shot, _wait, username, pin)


def _onboarding_shots(app: object, shell: object, shot: Callable[[object, str], None]) -> None:
    """Every step of household onboarding, as the demo trainer (fieldkit.ui.onboarding.shots)."""
    from fieldkit.store.demo import DEMO_USERS
    from fieldkit.ui.onboarding.shots import onboarding_shots

    username, _name, _role, pin = DEMO_USERS[2]
    onboarding_shots(app, shell, shot, _wait, username, pin)
