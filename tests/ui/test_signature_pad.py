"""The signature pad guards itself: pixel coordinates, junk and huge pads never make a huge PNG,
and the PNG is encoded once per change (forms ask for its digest on every keystroke)."""

from __future__ import annotations

import io

from PIL import Image

from fieldkit.ui import signature_pad
from fieldkit.ui.install.demo import _strokes
from fieldkit.ui.signature_pad import MAX_PNG_SIDE, SignaturePad


def test_pixel_coordinates_are_clamped_and_the_png_stays_small(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(480, 150)
    # what the old demo filler did: pixels (up to 250) where 0..1 belongs, plus junk
    pad.strokes = [[(30.0, 80.0), (250.0, 95.0), (float("nan"), 1.0), ("x", 2)], [(-5, -5), (0.5, 2e9)], []]
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for s in pad.strokes for x, y in s)
    assert len(pad.strokes) == 2 and len(pad.strokes[0]) == 2
    w, h = Image.open(io.BytesIO(pad.png_bytes())).size
    assert w <= MAX_PNG_SIDE and h <= MAX_PNG_SIDE


def test_a_giant_pad_is_capped(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(4000, 3000)
    pad.strokes = [[(0.0, 0.0), (1.0, 1.0)]]
    w, h = Image.open(io.BytesIO(pad.png_bytes(scale=4.0))).size
    assert max(w, h) == MAX_PNG_SIDE


def test_png_is_encoded_once_per_change(qtbot, monkeypatch):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 140)
    pad.strokes = _strokes(400, 140, 0)  # the demo filler's scribble, now in 0..1
    assert all(0.0 <= x <= 1.0 for s in pad.strokes for x, _y in s)
    encodes = []
    original = SignaturePad._encode
    monkeypatch.setattr(signature_pad.SignaturePad, "_encode",
                        lambda self, scale: encodes.append(scale) or original(self, scale))
    first = pad.png_bytes()
    assert all(pad.png_bytes() is first for _ in range(20)) and len(encodes) == 1
    w, h = Image.open(io.BytesIO(first)).size
    assert w < 1000 and h < 400  # a signature, not 384,240 x 8,100 px
    pad.strokes = [*pad.strokes, [(0.1, 0.1), (0.2, 0.2)]]
    assert pad.png_bytes() != first and len(encodes) == 2
