"""``serve`` and ``demo``."""

from minewatch.cli import app  # noqa: F401
