"""`fieldkit recovery-key new|show`: see fieldkit/services/recovery_cli.py."""

from fieldkit.services.recovery_cli import register_key as register
from fieldkit.services.recovery_cli import run_key as run

__all__ = ["register", "run"]
