"""What a request puts on the wire: only the headers the server reads (every byte counts on 2G),
and the transport's byte counts (`Exchange.sent`/`received`, used by the batcher to measure the
link and by bench/sync.py) equal the bytes that crossed the socket."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from fieldkit.sync.transport import Transport

ANSWER_BODY = b'{"ok":true,"time":"2026-01-01T00:00:00+00:00"}'
ANSWER = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
          + str(len(ANSWER_BODY)).encode() + b"\r\n\r\n" + ANSWER_BODY)


class Recorder:
    """A bare HTTP/1.1 server on loopback: keeps every request's bytes as they came, answers ANSWER."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                buf = b""
                while True:
                    while b"\r\n\r\n" not in buf:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        buf += chunk
                    if b"\r\n\r\n" not in buf:
                        break
                    head, _, rest = buf.partition(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value)
                    while len(rest) < length:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        rest += chunk
                    self.requests.append(head + b"\r\n\r\n" + rest[:length])
                    buf = rest[length:]
                    conn.sendall(ANSWER)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    r = Recorder()
    yield r
    r.close()


def _headers(raw: bytes) -> dict[str, str]:
    head = raw.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head)}


def test_requests_carry_only_what_the_server_reads_and_are_counted_to_the_byte(recorder: Recorder) -> None:
    t = Transport(recorder.url, token="tok-" + "x" * 40)
    try:
        ping = t.request("GET", "/v1/ping")
        data, gzipped = t.pack(b'{"ops":[' + b",".join(b'{"op_id":"%d","entity":"reading"}' % i
                                                      for i in range(200)) + b"]}")
        assert gzipped
        push = t.request("POST", "/v1/push", data=data, gzipped=True)
        plain = t.request("POST", "/v1/push", json_body={"ops": []})
    finally:
        t.close()
    assert len(recorder.requests) == 3
    for raw, ex in zip(recorder.requests, (ping, push, plain), strict=True):
        headers = _headers(raw)
        assert "user-agent" not in headers, raw  # urllib3's default is not sent
        assert "connection" not in headers
        assert headers["host"] == recorder.url.removeprefix("http://")
        assert headers["accept-encoding"] == "gzip"
        assert ex.sent == len(raw), (ex.sent, len(raw), raw[:300])
        assert ex.received == len(ANSWER)
        assert ex.body == {"ok": True, "time": "2026-01-01T00:00:00+00:00"}
    assert _headers(recorder.requests[1])["content-encoding"] == "gzip"
    assert _headers(recorder.requests[1])["authorization"].startswith("Bearer tok-")
    assert recorder.requests[1].endswith(data)  # the body as packed, untouched
