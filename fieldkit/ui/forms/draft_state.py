"""A rendered form's state as a draft, and the form filled again from one.

Draft data (JSON in the encrypted store, `services.drafts`):

    {"values":  {field id: answer, ...},          # a kept signature: its sha256
     "photos":  {field id: [{"sha", "mime", "name"}, ...]},
     "strokes": {field id: [[[x, y], ...], ...]}} # a signature still being drawn (0..1 coordinates)

Photos are referenced, never embedded: the bytes go to the encrypted attachment store with the
autosave (`new_files`), and come back decrypted (`files`) when the form reopens.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from fieldkit.ui.forms.renderer import FormView, _sha
from fieldkit.ui.qt import QImage

THUMB = (240, 180)


def form_draft(view: FormView, stored: set[str]) -> tuple[dict[str, Any], list[bytes]]:
    """(draft data, photo contents not yet in the attachment store); `stored` is updated."""
    values = view.values()
    photos: dict[str, list[dict[str, str]]] = {}
    strokes: dict[str, list[list[list[float]]]] = {}
    new: list[bytes] = []
    for fid, ed in view.editors.items():
        if ed.photos is not None:
            items = []
            for data, mime, name in ed.photos.photos:
                sha = _sha(data)
                items.append({"sha": sha, "mime": mime, "name": name})
                if sha not in stored:
                    stored.add(sha)
                    new.append(data)
            photos[fid] = items
        elif ed.pad is not None and (ed.pad.kept is None or ed.pad.strokes):
            values[fid] = ""  # a drawn signature is kept as its strokes (its PNG is made at submit)
            if ed.pad.strokes:
                strokes[fid] = [[[x, y] for x, y in s] for s in ed.pad.strokes]
    return {"values": values, "photos": photos, "strokes": strokes}, new


def media_of(data: dict[str, Any]) -> list[str]:
    """sha256 of every photo and kept signature a draft refers to."""
    shas = [p["sha"] for items in (data.get("photos") or {}).values() for p in items if isinstance(p, dict)]
    strokes = data.get("strokes") or {}
    for fid, v in (data.get("values") or {}).items():
        if isinstance(v, str) and len(v) == 64 and fid not in strokes:
            shas.append(v)
    return shas


Thumb = tuple[int, int, bytes]  # width, height, RGB888 pixels


def thumbnails(files: dict[str, tuple[bytes, str]]) -> dict[str, Thumb]:
    """Photos decoded at thumbnail size off the UI thread (call inside the Op that loads the draft).
    Pillow, not Qt: Qt's image plugins make QObjects (and send events) in the thread that reads."""
    out: dict[str, Thumb] = {}
    for sha, (content, _mime) in files.items():
        try:
            with Image.open(io.BytesIO(content)) as img:
                img.draft("RGB", (THUMB[0] * 2, THUMB[1] * 2))  # JPEG: decode at a fraction of the size
                small = img.convert("RGB")
                small.thumbnail(THUMB)
                out[sha] = (small.width, small.height, small.tobytes())
        except (OSError, ValueError, Image.DecompressionBombError):
            continue
    return out


def _image(thumb: Thumb | None) -> QImage | None:
    if thumb is None:
        return None
    w, h, pixels = thumb
    return QImage(pixels, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _dict(value: Any) -> dict[str, Any]:
    """A draft written by an older or a broken version: anything that is not a mapping is empty."""
    return dict(value) if isinstance(value, dict) else {}


def restore_form(view: FormView, data: dict[str, Any], files: dict[str, tuple[bytes, str]],
                 thumbs: dict[str, Thumb] | None = None) -> list[str]:
    """Fill the form from draft data; returns the sha256 of photos / signatures no longer found."""
    thumbs = thumbs or {}
    values = _dict(data.get("values"))
    strokes = _dict(data.get("strokes"))
    media = {fid for fid, ed in view.editors.items() if ed.photos is not None or ed.pad is not None}
    for fid, value in values.items():
        if fid in view.editors and fid not in media:
            try:
                view.editors[fid].set_value(value)
            except (TypeError, ValueError, AttributeError):  # a broken draft: that answer is left empty
                continue
    missing: list[str] = []
    for fid, items in _dict(data.get("photos")).items():
        ed = view.editors.get(fid)
        if ed is None or ed.photos is None or not isinstance(items, list):
            continue
        ed.photos.clear()
        for item in items:
            if not isinstance(item, dict):
                continue
            sha = str(item.get("sha", ""))
            if sha in files:
                ed.photos.add_bytes(files[sha][0], str(item.get("mime") or files[sha][1]),
                                    str(item.get("name") or sha[:12]), _image(thumbs.get(sha)))
            else:
                missing.append(sha)
    for fid, ed in view.editors.items():
        if ed.pad is None:
            continue
        if strokes.get(fid):
            ed.pad.strokes = strokes[fid]
            ed.pad.update()
        elif isinstance(values.get(fid), str) and values[fid]:
            sha = values[fid]
            if sha in files:
                ed.pad.set_kept(files[sha][0])
            else:
                missing.append(sha)
    view.apply_relevance()
    return missing
