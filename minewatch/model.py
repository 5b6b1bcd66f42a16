"""The domain records that flow between stages: documents and facts.

Stages hand these to the store and read them back from it; no stage imports
another stage's internals.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

FACT_STATUSES = ("candidate", "accepted", "rejected", "superseded")
POLARITIES = ("affirmed", "denied")
PRECISIONS = ("day", "month", "year", "range", "decade", "since", "until")


@dataclass
class Footnote:
    """A note body, or a marker whose body is missing (``text`` is None)."""

    number: int
    text: str | None
    start: int | None = None  # span of the body in the document text
    end: int | None = None


@dataclass
class Marker:
    """A footnote reference ``[N]`` (or superscript) in the document text."""

    number: int
    start: int
    end: int


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str = "body"  # body, heading, footnote, table, meta
    section: str | None = None  # id from vocab sections
    section_inferred: bool = False
    heading: str | None = None  # the heading path text it sits under
    page: int | None = None


@dataclass
class Document:
    text: str
    source: str
    format: str = "text"
    title: str | None = None
    date: date | None = None
    date_source: str | None = None  # "document", "given", "sidecar", "inferred"
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    subject_state: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)
    markers: list[Marker] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple:
        """Pickles its structure as rows of field values: documents cross from reader processes to
        the writer with hundreds of paragraphs, markers and notes each, and one object at a time
        cost more than reading the file. The writer stores the rows as they came."""
        state = {k: v for k, v in self.__dict__.items() if k not in STRUCTURE and k != ROWS}
        state[ROWS] = {name: structure_rows(self, name) for name in STRUCTURE}
        return _unpickle_document, (state,)

    @cached_property
    def id(self) -> str:
        """The content hash; computed once, since the text of a read document never changes."""
        return content_hash(self.text)

    @property
    def missing_footnotes(self) -> list[int]:
        used = {m.number for m in self.markers}
        return sorted(n for n in used if self.footnotes.get(n) is None or not self.footnotes[n].text)

    @property
    def unused_footnotes(self) -> list[int]:
        used = {m.number for m in self.markers}
        return sorted(n for n, f in self.footnotes.items() if f.text and n not in used)

    def markers_in(self, start: int, end: int) -> list[int]:
        """Footnote numbers whose markers sit in [start, end), or just after it."""
        out = []
        for m in self.markers:
            if start <= m.start < end + 2 and m.number not in out:
                out.append(m.number)
        return out


def field_values(record: type) -> attrgetter:
    """A record's field values in declaration order, as a tuple: its compact form on disk and on the wire."""
    return attrgetter(*(f.name for f in fields(record)))


PARAGRAPH_FIELDS, FOOTNOTE_FIELDS, MARKER_FIELDS = (
    field_values(Paragraph),
    field_values(Footnote),
    field_values(Marker),
)
# A document's structure, field by field: (its rows of field values, its records from those rows).
STRUCTURE: dict[str, tuple[Callable[[Document], list[tuple]], Callable[[list], Any]]] = {
    "paragraphs": (
        lambda d: list(map(PARAGRAPH_FIELDS, d.paragraphs)),
        lambda rows: [Paragraph(*r) for r in rows],
    ),
    "footnotes": (
        lambda d: list(map(FOOTNOTE_FIELDS, d.footnotes.values())),
        lambda rows: {r[0]: Footnote(*r) for r in rows},
    ),
    "markers": (
        lambda d: list(map(MARKER_FIELDS, d.markers)),
        lambda rows: [Marker(*r) for r in rows],
    ),
}
ROWS = "_rows"  # where an unpickled document keeps the structure no one has read yet


def structure_rows(doc: Document, name: str) -> list:
    """``doc``'s paragraphs, footnotes or markers as rows of field values, as stored."""
    held = doc.__dict__.get(ROWS)
    return held[name] if held and name in held else STRUCTURE[name][0](doc)


class _FromRows:
    """A structure field of an unpickled document: its records are built when first read.

    The writer stores rows and never reads records, so it never builds them.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, doc: Document | None, owner: type | None = None) -> Any:
        if doc is None:
            return self
        value = doc.__dict__[self.name] = STRUCTURE[self.name][1](doc.__dict__[ROWS].pop(self.name))
        return value


for _name in STRUCTURE:  # a record built the usual way holds its fields itself and never asks these
    setattr(Document, _name, _FromRows(_name))


def _unpickle_document(state: dict) -> Document:
    doc = Document.__new__(Document)
    doc.__dict__.update(state)
    return doc


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Period:
    """When a fact holds: an ISO date range with the precision the source gave."""

    start: str | None  # ISO date, first day of the period
    end: str | None  # ISO date, last day of the period
    precision: str  # one of PRECISIONS
    text: str = ""  # the words in the source

    def overlaps(self, other: Period) -> bool:
        a0, a1 = self.start or "0000", self.end or "9999"
        b0, b1 = other.start or "0000", other.end or "9999"
        return a0 <= b1 and b0 <= a1

    @property
    def year(self) -> int | None:
        return int(self.start[:4]) if self.start else (int(self.end[:4]) if self.end else None)


@dataclass
class Citation:
    number: int
    text: str | None  # None when the footnote body is missing


@dataclass
class Fact:
    state: str
    indicator: str
    value: float | str | None
    quote: str
    doc: str
    start: int
    end: int
    unit: str | None = None
    approx: str | None = None
    when: Period | None = None
    mine_types: list[str] = field(default_factory=list)
    polarity: str = "affirmed"
    citations: list[Citation] = field(default_factory=list)
    extractor: str = ""
    confidence: float = 0.5
    status: str = "candidate"
    attributes: dict = field(default_factory=dict)  # qualifiers: location, cost, provisions …
    id: int | None = None
    version: int = 1

    @property
    def key(self) -> str:
        """Identity of a fact within its document, stable across re-extraction."""
        raw = json.dumps(
            [self.doc, self.start, self.end, self.state, self.indicator, self.value, self.polarity],
            sort_keys=True,
        )
        return hashlib.sha1(raw.encode()).hexdigest()

    def to_dict(self) -> dict:
        return asdict(self)

    def record(self) -> dict:
        """Every field, plus the flat columns people and scripts read (period, when_text, cites).

        What ``minewatch facts --format jsonl`` prints and the API returns. Built by
        hand rather than with ``asdict``, which is several times slower.
        """
        d = dict(vars(self))
        w = self.when
        d["when"] = dict(vars(w)) if w else None
        d["mine_types"] = list(self.mine_types)
        d["citations"] = [dict(vars(c)) for c in self.citations]
        d["attributes"] = dict(self.attributes)
        d["when_text"] = w.text if w else None
        d["period"] = (
            None if w is None else w.start[:4] if w.precision == "year" else f"{w.start or ''}..{w.end or ''}"
        )
        d["cites"] = ",".join(str(c.number) for c in self.citations)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Fact:
        d = dict(d)
        when = d.get("when")
        d["when"] = Period(**when) if isinstance(when, dict) else when
        d["citations"] = [c if isinstance(c, Citation) else Citation(**c) for c in d.get("citations") or []]
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})
