"""Translatable names for domain values (roles, work-order kinds and states) and the
shared helpers for showing problems from services in the current language."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal

from fieldkit.domain import numbers
from fieldkit.domain.problems import ValidationError
from fieldkit.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

log = logging.getLogger(__name__)

ROLES = {
    "technician": QT_TRANSLATE_NOOP("Labels", "Technician"),
    "trainer": QT_TRANSLATE_NOOP("Labels", "Trainer"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
}

KINDS = {
    "new_supply": QT_TRANSLATE_NOOP("Labels", "New supply"),
    "meter_install": QT_TRANSLATE_NOOP("Labels", "Meter install"),
    "meter_replacement": QT_TRANSLATE_NOOP("Labels", "Meter replacement"),
    "reading": QT_TRANSLATE_NOOP("Labels", "Meter reading"),
    "inspection": QT_TRANSLATE_NOOP("Labels", "Inspection"),
    "onboarding": QT_TRANSLATE_NOOP("Labels", "Customer onboarding"),
}

STATES = {
    "assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "done": QT_TRANSLATE_NOOP("Labels", "Waiting for review"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
}

URGENCY = {
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "today": QT_TRANSLATE_NOOP("Labels", "Today"),
    "later": QT_TRANSLATE_NOOP("Labels", "Later"),
    "undated": QT_TRANSLATE_NOOP("Labels", "No due date"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Finished"),
}


def label(table: dict[str, str], value: str) -> str:
    text = table.get(str(value))
    return QCoreApplication.translate("Labels", text) if text else str(value)


def current_language() -> str:
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def problem_text(exc: BaseException) -> str:
    """Any error in the UI language, with what to do: the one way the UI shows an error (never `str(exc)`).
    ValidationError has both languages; server refusals come by reason code (domain/reasons.py); the
    network, the disk (full, read-only, no permission, damaged) and the sync client's failures are named
    (services.health.describe); anything else is an "unexpected error" whose detail goes to the log and,
    in English, in brackets."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages(current_language()))
    from fieldkit.services.health import describe

    known = describe(exc)
    if not isinstance(exc, Exception) or known[0] == describe_unexpected()[0]:
        log.warning("unexpected error shown to the user", exc_info=exc)
    return known[0] if current_language() == "vi" else known[1]


def describe_unexpected() -> tuple[str, str]:
    from fieldkit.domain.problems import NETWORK

    return NETWORK["unexpected"].vi, NETWORK["unexpected"].en


def sync_failure_text(text: str) -> str:
    """The last sync failure (stored as the sync client's English text) in the UI language."""
    from fieldkit.domain.problems import sync_failure

    return sync_failure(text).message(current_language())


# One number and date format per language, everywhere (tests/ui/test_number_format.py), worded by the core
# (domain/numbers.py) so the core's texts and the widgets agree:
# vi 31.051,463 · 50,0 % · 03/12/2026; en 31,051.463 · 50.0 % · 03/12/2026.

def format_number(n: int) -> str:
    return numbers.format_number(n, current_language())


def format_decimal(value: Decimal | float | int | None, max_places: int = 3) -> str:
    """As many decimals as the value has (at most `max_places`), in the UI language's format."""
    return numbers.format_decimal(value, current_language(), max_places)


def format_percent(value: float, places: int = 1) -> str:
    return numbers.format_percent(value, current_language(), places)


def format_share(value: float, places: int = 1) -> str:
    """A percentage in a column whose heading says %."""
    return numbers.format_fixed(value, current_language(), places)


def format_date(day: date | datetime | None) -> str:
    return numbers.format_date(day)
