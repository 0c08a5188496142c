"""Forms fixtures: small real PNG pictures and a completely filled meter-install form."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image, ImageDraw

from fieldkit.domain.local_time import local_today
from fieldkit.services.installs import InstallFile


def png(colour: str, size: tuple[int, int] = (160, 120), text: str = "") -> bytes:
    img = Image.new("RGB", size, colour)
    if text:
        ImageDraw.Draw(img).text((8, 8), text, fill="black")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def filled(files: list[InstallFile], **over: Any) -> dict[str, Any]:
    """v2 values for a replacement; photo/signature fields point at `files` by hash."""
    photos = [f.sha256 for f in files if f.kind == "photo"]
    sigs = [f.sha256 for f in files if f.kind == "signature"]
    values: dict[str, Any] = {
        "reason": "faulty", "representative": "Nguyễn Văn Bình", "place": "Thôn Đông, xã Nhân Hà",
        "substation": "TBA Nhân Hà 3", "pole_number": "12/4", "box_number": "H2",
        "position": {"lat": 20.5412, "lon": 106.0521, "source": "typed"},
        "removed_serial": "OLD-123456", "removed_reading": {"BT": "10234.5", "CD": "2200.1", "TD": "3100", "source": "manual"},
        "installed_serial": "VSN2025000123", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 778812", "terminal_seal_count": "2", "sticker_seal": "TEM-55120",
        "optical_sticker": "QC-99001", "install_date": local_today().isoformat(),
        "meter_photos": photos, "technician_signature": sigs[0] if sigs else "",
        "customer_signature": sigs[1] if len(sigs) > 1 else "",
    }
    values.update(over)
    return values


@pytest.fixture
def files() -> list[InstallFile]:
    return [
        InstallFile(png("#88AACC", text="meter"), "image/png", "photo"),
        InstallFile(png("#CCAA88", text="seal"), "image/png", "photo"),
        InstallFile(png("white", (300, 100), "tech sig"), "image/png", "signature"),
        InstallFile(png("white", (300, 100), "customer sig"), "image/png", "signature"),
    ]


@pytest.fixture
def fill() -> Any:
    return filled


@pytest.fixture
def make_png() -> Any:
    return png
