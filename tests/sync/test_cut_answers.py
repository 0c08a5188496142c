"""An answer cut anywhere in its header block is an incomplete answer (retried: `Unreachable`),
never a complete empty answer, and for a signed request never 'not the enrolled server'.
(http.client takes the end of the stream for the end of the headers: a cut inside the signature
header once made a pipelined push end with NotOurServer; tests/sync/test_pipeline.py's cut
mid-answer found it when the answers' headers grew by Server-Timing.)"""

from __future__ import annotations

import pytest

from fieldkit.sync.testing.proxy import FaultProxy
from fieldkit.sync.transport import Transport, Unreachable

SQLITE = pytest.mark.parametrize("central", ["sqlite"], indirect=True)


@SQLITE
def test_an_answer_cut_inside_its_headers_is_incomplete_at_every_byte(server):
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.0).start()
    try:
        t = Transport(proxy.url)
        whole = t.request("GET", "/v1/ping")
        t.close()
        head = proxy.bytes_down - len(whole.raw)  # the status line and headers (the body is small)
        assert head > 100 and whole.status == 200
        outcomes = set()
        for k in range(1, head + 1):  # every byte: a step of 3 once stepped over "Content-Length: " and its end
            proxy.cut_after_down_bytes = k
            t = Transport(proxy.url)
            try:
                ex = t.request("GET", "/v1/ping")
                assert ex.raw == whole.raw, k  # a cut that left the answer whole (the end of the headers)
                outcomes.add("whole")
            except Unreachable:
                outcomes.add("unreachable")
            finally:
                t.close()
    finally:
        proxy.stop()
    assert "unreachable" in outcomes
