"""Child process for the crash test: saves readings in a loop through the real service and
prints each reading id only after the save returned (committed).

Started once per test as a "zygote": it imports fieldkit once (0.3-0.6 s of a fresh Python on the
2-core CI machine, 50 times) and then, for every ``start N`` line on stdin, forks a WRITER process:
the writer logs in to the profile, prints ``ready <pid>`` and saves readings in a loop, printing each
id after its save returned, until the test kills it with SIGKILL. The zygote waits for it and prints
``ended <signal number>`` (0 when it was not killed by a signal), so the lines between ``ready`` and
``ended`` are exactly the ids the writer confirmed. The writer shares the zygote's stdout, and writes
each line in one write() (shorter than PIPE_BUF: a kill never splits it).
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal

from fieldkit.domain.models import ReadingSource, RegisterValue
from fieldkit.services import field_facts
from fieldkit.services import session as sessions


def write_forever(folder: str, meter_id: str, start: int) -> None:
    session = sessions.login(folder, "lan", "246810")
    sys.stdout.write(f"ready {os.getpid()}\n")
    sys.stdout.flush()
    i = start
    while True:
        i += 1
        r = field_facts.record_reading(
            session, meter_id=meter_id, source=ReadingSource.OPTICAL,
            registers={"1.8.0": RegisterValue(Decimal(i) / 10, "kWh")},
            capture=f"capture {i}".encode() * 20,
        )
        sys.stdout.write(r.id + "\n")
        sys.stdout.flush()


def main() -> None:
    folder, meter_id = sys.argv[1], sys.argv[2]
    sys.stdout.write("zygote\n")
    sys.stdout.flush()
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "start":
            break
        pid = os.fork()
        if pid == 0:                         # the writer
            code = 1
            try:
                write_forever(folder, meter_id, int(arg))
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"ended {os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
