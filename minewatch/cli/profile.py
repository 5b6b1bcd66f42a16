"""``profile``."""

from minewatch.cli import app  # noqa: F401
