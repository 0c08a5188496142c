"""Install verification against the install form, with readings from the real DLMS simulator
and hand-made ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.result import ReadingResult
from fieldkit.devices.transport import read_meter
from fieldkit.services.install_check import check_installed_meter


def result(**regs: tuple[str, str]) -> ReadingResult:
    return ReadingResult("/X", "X", "23110045", datetime(2026, 12, 3, 15, 0, 0), None,
                         {k.replace("_", "."): (Decimal(v), u) for k, (v, u) in regs.items()})


FORM = {"installed_serial": "23110045", "phases": "3", "ct_ratio": "200/5", "vt_ratio": ""}


def test_a_good_install_has_no_mismatch() -> None:
    good = result(**{"32_7_0": ("231.4", "V"), "52_7_0": ("229.8", "V"), "72_7_0": ("232", "V"),
                     "31_7_0": ("12.41", "A"), "0_4_2": ("200", "")})
    now = datetime(2026, 12, 3, 8, 0, 30, tzinfo=UTC)   # 15:00:30 in Hanoi: 30 s off is fine
    assert check_installed_meter(FORM, good, now=now) == []


def test_every_mismatch_is_named() -> None:
    bad = result(**{"32_7_0": ("231", "V"), "52_7_0": ("3.1", "V"), "72_7_0": ("230", "V"),
                    "51_7_0": ("-4.2", "A"), "0_4_2": ("100", ""), "0_4_3": ("1", "")})
    now = datetime(2026, 12, 3, 8, 10, 0, tzinfo=UTC)   # the meter is 10 min slow
    form = dict(FORM, installed_serial="23110054", vt_ratio="22000/110")
    found = {m.field: m for m in check_installed_meter(form, bad, now=now)}
    assert set(found) == {"installed_serial", "clock", "voltage_L2", "current_L2", "ct_ratio", "vt_ratio"}
    assert found["clock"].en == "The meter's clock is 10 min slow." and found["clock"].vi.startswith("Đồng hồ")
    assert found["ct_ratio"].en == "The CT ratio set in the meter is 100, the form says 200/5."
    assert "L2" in found["voltage_L2"].en and "TI" in found["current_L2"].vi


def test_single_phase_form_on_a_three_phase_meter() -> None:
    three = result(**{"32_7_0": ("231", "V"), "52_7_0": ("230", "V"), "72_7_0": ("229", "V")})
    found = check_installed_meter({"phases": "1"}, three)
    assert [m.field for m in found] == ["phases"]


@pytest.mark.slow
def test_with_the_dlms_simulator(simulator: Callable[..., Any]) -> None:
    sim = simulator("--profile", "dlms-three-phase")
    read = read_meter(sim.port, ReadOptions(dlms_objects=("identity", "clock", "instant")))
    assert check_installed_meter(FORM, read) == []       # 37 s fast is within 2 min
    found = check_installed_meter(dict(FORM, ct_ratio="300/5"), read, clock_limit=10)
    assert {m.field for m in found} == {"ct_ratio", "clock"}
    assert read.clock_deviation is not None and 34 <= read.clock_deviation <= 39
    clock = next(m for m in found if m.field == "clock")
    assert clock.en.startswith("The meter's clock is 3") and clock.en.endswith(" s fast.")
