"""The manual reading's draft: the index typed from the display, the reason, the note, the
confirmation and the photo are kept as they are typed (`services.drafts.save_reading`), so a dead
battery or a trip to another page loses nothing.

Like the forms' drafts (`ui/forms/autosave.py`): every change restarts a 500 ms timer, the state
is collected on the UI thread (cheap) and written by an `Op` in the background, one save at a time;
the photo goes to the encrypted attachment store with the draft. Opening the meter again (from
the list or the Today page) reopens the manual entry filled in. Saving the reading deletes the
draft in the reading's own transaction (`field_facts.record_reading`); a late autosave is refused
(the draft names the reading it was typed over).
"""

from __future__ import annotations

import hashlib
from typing import Any

from fieldkit.services import drafts
from fieldkit.ui.forms.autosave import DraftSaver
from fieldkit.ui.forms.draft_state import Thumb, _image, thumbnails
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import QEvent, QObject

PHOTO = "photo"


class ManualDraft(QObject):
    """Attached to a `ReadingPanel` (`panel.manual` is its `ManualView`)."""

    def __init__(self, panel: Any) -> None:
        super().__init__(panel)
        self.panel, self.view = panel, panel.manual
        self.base: str | None = None  # the meter's newest reading when the draft was opened
        self.stored: set[str] = set()  # photos already in the encrypted attachment store
        self.restored = False  # a draft was found and filled in
        self.filling = False
        self.saver = DraftSaver(self, self._collect, self._save)
        v = self.view
        for edit in v.edits.values():
            edit.textChanged.connect(self._changed)
        v.note.textChanged.connect(self._changed)
        v.confirm.textChanged.connect(self._changed)
        v.reason.currentIndexChanged.connect(self._changed)
        v.photos.changed.connect(self._changed)
        panel.saved.connect(lambda _id: self.saver.stop())  # the reading replaced the draft
        panel.installEventFilter(self)
        self._open()

    # opening ---------------------------------------------------------------------------------------
    def _open(self) -> None:
        session, meter_id = self.panel.session, self.panel.target.meter.id

        def load() -> tuple[Any, str | None, dict[str, tuple[bytes, str]], dict[str, Thumb]]:
            draft, base, files = drafts.reading_draft(session, meter_id)
            return draft, base, files, thumbnails(files)  # photos decoded here, not on the UI thread

        Op(self, load).success(self._opened).failure(lambda _exc: self.saver.start()).run_in_background()

    def _opened(self, loaded: tuple[Any, str | None, dict[str, tuple[bytes, str]], dict[str, Thumb]]) -> None:
        draft, self.base, files, thumbs = loaded
        if draft is not None and self.panel.state not in ("saved", "manual_saved"):
            self._fill(draft.data, files, thumbs)
            self.restored = True
        self.saver.start()
        if draft is None and self.panel.state == "manual" and self._typed():
            self.saver.schedule()  # typed while the draft was being looked up

    def _fill(self, data: dict[str, Any], files: dict[str, tuple[bytes, str]], thumbs: dict[str, Thumb]) -> None:
        v = self.view
        self.filling = True
        try:
            self.panel.show_manual()
            values = data.get("values")
            if not isinstance(values, dict):
                values = {}
            for obis, edit in v.edits.items():
                if isinstance(values.get(obis), str):
                    edit.setText(values[obis])
            index = v.reason.findData(data.get("reason"))
            if index >= 0:
                v.reason.setCurrentIndex(index)
            for key, edit in (("note", v.note), ("confirmation", v.confirm)):
                if isinstance(data.get(key), str):
                    edit.setText(data[key])
            photos = (data.get("photos") or {}).get(PHOTO) if isinstance(data.get("photos"), dict) else None
            for item in photos if isinstance(photos, list) else []:
                sha = str(item.get("sha", "")) if isinstance(item, dict) else ""
                if sha in files:
                    v.photos.add_bytes(files[sha][0], str(item.get("mime") or files[sha][1]),
                                       str(item.get("name") or "1.jpg"), _image(thumbs.get(sha)))
                    self.stored.add(sha)
            v.recheck()
        finally:
            self.filling = False

    # saving ----------------------------------------------------------------------------------------
    def _typed(self) -> bool:
        v = self.view
        return any(e.text().strip() for e in v.edits.values()) or bool(v.note.text().strip() or v.photos.photos)

    def _changed(self, *_args: Any) -> None:
        if not self.filling and self.panel.state == "manual":
            self.saver.schedule()

    def _collect(self) -> tuple[dict[str, Any], list[bytes]] | None:
        if self.panel.state != "manual":
            return None
        v = self.view
        items, new = [], []
        for content, mime, name in v.photos.photos:
            sha = hashlib.sha256(content).hexdigest()
            items.append({"sha": sha, "mime": mime, "name": name})
            if sha not in self.stored:
                self.stored.add(sha)
                new.append(content)
        data = {"values": v.values(), "reason": v.reason.currentData(), "note": v.note.text(),
                "confirmation": v.confirm.text(), "photos": {PHOTO: items}}
        return data, new

    def _save(self, state: tuple[dict[str, Any], list[bytes]]) -> bool:  # in the background
        data, files = state
        t = self.panel.target
        customer = t.customer.id if t.customer is not None else (t.work_order.customer_id if t.work_order else None)
        return drafts.save_reading(self.panel.session, t.meter.id, data, files, self.base,
                                   t.work_order.id if t.work_order is not None else None, customer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Another page, another meter, Back or sign-out: what was just typed is saved now."""
        if watched is self.panel and event.type() == QEvent.Type.Hide:
            self.saver.flush_pending()
        return False
