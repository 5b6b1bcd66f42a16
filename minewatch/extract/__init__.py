"""Extract: typed candidate facts, each with its exact span and resolved footnotes.

Extractors are one module per indicator family. Each is a function from a
:class:`~minewatch.extract.context.Sentence` to facts; :func:`extract` runs
them all over every body paragraph and footnote of a document.
"""

from __future__ import annotations

from minewatch.extract.run import EXTRACTORS, extract

__all__ = ["EXTRACTORS", "extract"]
