"""The evidence files of a review (Qt-free): a photo's or signature's bytes, and a raw optical
exchange as text (bursts with direction, time and baud, then an offset / hex / ASCII dump).
Widgets never open the attachment store."""

from __future__ import annotations

from decimal import Decimal

from fieldkit.devices.capture import Capture
from fieldkit.devices.errors import ProtocolError
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.session import Session
from fieldkit.store.attachments import AttachmentError

_M = Texts("services.review_evidence")


def attachment_bytes(session: Session, sha256: str) -> bytes:
    """The content of a photo, signature or capture kept on this laptop."""
    try:
        return session.attachments.get(sha256)
    except AttachmentError as exc:
        raise ValidationError([Problem(
            "attachment", "missing",
            _M("This attachment is not on this laptop (not downloaded yet, or damaged)."),
        )]) from exc


def hex_dump(data: bytes, width: int = 16) -> str:
    """Classic offset / hex / ASCII dump; bytes outside printable ASCII show as '.'."""
    lines = []
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = " ".join(f"{b:02x}" for b in chunk).ljust(width * 3 - 1)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:06x}  {hexes}  |{text}|")
    return "\n".join(lines)


_CONTROL = {0x01: "<SOH>", 0x02: "<STX>", 0x03: "<ETX>", 0x04: "<EOT>", 0x06: "<ACK>", 0x15: "<NAK>",
            0x0D: "<CR>", 0x0A: "<LF>"}


def _readable(data: bytes) -> str:
    return "".join(_CONTROL.get(b, chr(b) if 32 <= b < 127 else f"<{b:02X}>") for b in data)


def capture_text(session: Session, sha256: str, lang: str | None = None) -> str:
    """A raw optical exchange as text: each burst with its direction, time and baud, then hex / ASCII."""
    data = attachment_bytes(session, sha256)
    return render_capture(data, lang)


def _dlms_summary(cap: Capture, lang: str | None = None) -> list[str]:
    """For a DLMS reading: what the meter remembered (event log, tamper events marked "!", and
    the load profile), re-parsed from the capture, before the raw bytes; in `lang` (the current one)."""
    from fieldkit.devices.dlms_capture import looks_like_hdlc, parse_capture

    if not looks_like_hdlc(cap.received()):
        return []
    try:
        result = parse_capture(cap)
    except ProtocolError as exc:
        return [_M.text("DLMS: not re-parsable ({code})", lang, code=exc.code)]
    lines = [_M.text("DLMS reading · serial {serial} · meter clock {clock}", lang, serial=result.serial or "?",
                     clock=result.meter_time.isoformat() if result.meter_time else "?")]
    tamper = [e for e in result.events if e.tamper]
    lines.append(_M.text("event log: {events} events, {tamper} tamper (!)", lang, events=str(len(result.events)),
                         tamper=str(len(tamper))))
    for e in result.events:
        lines.append(f" {'!' if e.tamper else ' '} {e.time.isoformat() if e.time else '?'}  {e.code:>3}  "
                     f"{e.name.text(lang)}")
    profile = result.load_profile
    if profile is not None and profile.rows:
        total = sum((v[0] for _t, v in profile.rows if v and v[0] is not None), start=Decimal(0))
        first, last = profile.rows[0][0], profile.rows[-1][0]
        lines.append(_M.text("load profile: {intervals} intervals of {minutes} min, {first} .. {last}, "
                             "{total} {unit} in total", lang, intervals=str(len(profile.rows)),
                             minutes=str(profile.period // 60), first=first.isoformat() if first else "?",
                             last=last.isoformat() if last else "?", total=total,
                             unit=profile.columns[0][1] if profile.columns else ""))
    return lines


def render_capture(data: bytes, lang: str | None = None) -> str:
    """The capture as text: the DLMS summary in `lang` (the current language), then the raw bursts (technical:
    direction, time, baud, hex / ASCII, as the protocol people read them)."""
    try:
        cap = Capture.from_bytes(data)
    except ProtocolError:
        return _M.text("(not a FieldKit capture; raw bytes)", lang) + "\n" + hex_dump(data)
    out = [_M.text("port {port} · started {started}", lang, port=cap.port or "?", started=str(cap.started))]
    out.extend(_dlms_summary(cap, lang))
    bursts: list[tuple[str, float, int, bytearray]] = []
    for e in cap.events:
        if e.direction == "baud":
            bursts.append(("baud", e.t, e.baud, bytearray()))
        elif bursts and bursts[-1][0] == e.direction and bursts[-1][2] == e.baud:
            bursts[-1][3].extend(e.data)
        else:
            bursts.append((e.direction, e.t, e.baud, bytearray(e.data)))
    for direction, t, baud, chunk in bursts:
        if direction == "baud":
            out.append(f"\n[{t:9.3f} s] " + _M.text("speed -> {baud} baud", lang, baud=str(baud)))
            continue
        arrow = _M.text("laptop -> meter (tx)" if direction == "tx" else "meter -> laptop (rx)", lang)
        out.append(f"\n[{t:9.3f} s] {arrow}, " + _M.text("{count} bytes at {baud} baud", lang, count=str(len(chunk)),
                                                           baud=str(baud)))
        out.append("  " + _readable(bytes(chunk)))
        out.append(hex_dump(bytes(chunk)))
    return "\n".join(out)
