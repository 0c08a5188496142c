"""Child process: saves a signed new-supply request through the service and is killed (SIGKILL)
at the point where the signature's attachment row is written: after the request itself was
written (before: committed in its own transaction), before the signature is."""

from __future__ import annotations

import os
import signal
import sys

from fieldkit.domain import onboarding as flow
from fieldkit.services import documents as docs
from fieldkit.services import session as sessions
from fieldkit.store import field_facts as facts_repo


def main() -> None:
    folder, customer_id = sys.argv[1], sys.argv[2]
    session = sessions.login(folder, "lan", "246810")
    real = facts_repo.insert_attachment

    def insert_attachment(conn, attachment, now):  # type: ignore[no-untyped-def]
        if attachment.kind == "signature":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(conn, attachment, now)

    facts_repo.insert_attachment = insert_attachment  # type: ignore[assignment]
    answer = flow.NewSupplyAnswer(documents=("id_document", "address_proof", "household_authorisation"), households=2, street="Xóm 3",
                                  commune_code=14464)
    docs.save_supply_request(session, customer_id, answer, "Phạm Thị Hằng", [[(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)]])
    print("finished", flush=True)


if __name__ == "__main__":
    main()
