"""The meter model table (it holds the meters' passwords) as a technician with the laptop in hand
sees it: readable, never changeable. Only a supervisor imports it, into the encrypted store; the
file on the disk and the `meter_models_file` setting grant nothing afterwards; the passwords are
never shown, logged or written in the clear."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, meter_model_settings, meters, quality_settings, readings
from fieldkit.services.customers import CustomerInput

PASSWORD = "Wr1te-Pw-884213"


def _table(folder: Path, password: str = PASSWORD, name: str = "meter_models.json") -> Path:
    path = folder / name
    path.write_text(json.dumps([{"manufacturer": "FKD", "model": "FK3P-DLMS*", "client_address": 17,
                                 "dlms_password": password, "note": "utility table"}]), encoding="utf-8")
    return path


def _target(session: Any) -> Any:
    c = customers.create_customer(session, CustomerInput(code="PA23VG0053141", name="Nguyễn Văn An"))
    m = meters.register_meter(session, serial="23110046", customer_id=c.id, manufacturer="FKD", model="FK3P-DLMS",
                              phases=3, tariff_registers=3)
    return readings.target_for_meter(session, m.id)


def _password(session: Any, target: Any) -> str | None:
    return readings.read_options(target, meter_model_settings.models(session)).dlms_password


def test_a_technician_cannot_change_the_table(session, tmp_path: Path):
    table = _table(tmp_path)
    for attempt in (lambda: meter_model_settings.import_file(session, table),
                    lambda: meter_model_settings.clear(session),
                    lambda: quality_settings.change(session, meter_model_settings.KEY, str(table))):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "Chỉ tổ trưởng (giám sát)" in err.value.messages("vi")[0]
        assert "Only a supervisor" in err.value.messages("en")[0]
    assert meter_model_settings.models(session) == [] and not meter_model_settings.may_change(session)
    assert not quality_settings.may_change(session, meter_model_settings.KEY)


def test_imported_by_a_supervisor_read_by_everyone_and_the_file_grants_nothing_after(session, supervisor,
                                                                                     tmp_path: Path, caplog):
    target = _target(session)
    assert _password(session, target) is None
    table = _table(tmp_path)
    with caplog.at_level(logging.DEBUG):
        summary = meter_model_settings.import_file(supervisor, table)
    assert [(s.manufacturer, s.write_password) for s in summary] == [("FKD", True)]
    # readable by everyone: the technician's readings use it
    assert _password(session, target) == PASSWORD
    assert quality_settings.value_of(session, meter_model_settings.KEY).value == "meter_models.json"
    # the technician edits the file on the disk: nothing changes (the UI test also points the setting elsewhere)
    _table(tmp_path, "mine-000")
    assert _password(session, target) == PASSWORD
    # the passwords are never shown, logged or put in the audit trail
    shown = repr(meter_model_settings.summary(session)) + quality_settings.value_of(session, "meter_models_file").value
    audit = session.store.query("SELECT detail FROM audit WHERE entity = 'setting'")
    assert PASSWORD not in shown and PASSWORD not in caplog.text and all(PASSWORD not in d for (d,) in audit)
    assert "1 models (1 with a password) from meter_models.json" in audit[0][0]
    # a supervisor can take it away again
    quality_settings.change(supervisor, meter_model_settings.KEY, "")
    assert _password(session, target) is None and meter_model_settings.source(session) == ""


@pytest.mark.parametrize("content", [
    "not json", '{"manufacturer": "FKD"}', '[{"manufacturer": "FKD", "dlms_password": 12345678}]',
    '[{"manufacturer": "FKD", "shell": "rm -rf /"}]', '[{"manufacturer": ""}]', "[" * 100_000,
])
def test_a_broken_or_hostile_file_is_refused_whole(supervisor, session, tmp_path: Path, content: str):
    meter_model_settings.import_file(supervisor, _table(tmp_path))
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        meter_model_settings.import_file(supervisor, bad)
    assert "Không dùng được tệp" in err.value.messages("vi")[0]
    assert [m.manufacturer for m in meter_model_settings.models(session)] == ["FKD"]  # the old table stays
    with pytest.raises(ValidationError):
        meter_model_settings.import_file(supervisor, tmp_path / "missing.json")


def test_the_passwords_are_not_in_the_clear_on_the_disk(session, supervisor, profile_dir: Path, tmp_path: Path):
    table = _table(tmp_path)
    meter_model_settings.import_file(supervisor, table)
    table.unlink()  # the utility's file is gone (or was on a USB stick): the table stays, encrypted
    assert [m.manufacturer for m in meter_model_settings.models(session)] == ["FKD"]
    supervisor.close()
    session.close()
    hits = [n for d, _s, names in os.walk(profile_dir) for n in names
            if PASSWORD.encode() in (Path(d) / n).read_bytes()]
    assert hits == []
