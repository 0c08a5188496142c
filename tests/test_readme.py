"""The README's commands work as written: each `.venv/bin/fieldkit SUB ...` line names a
sub-command that exists (its --help exits 0), and none of them needs an activated venv."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_commands_exist_and_need_no_activated_venv():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index("## Command line"):]
    block = block[block.index("```sh"):block.index("```", block.index("```sh") + 5)]
    lines = [ln for ln in block.splitlines()[1:] if ln.strip()]
    assert lines and all(ln.startswith(".venv/bin/fieldkit") for ln in lines), lines
    subs = sorted({m.group(1) for ln in lines if (m := re.match(r"\.venv/bin/fieldkit ([a-z][a-z-]*)", ln))})
    assert {"doctor", "demo-data", "screenshots", "sync", "central"} <= set(subs)
    for sub in subs:
        r = subprocess.run([sys.executable, "-m", "fieldkit", sub, "--help"], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 0, (sub, r.stderr[-500:])
