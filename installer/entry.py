"""Entry point of the frozen FieldKit (PyInstaller bundle).

In a bundle `sys.executable` is this program, not a Python interpreter, yet FieldKit starts
child processes the way it does in a checkout: `fieldkit doctor` runs
`sys.executable -c <Qt probe>` and `fieldkit demo` runs `sys.executable -m fieldkit ...`.
So, when frozen, this entry point understands those two forms too; anything else goes to
the normal command line (`fieldkit.cli.main`).
"""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    if getattr(sys, "frozen", False):
        if len(argv) >= 2 and argv[0] == "-c":
            sys.argv = ["-c", *argv[2:]]
            exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
            return 0
        if len(argv) >= 2 and argv[0] == "-m" and argv[1] == "fieldkit":
            argv = argv[2:]
    from fieldkit.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
