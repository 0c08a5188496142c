"""Work-order import naming the meter: a DLMS meter arrives on the laptop as one; a bad
protocol or phase count stops the whole file."""

from __future__ import annotations

import pytest

from fieldkit.central import admin
from fieldkit.domain.models import MeterProtocol
from fieldkit.services import meters, sync, work_orders
from fieldkit.services.work_orders import WorkOrderQuery

HEAD = "number,kind,customer_code,assignee,meter_serial,meter_protocol,meter_manufacturer,meter_model,meter_phases\n"


def test_a_dlms_meter_reaches_the_laptop(make_device, central) -> None:
    text = HEAD + ("WO-D,reading,PA23LN0000501,lan,23110046,dlms,FKD,FK3P-DLMS,3\n"
                   "WO-C,reading,PA23LN0000502,lan,VSE-1,,,,\n")
    assert admin.import_work_orders(central, text, team_code="T1") == ["WO-D", "WO-C"]
    tech = make_device("a", "lan")
    assert sync.sync_now(tech).ok
    got = {}
    for wo in work_orders.list_work_orders(tech, WorkOrderQuery()):
        meter = meters.get_meter(tech, wo.meter_id)
        assert meter is not None
        got[wo.number] = (meter.serial, meter.protocol, meter.manufacturer, meter.model, meter.phases)
    assert got == {"WO-D": ("23110046", MeterProtocol.DLMS, "FKD", "FK3P-DLMS", 3),
                   "WO-C": ("VSE-1", MeterProtocol.IEC62056_21, "", "", 1)}


@pytest.mark.parametrize(("cells", "said"), [
    ("dlms-cosem,FKD,X,3", "meter_protocol must be one of"),
    ("DLMS,FKD,X,3", "meter_protocol must be one of"),
    ("dlms,FKD,X,2", "meter_phases must be 1 or 3"),
    ("dlms,FKD,X,three", "meter_phases must be 1 or 3"),
])
def test_a_bad_meter_stops_the_file(central, cells: str, said: str) -> None:
    text = HEAD + "WO-OK,reading,PA23LN0000601,lan,S-1,,,,\n" + f"WO-BAD,reading,PA23LN0000602,lan,S-2,{cells}\n"
    with pytest.raises(admin.AdminError, match=said):
        admin.import_work_orders(central, text, team_code="T1")
    assert admin.import_work_orders(central, HEAD + "WO-OK,reading,PA23LN0000601,lan,S-1,,,,\n",
                                    team_code="T1") == ["WO-OK"]   # nothing of the bad file was kept
