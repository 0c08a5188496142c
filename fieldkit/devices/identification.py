"""The identification message ``/XXXZ[\\W]ident CR LF`` and the baud-rate characters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldkit.devices.errors import ProtocolError

BAUD_MODE_C = {"0": 300, "1": 600, "2": 1200, "3": 2400, "4": 4800, "5": 9600, "6": 19200}
BAUD_MODE_B = {"A": 600, "B": 1200, "C": 2400, "D": 4800, "E": 9600, "F": 19200}
BAUD_CHAR_C = {baud: char for char, baud in BAUD_MODE_C.items()}

# '/', three letters, the baud character, optional '\W' escapes, up to 16 printable
# characters (not '/' nor '!'), CR LF.
IDENT_RE = re.compile(rb"/([A-Za-z]{3})([\x21-\x7e])((?:\\[\x21-\x7e])*)([\x20-\x2e\x30-\x7e]{0,16})\r\n")


@dataclass(frozen=True)
class Identification:
    manufacturer: str      # the three letters, as sent
    baud_char: str
    ident: str             # the rest (model, version)
    escapes: str           # the '\W' sequences, e.g. '\2'
    raw: str               # the whole message without CR LF

    @property
    def mode(self) -> str:
        """Protocol mode the baud character implies: 'C' (digits), 'B' (A..I) or 'A'."""
        if self.baud_char in "0123456789":
            return "C"
        if self.baud_char in "ABCDEFGHI":
            return "B"
        return "A"

    @property
    def baud(self) -> int:
        """Baud rate for the data message (300 when the character is unknown or mode A)."""
        if self.mode == "C":
            return BAUD_MODE_C.get(self.baud_char, 300)
        if self.mode == "B":
            return BAUD_MODE_B.get(self.baud_char, 300)
        return 300

    @property
    def min_reaction(self) -> float:
        """Minimum reaction time: 20 ms when the third letter is lower case, else 200 ms."""
        return 0.020 if self.manufacturer[2].islower() else 0.200

    @property
    def mode_e(self) -> bool:
        """The meter offers protocol mode E (``\\2`` after the baud character)."""
        return "\\2" in self.escapes


def find(buffer: bytes) -> tuple[Identification, int] | None:
    """Find the first complete identification message in ``buffer``.

    Returns it and the index just after its CR LF, or None when there is none yet.
    Bytes before the message (noise, an echo of the sign-on) are skipped.
    """
    match = IDENT_RE.search(buffer)
    if match is None:
        return None
    manufacturer, baud_char, escapes, ident = (g.decode("ascii") for g in match.groups())
    raw = match.group(0)[:-2].decode("ascii")
    return Identification(manufacturer, baud_char, ident.strip(), escapes, raw), match.end()


def parse(message: bytes | str) -> Identification:
    """Parse one identification message (CR LF optional); ProtocolError BAD_IDENTIFICATION if not one."""
    data = message.encode("ascii", "replace") if isinstance(message, str) else bytes(message)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    found = find(data)
    if found is None:
        raise ProtocolError("BAD_IDENTIFICATION", repr(data[:40]))
    return found[0]
