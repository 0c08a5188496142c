"""FieldKit: offline field tool for electricity distribution staff."""

__version__ = "0.1.0"
