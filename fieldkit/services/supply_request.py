"""The new-supply request as the onboarding screen saves it: the request and the applicant's
signature in ONE transaction (the request record signed, its signature attachment, the new-supply
work order the first time, the household count on the customer, each with its outbox entry and
audit line). A crash or a failure anywhere leaves either all of it or nothing: never an unsigned
request whose signature was lost on the way (it used to be two records in two transactions).

The signature PNG is put in the encrypted attachment store first (content-addressed, written to a
temporary file and renamed) and noted as a pending file: if the transaction then does not commit,
the file is an unused copy that `draft_files.clean` removes later, never a record without its file.
"""

from __future__ import annotations

from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.text import clean_name
from fieldkit.services import onboarding as ob
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import drafts as drafts_repo

_M = Texts("services.supply_request")

__all__ = ["SIGNER_MAX", "check_signer", "save_supply_request"]

SIGNER_MAX = 100  # characters of the applicant's name printed under the signature


def check_signer(signer: str) -> None:
    if len(signer) > SIGNER_MAX or any(not ch.isprintable() for ch in signer):
        raise ValidationError([Problem("signer", "invalid",
                                       _M("The applicant's name: at most {SIGNER_MAX} characters, no control characters.", SIGNER_MAX=SIGNER_MAX))])


def save_supply_request(session: Session, customer_id: str, answer: flow.NewSupplyAnswer, signer: str = "",
                        strokes: list[ob.Stroke] | None = None) -> ob.Flow:
    """The onboarding screen's Next: the request as typed, signed by the applicant when ink was drawn
    (one record, one transaction). Without ink the request is saved unsigned and its PDF leaves room
    to sign on paper: a typed name alone never signs for the applicant."""
    if not any(strokes or []):
        return ob.save_new_supply(session, customer_id, answer)
    name = clean_name(signer)
    check_signer(name)  # before anything is written
    if not name:
        with session.store.lock:
            customer = customer_repo.get(session.store.conn, customer_id)
        name = customer.name if customer else ""
    png = ob.signature_png(strokes or [], name)
    sha = session.attachments.put(png)
    with session.store.transaction(actor=session.user_id) as tx:  # if the save below never commits, the
        drafts_repo.note_files(tx.conn, [sha], tx.now)  # file is an unused one `draft_files.clean` removes
    return ob.save_new_supply(session, customer_id, answer, signature=(name, png))
