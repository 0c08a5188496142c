"""Sending a PDF the app decrypted (a private temporary copy) to a printer.

The laptops carry no PDF renderer we may ship, so the operating system prints the file: CUPS
``lp`` on Linux and macOS (it copies the file into the spool before it returns, so the
private copy can be deleted at once), the shell's "print" verb on Windows (the default PDF
viewer prints it; the copy goes when the session closes). The printer and the number of
copies come from Qt's print dialog (ui/documents_view.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fieldkit.domain.messages import Message, Texts, Worded

_M = Texts("services.printing")

__all__ = ["PrintError", "PrintJob", "can_print", "print_pdf"]


class PrintError(RuntimeError, Worded):
    """The system refused the job; `vi` / `en` say why for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message

    def words(self) -> Message:
        return self.message


@dataclass(frozen=True)
class PrintJob:
    path: Path
    printer: str = ""  # "" = the system's default printer
    copies: int = 1


def can_print() -> bool:
    return sys.platform == "win32" or shutil.which("lp") is not None


def _lp_command(job: PrintJob) -> list[str]:
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(_M("No print service (CUPS) on this computer. Open the document and print it from the viewer."))
    cmd = [lp, "-s"]
    if job.printer:
        cmd += ["-d", job.printer]
    return cmd + ["-n", str(max(1, min(job.copies, 99))), "--", str(job.path)]


def print_pdf(job: PrintJob, timeout: float = 60.0) -> bool:
    """Send the file to the printer. Returns True when the file was copied into the spool (the
    caller may delete it now), False when the system still reads it (Windows)."""
    if not job.path.is_file():
        raise PrintError(_M("The file to print is missing."))
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows laptops only
        os.startfile(str(job.path), "print")  # type: ignore[attr-defined]  # noqa: S606
        return False
    try:
        done = subprocess.run(_lp_command(job), capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError(_M("Could not send the document to the printer: {exc}", exc=exc)) \
            from exc
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip()[:200]
        raise PrintError(_M("The printer refused the document: {reason}", reason=reason))
    return True
