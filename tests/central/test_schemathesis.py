"""Property-based requests generated from the served OpenAPI document (schemathesis): never a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings


@pytest.mark.slow
def test_no_server_errors_for_generated_requests(world):
    schema = schemathesis.openapi.from_url(world.url + "/openapi.json")
    # Valid credentials (a supervisor of team 1) so that requests get past authentication and
    # reach the handlers; generated bodies, paths and queries are left as they are.
    headers = world.devices["d1"].as_user("hung")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    seen: dict[str, int] = {}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call(headers=headers, timeout=30)
            key = f"{case.method} {case.path}"
            seen[key] = seen.get(key, 0) + 1
            assert response.status_code < 500, f"{key} -> {response.status_code}: {response.text[:300]}"

        check()
    assert len(seen) == len(operations)
