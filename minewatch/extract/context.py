"""What an extractor sees: one sentence, with its document, offsets and footnotes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from minewatch.extract import dates, numbers
from minewatch.extract.attribution import subject_state
from minewatch.model import Citation, Document, Fact, Period
from minewatch.vocab import Vocabulary


@dataclass
class Sentence:
    doc: Document
    doc_id: str
    vocab: Vocabulary
    start: int
    end: int
    section: str | None = None
    footnote: int | None = None  # the note this sentence sits in, if any

    @cached_property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    @cached_property
    def quantities(self) -> list[numbers.Quantity]:
        return numbers.find(self.text, self.start)

    @cached_property
    def periods(self) -> list[dates.Found]:
        return dates.find(self.text, self.doc.date, self.start)

    @cached_property
    def mine_types(self) -> list[tuple[int, int, str]]:
        return [(s + self.start, e + self.start, m) for s, e, m in self.vocab.find_mine_types(self.text)]

    @cached_property
    def states(self) -> list[tuple[int, int, str]]:
        return [(s + self.start, e + self.start, c) for s, e, c in self.vocab.find_states(self.text)]

    @cached_property
    def citations(self) -> list[Citation]:
        """The footnotes the sentence carries; a sentence inside a note cites that note."""
        numbers_ = [self.footnote] if self.footnote else self.doc.markers_in(self.start, self.end)
        return [
            Citation(n, (self.doc.footnotes.get(n).text if self.doc.footnotes.get(n) else None))
            for n in numbers_
        ]

    @cached_property
    def state(self) -> str | None:
        return subject_state(self.text, self.states, self.start, self.doc.subject_state)

    def local(self, offset: int) -> int:
        return offset - self.start

    def period_near(self, offset: int) -> Period | None:
        """The period closest to ``offset`` (absolute), preferring one after it in the same clause."""
        if not self.periods:
            return None
        return min(self.periods, key=lambda f: abs(f.start - offset) + (0 if f.start >= offset else 5)).period

    def fact(self, indicator: str, value, extractor: str, confidence: float = 0.7, **kw) -> Fact:
        """A candidate fact quoting this sentence, with its citations."""
        kw.setdefault("state", self.state)
        kw.setdefault("when", self.periods[0].period if self.periods else None)
        return Fact(
            indicator=indicator,
            value=value,
            quote=self.text,
            doc=self.doc_id,
            start=self.start,
            end=self.end,
            citations=list(self.citations),
            extractor=extractor,
            confidence=confidence,
            **kw,
        )
