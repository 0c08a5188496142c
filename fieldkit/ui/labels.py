"""Translatable names for domain values (roles, work-order kinds and states) and the
shared helpers for showing problems from services in the current language."""

from __future__ import annotations

from fieldkit.domain.problems import ValidationError
from fieldkit.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

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
    """A service's error in the UI language: ValidationError has both; a disk that is full,
    read-only, not ours or damaged is named (services.health.describe); never an empty text."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages(current_language()))
    from fieldkit.services.health import describe_known

    known = describe_known(exc)
    if known is not None:
        return known[0] if current_language() == "vi" else known[1]
    text = str(exc).strip() or type(exc).__name__
    return QCoreApplication.translate("Labels", "Something went wrong: %1").replace("%1", text)


def format_number(n: int) -> str:
    return QLocale().toString(n)
