"""Property-based requests generated from the served OpenAPI document (schemathesis), with valid
credentials, bounded in time: 0 server errors and 0 conformance failures (status codes,
content types, headers and bodies as documented)."""

from __future__ import annotations

import os
import time

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
EXAMPLES = int(os.environ.get("FIELDKIT_SCHEMATHESIS_EXAMPLES", "100"))  # per operation
BUDGET_S = 75.0  # shared evenly by the operations: each stops generating after its share


@pytest.mark.slow
def test_generated_requests_give_no_server_error_and_conform_to_the_schema(world):
    schema = schemathesis.openapi.from_url(world.url + "/openapi.json")
    # Valid credentials (a supervisor of team 1) so that requests get past authentication and
    # reach the handlers; generated bodies, paths and queries are left as they are.
    headers = world.devices["d1"].as_user("hung", world.url)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    seen: dict[str, int] = {}
    statuses: dict[int, int] = {}
    failures: list[str] = []
    start = time.monotonic()
    share = BUDGET_S / len(operations)
    clock = {"operation": start}
    for operation in operations:
        clock["operation"] = time.monotonic()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.generate])
        def check(case: schemathesis.Case) -> None:
            key = f"{case.method} {case.path}"
            # every operation answers at least once, whatever the clock says: on a loaded machine the
            # strategy's building and first examples outlasted the share (75 s / 22 = 3.4 s), every
            # example returned here and the operation was never requested (a failure by chance)
            if key in seen and time.monotonic() - clock["operation"] > share:
                return
            try:
                response = case.call_and_validate(headers=headers, timeout=30, checks=CHECKS)
            except Exception as exc:  # noqa: BLE001 - collected, not shrunk: the run stays bounded
                failures.append(f"{key}: {str(exc)[:800]}")
                return
            seen[key] = seen.get(key, 0) + 1
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        check()
    took = time.monotonic() - start
    print(f"\nschemathesis: {sum(seen.values())} requests over {len(seen)} operations in {took:.1f} s; "
          f"statuses {dict(sorted(statuses.items()))}; failures {len(failures)}")
    assert failures == [], "\n\n".join(failures[:10])
    assert len(seen) == len(operations), [op.label for op in operations if op.label not in seen]
    assert not any(s >= 500 for s in statuses)
