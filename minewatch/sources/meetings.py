"""Meeting attendance lists ("1MSP, 2MSP, …, 4RC, 18MSP") into one fact per meeting.

A list file is a CSV with ``state``, ``meetings`` and ``citation`` columns (and an
optional ``as``: "state party", "observer"). Ranges such as "1MSP-5MSP" cover
every meeting of that kind between the two, in calendar order. Each meeting gets
its date and place from the meeting calendar in ``vocab/data/meetings.yaml``.
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
SEPARATORS = re.compile(r"[,;]|\band\b")
RANGE = re.compile(r"^(?P<a>[^–—-]+?)\s*(?:[–—-]|\bto\b)\s*(?P<b>[^–—-]+)$")


def parse_attendance(text: str, calendar: dict[str, Meeting]) -> list[str]:
    """Meeting ids named in ``text``, in calendar order; ValueError names an unknown one."""
    order = list(calendar)
    found: set[str] = set()
    for part in SEPARATORS.split(text):
        part = part.strip().strip(".").replace("…", "").strip()
        if not part or part == "...":
            continue
        m = RANGE.match(part)
        if m:
            a, b = meeting_id(m["a"]), meeting_id(m["b"])
            if a not in calendar or b not in calendar or calendar[a].kind != calendar[b].kind:
                raise ValueError(f"bad meeting range {part!r}")
            lo, hi = sorted((order.index(a), order.index(b)))
            found |= {mid for mid in order[lo : hi + 1] if calendar[mid].kind == calendar[a].kind}
            continue
        mid = meeting_id(part)
        if mid not in calendar:
            raise ValueError(f"unknown meeting {part!r}")
        found.add(mid)
    return [mid for mid in order if mid in found]


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
    ids = parse_attendance(f.get("meetings", ""), calendar)
    if not ids:
        raise ValueError("no meetings listed")
    role = f.get("as") or None
    return [
        Fact(
            state=state,
            indicator="diplomacy",
            value="attended",
            quote=row.text,
            doc=doc_id,
            start=row.start,
            end=row.end,
            when=meeting_period(calendar[mid]),
            citations=[Citation(row.number, f["citation"])],
            extractor=EXTRACTOR,
            confidence=1.0,
            status="accepted",
            attributes={"kind": "meeting", "meeting": mid, "city": calendar[mid].city, "as": role},
        )
        for mid in ids
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
