"""The meter install / replacement screen."""
