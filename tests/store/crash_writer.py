"""Child process for the crash test: saves readings in a loop through the real service and
prints each reading id only after the save returned (committed)."""

from __future__ import annotations

import sys
from decimal import Decimal

from fieldkit.domain.models import ReadingSource, RegisterValue
from fieldkit.services import field_facts
from fieldkit.services import session as sessions


def main() -> None:
    folder, meter_id, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    session = sessions.login(folder, "lan", "246810")
    print("ready", flush=True)
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


if __name__ == "__main__":
    main()
