"""Remove from fieldkit_<lang>.ts every message that a feature catalogue (<area>_<lang>.ts) holds.

The feature catalogue is installed after fieldkit_<lang> and so already wins at run time
(Qt searches translators newest first); a second copy in fieldkit_<lang>.ts is dead text
that drifts. update.sh runs this after pyside6-lupdate, which scans all of fieldkit/ui.
"""

from __future__ import annotations

import html
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def keys(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or "")
            for ctx in root.iter("context") for msg in ctx.findall("message")}


_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>\n?", re.S)
_MESSAGE = re.compile(r"[ \t]*<message\b.*?</message>\n?", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)


def dedupe(lang: str) -> int:
    """Edit the file as text, so its layout stays as pyside6-lupdate wrote it."""
    main = HERE / f"fieldkit_{lang}.ts"
    owned: set[tuple[str, str]] = set()
    for other in HERE.glob(f"*_{lang}.ts"):
        if other != main:
            owned |= keys(other)
    removed = 0

    def context(m: re.Match[str]) -> str:
        nonlocal removed
        name = html.unescape(m.group(1))

        def message(mm: re.Match[str]) -> str:
            nonlocal removed
            src = _SOURCE.search(mm.group(0))
            if src and (name, html.unescape(src.group(1))) in owned:
                removed += 1
                return ""
            return mm.group(0)

        body = _MESSAGE.sub(message, m.group(2))
        return "" if "<message" not in body else m.group(0).replace(m.group(2), body)

    text = main.read_text(encoding="utf-8")
    new = _CONTEXT.sub(context, text)
    if new != text:
        main.write_text(new, encoding="utf-8")
    return removed


if __name__ == "__main__":
    for lang in sys.argv[1:] or ["vi", "en"]:
        print(f"fieldkit_{lang}.ts: removed {dedupe(lang)} message(s) kept by a feature catalogue")
