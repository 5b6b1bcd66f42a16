"""Helpers for extraction tests: a document built in code from a few sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from minewatch import ingest
from minewatch.extract import extract
from minewatch.ingest.readers import Parsed
from minewatch.model import Document, Fact
from minewatch.vocab import load


def document(text: str, *, state: str | None = None, on: str = "2021-06-30") -> Document:
    """A document of ``text`` dated ``on``, about ``state`` (else the state it names most)."""
    doc = ingest.build(Parsed(text, "text"), "test.txt", load(), given_date=date.fromisoformat(on))
    if state:
        doc.subject_state = state
    return doc


def facts_of(
    text: str, *, state: str | None = None, on: str = "2021-06-30", indicator: str | None = None
) -> list[Fact]:
    return [
        f
        for f in extract(document(text, state=state, on=on), load())
        if indicator is None or f.indicator == indicator
    ]


@pytest.fixture
def vocab():
    return load()
