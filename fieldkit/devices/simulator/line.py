"""The wire between probe and meter: 7E1 characters and UARTs at the wrong speed.

When the receiver's speed differs from the transmitter's, :class:`Reclocker` works out
what the receiving UART really sees: it samples the transmitted waveform (start bit,
7 data bits, even parity, stop bit) at its own bit time, character by character. A
character whose stop bit samples low is a framing error and reads as NUL, as on Linux.
"""

from __future__ import annotations

import math

BITS_PER_CHAR = 10


def char_time(baud: int) -> float:
    return BITS_PER_CHAR / baud


def frame_bits(byte: int, bits: int = 7) -> list[int]:
    """7E1 (IEC 62056-21) or 8N1 (HDLC): start bit, data bits, parity or nothing, stop bit."""
    if bits == 8:
        return [0, *((byte >> i) & 1 for i in range(8)), 1]
    data = [(byte >> i) & 1 for i in range(7)]
    parity = sum(data) & 1
    return [0, *data, parity, 1]


class Waveform:
    """The line level over time for ``data`` sent at ``baud`` from t = 0 (idle high around it)."""

    def __init__(self, data: bytes, baud: int, bits: int = 7) -> None:
        self.bit = 1.0 / baud
        self.bits = [b for byte in data for b in frame_bits(byte, bits)]
        self.end = len(self.bits) * self.bit

    def level(self, t: float) -> int:
        if t < 0:
            return 1
        index = int(t / self.bit)
        return self.bits[index] if index < len(self.bits) else 1

    def next_fall(self, t_from: float) -> float | None:
        """Time of the first falling edge at or after ``t_from``."""
        k = max(0, math.ceil(t_from / self.bit - 1e-9))
        while k < len(self.bits):
            before = self.bits[k - 1] if k > 0 else 1
            if before == 1 and self.bits[k] == 0:
                return k * self.bit
            k += 1
        return None


class Reclocker:
    """Receive a waveform with a UART at ``rx_baud``, incrementally."""

    def __init__(self, wave: Waveform, rx_baud: int, t_from: float = 0.0, bits: int = 7) -> None:
        self.wave = wave
        self.data_bits = bits
        self.rx_bit = 1.0 / rx_baud
        self.cursor = t_from

    def until(self, t: float) -> bytes:
        """Characters the receiver has completed by time ``t`` (relative to the waveform start)."""
        out = bytearray()
        while True:
            edge = self.wave.next_fall(self.cursor)
            if edge is None:
                self.cursor = max(self.cursor, min(t, self.wave.end))
                break
            stop_at = edge + 9.5 * self.rx_bit
            if stop_at > t:
                break
            if self.wave.level(edge + 0.5 * self.rx_bit) != 0:
                self.cursor = edge + 0.5 * self.rx_bit  # a glitch, not a start bit
                continue
            value = 0
            for i in range(self.data_bits):
                value |= self.wave.level(edge + (1.5 + i) * self.rx_bit) << i
            framing_error = self.wave.level(stop_at) == 0
            out.append(0 if framing_error else value)
            self.cursor = stop_at
        return bytes(out)


def reclock(data: bytes, tx_baud: int, rx_baud: int, bits: int = 7) -> bytes:
    """Everything a UART at ``rx_baud`` receives from ``data`` sent at ``tx_baud``."""
    if tx_baud == rx_baud:
        return bytes(b & 0x7F for b in data) if bits == 7 else bytes(data)
    return Reclocker(Waveform(data, tx_baud, bits), rx_baud, 0.0, bits).until(math.inf)
