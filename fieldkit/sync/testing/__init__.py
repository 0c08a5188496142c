"""Test tools for sync: fault-injecting and link-emulating TCP proxies (loopback only)."""
