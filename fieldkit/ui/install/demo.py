"""Fill the install form with believable demo answers (for `fieldkit screenshots`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from fieldkit.domain.local_time import local_today
from fieldkit.ui.install.install_form import InstallForm

DEMO_VALUES = {
    "reason": "faulty", "representative": "Nguyễn Văn Bình", "place": "Thôn Đông, xã Nhân Hà",
    "substation": "TBA Nhân Hà 3", "pole_number": "12/4", "box_number": "H2",
    "position": {"lat": "20.5412", "lon": "106.0521", "source": "nmea"},
    "removed_serial": "OLD-778812", "removed_reading": {"BT": "10234,5", "CD": "2200", "TD": "3100"},
    "installed_serial": "VSN2025000123", "installed_model": "VSE11-20", "installed_type": "electronic",
    "phases": "1", "installed_reading": {"BT": "0.4", "CD": "0", "TD": "0", "source": "optical"},
    "terminal_seal_code": "NPC-A 778812", "terminal_seal_count": "2", "sticker_seal": "TEM-55120",
    "optical_sticker": "QC-99001", "install_date": local_today().isoformat(),
}


def _picture(folder: Path, name: str, colour: str, caption: str) -> Path:
    img = Image.new("RGB", (320, 240), colour)
    draw = ImageDraw.Draw(img)
    draw.rectangle((90, 50, 230, 190), outline="white", width=6)
    draw.text((100, 110), caption, fill="white")
    path = folder / name
    img.save(path)
    return path


def _strokes(width: int, height: int, seed: int) -> list[list[tuple[float, float]]]:
    """A believable scribble, drawn in pixels of a width x height pad and handed to the pad
    in its 0..1 coordinates (pixels made a 384,240 x 8,100 px PNG once)."""
    base = height * 0.6
    a = [(30 + i * 9.0, base - ((i * (7 + seed)) % 23) - (12 if i % 5 == 0 else 0)) for i in range(24)]
    b = [(40 + i * 8.0, base + 6 - (i % 4) * 3) for i in range(28)]
    return [[(x / width, y / height) for x, y in stroke] for stroke in (a, b)]


def fill_demo(form: InstallForm) -> None:
    view = form.view
    view.set_values(DEMO_VALUES)
    picker = view.editors["meter_photos"].photos
    if picker is not None:
        with tempfile.TemporaryDirectory(prefix="fieldkit-demo-photos-") as tmp:  # read at once, then removed
            folder = Path(tmp)
            picker.add_file(_picture(folder, "cong-to.png", "#35608F", "cong to"))
            picker.add_file(_picture(folder, "niem-phong.png", "#8F5A35", "niem phong"))
    for n, fid in enumerate(("technician_signature", "customer_signature")):
        pad = view.editors[fid].pad
        if pad is not None:
            pad.strokes = _strokes(max(pad.width(), 360), max(pad.height(), 130), n)
            pad.update()
    view.apply_relevance()
