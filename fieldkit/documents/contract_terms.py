"""The terms of the electricity purchase contract, as data (``resources/contracts/<id>/v<N>.json``).

A signed contract records the terms' id and version (``terms`` and ``terms_version`` in the
contract step); its PDF is laid out with that version, so a contract signed under v1 prints
with v1's clauses after v2 exists. A change of terms is a new file, never an edit.

``load_terms(terms_id, version=None)`` reads one version (the newest when None); bad data
raises :class:`TermsError` naming the file and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from fieldkit.documents.resources import resource_path

__all__ = ["DEFAULT_TERMS", "Clause", "ContractTerms", "TermsError", "load_terms", "newest_version", "versions"]

DEFAULT_TERMS = "residential"
_ID = re.compile(r"[a-z][a-z0-9_]{0,40}")


class TermsError(ValueError):
    pass


@dataclass(frozen=True)
class Clause:
    title: dict[str, str]  # lang -> text
    items: dict[str, tuple[str, ...]]  # lang -> paragraphs


@dataclass(frozen=True)
class ContractTerms:
    terms_id: str
    version: int
    effective_from: date
    title: dict[str, str]
    basis: dict[str, tuple[str, ...]]
    clauses: tuple[Clause, ...]

    def text(self, field: dict[str, str], lang: str) -> str:
        return field.get(lang) or field["vi"]


def _folder(terms_id: str, root: Path | None) -> Path:
    if not _ID.fullmatch(terms_id):
        raise TermsError(f"contract terms id {terms_id!r}: letters, digits and _ only")
    return (root or resource_path("contracts")) / terms_id


def versions(terms_id: str = DEFAULT_TERMS, root: Path | None = None) -> list[int]:
    folder = _folder(terms_id, root)
    found = [int(m.group(1)) for p in folder.glob("v*.json") if (m := re.fullmatch(r"v([0-9]{1,4})\.json", p.name))]
    return sorted(found)


def newest_version(terms_id: str = DEFAULT_TERMS, root: Path | None = None) -> int:
    found = versions(terms_id, root)
    if not found:
        raise TermsError(f"no contract terms in {_folder(terms_id, root)}")
    return found[-1]


def _lang_text(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not isinstance(raw.get("vi"), str) or not raw["vi"].strip():
        raise TermsError(f"{where}: needs a non-empty Vietnamese text (vi)")
    return {k: str(v) for k, v in raw.items() if isinstance(v, str) and v.strip()}


def _lang_list(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or not isinstance(raw.get("vi"), list) or not raw["vi"]:
        raise TermsError(f"{where}: needs a non-empty list of Vietnamese paragraphs (vi)")
    out: dict[str, tuple[str, ...]] = {}
    for lang, items in raw.items():
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise TermsError(f"{where}.{lang}: every paragraph must be a non-empty text")
        out[str(lang)] = tuple(items)
    return out


def parse_terms(raw: Any, where: str) -> ContractTerms:
    if not isinstance(raw, dict):
        raise TermsError(f"{where}: must be a JSON object")
    if raw.get("format") != 1:
        raise TermsError(f"{where}: format: unknown format {raw.get('format')!r} (expected 1)")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TermsError(f"{where}: version: a whole number from 1")
    try:
        effective = date.fromisoformat(str(raw.get("effective_from")))
    except ValueError as exc:
        raise TermsError(f"{where}: effective_from: a date YYYY-MM-DD") from exc
    clauses = raw.get("clauses")
    if not isinstance(clauses, list) or not clauses:
        raise TermsError(f"{where}: clauses: at least one clause")
    return ContractTerms(
        terms_id=str(raw.get("id") or ""), version=version, effective_from=effective,
        title=_lang_text(raw.get("title"), f"{where}: title"),
        basis=_lang_list(raw.get("basis"), f"{where}: basis"),
        clauses=tuple(Clause(_lang_text(c.get("title") if isinstance(c, dict) else None, f"{where}: clauses[{i}].title"),
                             _lang_list(c.get("items") if isinstance(c, dict) else None, f"{where}: clauses[{i}].items"))
                      for i, c in enumerate(clauses)),
    )


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> ContractTerms:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TermsError(f"{path}: {exc}") from exc
    return parse_terms(raw, path)


def load_terms(terms_id: str = DEFAULT_TERMS, version: int | None = None, root: Path | None = None) -> ContractTerms:
    v = newest_version(terms_id, root) if version is None else int(version)
    path = _folder(terms_id, root) / f"v{v}.json"
    if not path.is_file():
        raise TermsError(f"contract terms {terms_id} v{v} not found ({path})")
    terms = _load(str(path), path.stat().st_mtime)
    if terms.version != v or terms.terms_id != terms_id:
        raise TermsError(f"{path}: id/version inside ({terms.terms_id} v{terms.version}) differ from the file name")
    return terms
