"""Validation problems with messages a technician understands, in Vietnamese and English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class ValidationError(ValueError):
    """Raised by domain constructors and services when input cannot be accepted.

    Carries every problem found (not just the first) so a form can mark all fields.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(p.en for p in self.problems))

    def messages(self, lang: str = "vi") -> list[str]:
        return [p.message(lang) for p in self.problems]

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]


def check(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
