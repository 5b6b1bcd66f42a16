"""The main flow, stage by stage: read files, store documents, extract facts.

Each function takes the store it writes to, so the CLI, the web app and batch
workers all run the same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from minewatch import ingest, settings
from minewatch.extract import extract
from minewatch.store import Store
from minewatch.vocab import load as load_vocab

SKIP_NAMES = {".json", ".yaml", ".yml"}  # sidecars describe files, they are not sources


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    duplicates: list[str] = field(default_factory=list)  # paths already stored
    failed: list[str] = field(default_factory=list)  # one-line errors naming the file
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files named, and every file under directories named, in a stable order."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                str(f)
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() not in SKIP_NAMES and not f.name.startswith(".")
            )
        else:
            out.append(str(p))
    return out


def ingest_file(
    store: Store, path: str, given_date: date | None = None, user: str | None = None
) -> tuple[str, bool]:
    """Read, store and extract one file; returns (document id, created)."""
    max_bytes = int(float(settings.get("MINEWATCH_MAX_FILE_MB")) * 1024 * 1024)
    doc = ingest.read(path, given_date=given_date, max_bytes=max_bytes)
    doc_id, created = store.save_document(doc, user=user)
    if created:
        store.save_facts(extract(doc, load_vocab()))
    return doc_id, created


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    given_date: date | None = None,
    user: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every file; a bad file is reported and the batch goes on."""
    report = IngestReport()
    for path in expand(paths):
        try:
            doc_id, created = ingest_file(store, path, given_date, user)
        except ingest.IngestError as e:
            report.failed.append(str(e))
        else:
            (report.ingested if created else report.duplicates).append(doc_id if created else path)
        if progress:
            progress(path)
    return report


def reextract(store: Store, doc_id: str) -> int:
    """Run the extractors again over a stored document; only new facts are added."""
    doc = store.document(doc_id)
    if doc is None:
        raise KeyError(doc_id)
    return store.save_facts(extract(doc, load_vocab()))
