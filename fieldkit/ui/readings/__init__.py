"""The reading screens: the reading panel (read through the probe, or type by hand) and its settings."""
