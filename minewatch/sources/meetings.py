"""Meeting attendance lists ("1MSP, 2MSP, …, 4RC, 18MSP") into one fact per meeting.

A list file is a CSV with ``state``, ``meetings`` and ``citation`` columns (and an
optional ``as``: "state party", "observer"). Each fact quotes the name of its
meeting in the row and gets its date and place from the meeting calendar in
``vocab/data/meetings.yaml``.
"""

from __future__ import annotations

import re

from minewatch.model import Citation, Fact, Period
from minewatch.sources.rows import ImportReport, Row, RowError, data_document, read_rows
from minewatch.store import Store
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab
from minewatch.vocab.meetings import Meeting, load_meetings, meeting_id

EXTRACTOR = "diplomacy.attendance@1"
TOKEN = re.compile(r"[^,;]+")


def parse_attendance(text: str, calendar: dict[str, Meeting]) -> list[tuple[str, int, int]]:
    """Meetings named in ``text`` as (id, start, end) of the name in ``text``, in the order given.

    Each meeting is named on its own (no ranges), so every attendance fact can quote
    the exact words that name its meeting. An elision ("…") is skipped; an unknown
    name raises ValueError.
    """
    out: list[tuple[str, int, int]] = []
    for m in TOKEN.finditer(text):
        part = m.group(0)
        name = part.strip().strip(".…").strip()
        if not name:
            continue
        mid = meeting_id(name)
        if mid not in calendar:
            raise ValueError(f"unknown meeting {name!r}")
        start = m.start() + part.index(name)
        if mid not in {o[0] for o in out}:
            out.append((mid, start, start + len(name)))
    return out


def meeting_period(m: Meeting) -> Period:
    if m.start:
        end = m.end or m.start
        precision = "day" if end == m.start else "range"
        return Period(m.start.isoformat(), end.isoformat(), precision, m.title)
    return Period(f"{m.year}-01-01", f"{m.year}-12-31", "year", m.title)


def row_facts(row: Row, doc_id: str, vocab: Vocabulary, calendar: dict[str, Meeting]) -> list[Fact]:
    f = row.fields
    state = vocab.state_code(f.get("state", "")) if f.get("state") else None
    if state is None:
        raise ValueError(f"unknown state {f.get('state', '')!r}")
    if not f.get("citation"):
        raise ValueError("no citation: every row names the record it comes from")
    cell = f.get("meetings", "")
    found = parse_attendance(cell, calendar)
    if not found:
        raise ValueError("no meetings listed")
    base = row.start + max(row.text.find(cell), 0)
    role = f.get("as") or None
    return [
        Fact(
            state=state,
            indicator="diplomacy",
            value="attended",
            quote=cell[a:b],
            doc=doc_id,
            start=base + a,
            end=base + b,
            when=meeting_period(calendar[mid]),
            citations=[Citation(row.number, f["citation"])],
            extractor=EXTRACTOR,
            confidence=1.0,
            status="accepted",
            attributes={
                "kind": "meeting",
                "meeting": mid,
                "city": calendar[mid].city,
                "as": role,
                "row": row.number,
            },
        )
        for mid, a, b in found
    ]


def import_attendance(
    store: Store, text: str, source: str, vocab: Vocabulary | None = None, user: str = "attendance-import"
) -> ImportReport:
    """Store an attendance list and one ``diplomacy`` fact per state and meeting attended."""
    vocab = vocab or load_vocab()
    calendar = load_meetings()
    doc_id, _ = store.save_document(data_document(text, source, "csv", "Meeting attendance"), user=user)
    _, rows = read_rows(text)
    report = ImportReport(doc=doc_id, rows=len(rows))
    facts: list[Fact] = []
    for row in rows:
        try:
            facts.extend(row_facts(row, doc_id, vocab, calendar))
        except ValueError as e:
            report.left_out.append(RowError(row.number, str(e)))
    report.added = store.save_facts(facts, user=user)
    return report
