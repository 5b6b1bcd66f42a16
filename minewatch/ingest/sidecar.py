"""Metadata given beside a source: ``report.pdf.json`` or ``report.json`` (or ``.yaml``).

Researchers know things a file does not say (the publisher, the true
publication date); a sidecar records them once, next to the file.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import yaml

from minewatch.ingest.errors import IngestError

SUFFIXES = (".json", ".yaml", ".yml")
KEYS = ("title", "author", "publisher", "date", "language", "state")


def candidates(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in SUFFIXES] + [
        path.with_suffix(s) for s in SUFFIXES if path.suffix.lower() != s
    ]


@lru_cache(maxsize=64)
def _listing(folder: str, mtime_ns: int) -> frozenset[str]:
    """The names in a folder as of its modification time: one listing serves every file of a batch."""
    return frozenset(os.listdir(folder))


def sidecar(path: Path) -> dict:
    """The metadata in the first sidecar found, keeping only the keys minewatch knows."""
    folder = path.parent
    try:
        names = _listing(str(folder), folder.stat().st_mtime_ns)
    except OSError:
        return {}
    for c in candidates(path):
        if c.name in names and c != path and c.is_file():
            try:
                raw = c.read_text("utf-8")
                if c.suffix == ".json":
                    data = json.loads(raw)
                else:
                    data = yaml.safe_load(raw)
            except (ValueError, UnicodeDecodeError, OSError, yaml.YAMLError) as e:
                raise IngestError(str(path), f"unreadable sidecar {c.name} ({e})"[:200]) from None
            if not isinstance(data, dict):
                raise IngestError(str(path), f"sidecar {c.name} is not a mapping")
            return {k: data[k] for k in KEYS if data.get(k) not in (None, "")}
    return {}
