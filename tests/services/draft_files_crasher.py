"""Child process: cleans the unused draft photos and is killed (SIGKILL, no clean-up of any kind)
right after its Nth file deletion, in the middle of the cleaning transaction."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from fieldkit.services import draft_files
from fieldkit.services import session as sessions


def main() -> None:
    folder, after = sys.argv[1], int(sys.argv[2])
    session = sessions.login(folder, "lan", "246810")
    real_unlink = Path.unlink
    done = 0

    def unlink(self: Path, missing_ok: bool = False) -> None:
        nonlocal done
        real_unlink(self, missing_ok=missing_ok)
        done += 1
        if done >= after:
            os.kill(os.getpid(), signal.SIGKILL)

    Path.unlink = unlink  # type: ignore[method-assign]
    draft_files.clean(session, grace_s=0)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
