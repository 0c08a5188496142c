"""Re-create tests/data/transcripts (run by hand: python tests/devices/record_transcripts.py).

* ``*.capture.json``: captures of real reads of the simulator through a pseudo-terminal;
* ``*.raw``: readouts written by hand in the styles meters use (short and full OBIS,
  padding, empty values, ``&``, partial blocks, a damaged then repeated block);
* ``*.expected.json``: what ``fieldkit parse-telegram`` printed when they were made,
  checked by eye, so any change in parsing shows up as a test failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fieldkit.devices.bcc import bcc
from fieldkit.devices.client import ReadOptions
from fieldkit.devices.reparse import parse_file_bytes
from fieldkit.devices.transport import read_meter

OUT = Path(__file__).resolve().parents[1] / "data" / "transcripts"


def frame(text: str, end: int = 3) -> bytes:
    body = text.encode("ascii") + bytes([end])
    return b"\x02" + body + bytes([bcc(body)])


RAW = {
    "full-obis-style.raw": b"/ABC5\\2@V1.2.3\r\n" + frame(
        "0-0:C.1.0*255(30012345)\r\n0-0:0.9.1*255(14:05:33)\r\n0-0:0.9.2*255(25-11-20)\r\n"
        "1-0:1.8.0*255(061561.289*kWh)\r\n1-0:1.8.1*255(034125.118*kWh)\r\n"
        "1-0:1.8.2*255(011003.421*kWh)\r\n1-0:1.8.3*255(016432.750*kWh)\r\n"
        "1-0:32.7.0*255(231.4*V)\r\n1-0:1.8.0*01(060215.004*kWh)\r\n!\r\n"),
    "short-codes-padding.raw": b"/XYz4 MODEL-7\r\n" + frame(
        "F.F(00000000)\r\n0.0.0( 12345678 )\r\nC.1.0(12345678)\r\n0.9.1(140533)\r\n0.9.2(251120)\r\n"
        "1.8.0( 4521.36 *kWh)\r\n2.8.0()\r\n1.6.0(1.234*kW)(25-11-02 18:15)\r\n"
        "0.2.2(1.5*kWh&2.5*kWh)\r\n1.8.1(1.5*kWh)1.8.2(2.5*kWh)\r\n!\r\n"),
    "partial-blocks.raw": b"/FKT5\\2FK3P\r\n" + frame("F.F(00)\r\n0.0.0(777)\r\n", 4)
    + frame("1.8.0(000100.5*kWh)\r\n", 4) + frame("1.8.1(000100.5*kWh)\r\n!\r\n"),
    "damaged-then-repeated.raw": b"/FKS5FK1P\r\n"
    + frame("F.F(00)\r\n1.8.0(000042.0*kWh)\r\n!\r\n")[:-1] + b"\x00"
    + frame("F.F(00)\r\n1.8.0(000042.0*kWh)\r\n!\r\n"),
}

READS = {
    "single-phase": ("--profile", "single-phase"),
    "three-phase-tou": ("--profile", "three-phase-tou"),
    "three-phase-blocks": ("--profile", "three-phase-blocks"),
    "mode-b": ("--profile", "single-phase-mode-b"),
    "echo-probe": ("--profile", "single-phase", "--fault", "echo"),
    "bcc-once": ("--profile", "single-phase", "--fault", "bcc-once"),
}


def record(name: str, args: tuple[str, ...], options: ReadOptions | None = None) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", *args],
                            stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        port = proc.stdout.readline().decode().strip()
        result = read_meter(port, options)
        assert result.capture is not None
        result.capture.port = "simulator"
        (OUT / f"{name}.capture.json").write_bytes(result.capture.to_bytes())
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in RAW.items():
        (OUT / name).write_bytes(data)
    for name, args in READS.items():
        record(name, args)
    record("program-r1", ("--profile", "three-phase-tou"),
           ReadOptions(mode="program", registers=("0.0.0", "1.8.0", "1.8.1", "9.9.9")))
    for path in sorted(OUT.iterdir()):
        if path.name.endswith(".expected.json"):
            continue
        result = parse_file_bytes(path.read_bytes())
        expected = OUT / (path.name.split(".")[0] + ".expected.json")
        expected.write_text(json.dumps(result.to_json(), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
