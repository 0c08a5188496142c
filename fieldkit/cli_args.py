"""Argument checks shared by every `fieldkit` sub-command, and the one-line error style.

A bad argument is refused by argparse before any work starts, as one line that names the
argument and says what is allowed (`OneLineParser`). The `type=` helpers below refuse
NaN, infinities, out-of-range ports, counts and URLs that are not http(s). This module
imports nothing from FieldKit, so every layer's CLI may use it.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line: what is wrong and where to look."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def fail(message: str, code: int = 2) -> int:
    """Print one line to stderr and return the exit code (`return fail("...")`)."""
    print(" ".join(message.split()), file=sys.stderr)
    return code


def int_range(lo: int, hi: int, what: str = "a whole number") -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}; give a number from {lo} to {hi}") from None
        if value < lo:
            raise argparse.ArgumentTypeError(f"{value} is too small: it must be at least {lo}")
        if value > hi:
            raise argparse.ArgumentTypeError(f"{value} is too large: it must be at most {hi}")
        return value

    parse.__name__ = "int"
    return parse


def float_range(lo: float, hi: float, unit: str = "") -> Callable[[str], float]:
    suffix = f" {unit}" if unit else ""

    def parse(text: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a number; give a number from {lo:g} to {hi:g}{suffix}") from None
        if not math.isfinite(value) or not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{text!r} is out of range: give a number from {lo:g} to {hi:g}{suffix}")
        return value

    parse.__name__ = "float"
    return parse


def tcp_port(allow_zero: bool = False) -> Callable[[str], int]:
    lo = 0 if allow_zero else 1
    inner = int_range(lo, 65535, "a port number")

    def parse(text: str) -> int:
        try:
            return inner(text)
        except argparse.ArgumentTypeError:
            extra = " (0 = any free port)" if allow_zero else ""
            raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port: use {lo} to 65535{extra}") from None

    parse.__name__ = "port"
    return parse


def check_http_url(text: str) -> str:
    """The URL, stripped, or ValueError saying what a server address looks like."""
    url = text.strip().rstrip("/")
    hint = "a server address looks like http://10.0.0.5:8765 (http:// or https://, a host, maybe a port)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"{text!r} has a bad port number; {hint}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise ValueError(f"{text!r} is not a server address; {hint}")
    if port == 0:
        raise ValueError(f"{text!r} has a bad port number; {hint}")
    return url


def http_url(text: str) -> str:
    try:
        return check_http_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def existing_folder(path: Path, what: str = "profile folder") -> str | None:
    """None when `path` is an existing folder, else one line saying what is wrong."""
    if not path.exists():
        return f"the {what} {path} does not exist; check the path"
    if not path.is_dir():
        return f"the {what} {path} is not a folder; give a folder"
    return None


def creatable_folder(path: Path, what: str = "folder") -> str | None:
    """None when `path` is a folder or can be made one (its nearest existing parent is a
    writable folder), else one line saying what is wrong. Creates nothing."""
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        return f"cannot use {path} as a {what}: {probe} is a file, not a folder"
    import os

    if not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot create the {what} {path}: {probe} is not writable"
    return None
