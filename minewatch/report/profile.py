"""A country profile: the profile's sections, one sentence per fact, numbered footnotes.

Only facts are printed: a sentence with no fact behind it cannot appear, and
each sentence's footnote names the source document and the exact passage, with
the source's own footnote where the passage carried one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from minewatch.model import Fact
from minewatch.report.phrasing import sentence
from minewatch.store import Store
from minewatch.vocab import Vocabulary

PRINTED = ("accepted", "candidate")


@dataclass
class Note:
    number: int
    document: str
    doc_id: str
    doc_date: str | None
    quote: str
    source_notes: list[tuple[int, str | None]]  # (number in the source, its text or None)


@dataclass
class Line:
    text: str
    fact: Fact
    note: int
    unreviewed: bool
    stale: bool = False


@dataclass
class Part:
    id: str
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Profile:
    state: str
    name: str
    updated: str
    parts: list[Part]
    notes: list[Note]


def build(store: Store, state: str, vocab: Vocabulary, statuses: tuple[str, ...] = PRINTED) -> Profile:
    """Assemble the profile of ``state`` from the store's facts."""
    facts = [f for f in store.facts(state=state, status=list(statuses))]
    docs: dict[str, dict] = {d["id"]: d for d in store.documents()}
    parts: list[Part] = []
    notes: list[Note] = []
    newest = ""
    for section in vocab.profile:
        part = Part(section.id, section.title)
        chosen = sorted(
            (f for f in facts if f.indicator in section.indicators),
            key=lambda f: (
                section.indicators.index(f.indicator),
                (f.when.start or f.when.end or "") if f.when else "",
                f.id or 0,
            ),
        )
        for f in chosen:
            doc = docs.get(f.doc, {})
            # "last updated" is the newest source behind the profile, not a period's end: a
            # destruction deadline in 2033 says nothing about when the evidence was gathered.
            newest = max(newest, doc.get("date") or "")
            notes.append(
                Note(
                    len(notes) + 1,
                    doc.get("title") or doc.get("source") or f.doc[:12],
                    f.doc,
                    doc.get("date"),
                    f.quote,
                    [(c.number, c.text) for c in f.citations],
                )
            )
            part.lines.append(Line(sentence(f, vocab), f, len(notes), f.status != "accepted"))
        parts.append(part)
    name = vocab.states[state].name if state in vocab.states else state
    return Profile(state, name, newest[:10] or date.today().isoformat(), parts, notes)


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("minewatch.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(profile: Profile, fmt: str) -> str:
    """The profile as Markdown (``md``) or a standalone HTML page (``html``, with its charts)."""
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown profile format {fmt!r}: md or html (pdf: write or report.pdf)")
    extra = {}
    if fmt == "html":
        from minewatch.report.pdf import charts_by_part

        extra["charts"] = charts_by_part(profile)
    return _env().get_template(f"profile.{fmt}").render(p=profile, **extra)


def write(profile: Profile, fmt: str, path: Path) -> Path:
    """Write the profile as ``md``, ``html`` or ``pdf``."""
    if fmt == "pdf":
        from minewatch.report.pdf import write_pdf

        return write_pdf(profile, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(profile, fmt), encoding="utf-8")
    return path
