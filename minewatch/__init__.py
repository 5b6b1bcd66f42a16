"""minewatch: an evidence-backed monitor of the antipersonnel mine ban."""

__version__ = "0.1.0"
