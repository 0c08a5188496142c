"""Following the server's key rotation from the key this laptop pinned (docs/sync.md, "Server key rotation").

After `fieldkit central key rotate` the server signs with key n+1 and its /v1/hello gives the chain of
endorsements from key 2 on: each link is key k's public key, number and start, signed by key k-1
(`signing.endorse_message`). A laptop moves its pin only along that chain, starting at the key it
pinned, one link at a time, to the key that signed this hello's nonce. So a relay cannot talk it
into a key: a key of its own has no endorsement by the pinned key, an old endorsement replayed
does not start at the pinned key or does not end at the signing key, and a changed link breaks.
"""

from __future__ import annotations

from typing import Any

from fieldkit.domain import signing

MAX_LINKS = 1000  # a server rotating daily for almost three years; more is not a real chain


def follow(pinned: str, announced: str, links: Any) -> str | None:
    """None when `links` lead from `pinned` to `announced` (the key that signed the hello), else why not."""
    if not isinstance(links, list) or not links:
        return "its key differs and no endorsement by the key this laptop trusts comes with it"
    if len(links) > MAX_LINKS:
        return f"the server's key chain has more than {MAX_LINKS} links"
    current, number, started = pinned, 0, False
    for link in links:
        if not isinstance(link, dict):
            return "the server's key chain is malformed"
        n, public, start, sig = link.get("n"), link.get("public_key"), link.get("valid_from"), link.get("endorsement")
        if type(n) is not int or not all(isinstance(v, str) and v for v in (public, start, sig)):
            return "the server's key chain is malformed"
        assert isinstance(public, str) and isinstance(start, str) and isinstance(sig, str)
        if not started:
            if public == pinned:  # the pinned key is a link of the chain: follow what comes after it
                started, number = True, n
                continue
            if not signing.verify(pinned, sig, signing.endorse_message(n, public, start, pinned)):
                continue  # a link from before the pinned key (or not endorsed by it)
            started = True
        elif n != number + 1 or not signing.verify(current, sig, signing.endorse_message(n, public, start, current)):
            return f"the link to the server's key {n} is not endorsed by key {number} (a broken chain)"
        current, number = public, n
    if not started:
        return ("no endorsement by the key this laptop trusts leads to the server's key (a forged or "
                "replayed endorsement?)")
    if current != announced:
        return "the endorsed chain does not end at the key the server signs with (an old chain replayed?)"
    return None
