"""What an extractor sees: one sentence, with its document, offsets, footnotes and neighbours."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from minewatch.extract import attribution, dates, numbers, patterns, polarity
from minewatch.extract.lexicon import Cues
from minewatch.model import Citation, Document, Fact, Period
from minewatch.vocab import Vocabulary
from minewatch.vocab.lexicon import Lexicon

BRACKETED = patterns.compile(r"\s*\(([^()]{3,40})\)")  # "Ukraine (December 2005)": a date of its own

LIST_JOIN = patterns.compile(r",?\s*(?:and|or)?\s*")  # what stands between the states of a list
# In a note, a quoted title ("Title,") names a cited source: its words are not
# claims ("US Ends Self-Imposed Ban on Use of Landmines,").
TITLE = patterns.compile(r"[“\"][^”\"]{3,300}?,\s?[”\"]")
# A parliamentary question's opening words: the question runs on whatever its punctuation.
QUESTION = patterns.compile(r"(?:Question\s*:\s*)?To ask (?:the|whether|what|how)\b|Question\s*:")
TITLE_END = ","  # every title ends in a comma before its closing quote
# Notes that only cite a source: "See, …", "Letter from …", "Presentation by …".
REFERENCE = patterns.compile(
    r"^\W*(?:See\b|See also\b|Letter (?:to|from)\b|Presentation by\b|Statement by\b|Meeting with\b|"
    r"Remarks by\b|Information provided\b|Data on\b|According to a \d{4}\b)",
    re.IGNORECASE,
)


PRONOUNS = ("It ", "They", "She ", "He ")
# A state speaking for itself: "We have not provided …", "Our policy, announced in June 2022, …"
FIRST_PERSON = patterns.compile(
    r"\W*(?:[A-Z][A-Z. ]{1,30}:\s+)?(?:(?:yes|no)[.,]\s+)?(?:we|our|us)\b", re.IGNORECASE
)
SPEAKER_REACH = 300  # characters at a document's start whose first state is the one that says "we"
# A news dateline opening a sentence ("(Baku, 14 May 2025) - ", "SEOUL, 8 October 2025 – "): its
# date is the document's, not the date of what the sentence tells.
DATELINE = patterns.compile(r"\(?[A-Z][A-Za-z .'’-]{1,30},\s+[^()\n]{4,30}?\)?\s*[–—-]+\s+")
DATELINE_REACH = 40
SENTENCE_MARKS = '.?!…"”’)]:'  # what a sentence (or a label before it) ends with, before the space after it
# Where one clause of a sentence ends and another, with its own verb and time, begins.
CLAUSE_BREAK = patterns.compile(
    r",?\s+and\s+(?=(?:it|they|has|have|had|is|was|its|said|says|added|stated|still|now|holds|retains|keeps)\b)|"
    r";\s*|,\s+(?:but|which|while)\b|"
    r",\s+(?:the (?:first|last) )?since\b"  # "…, the first since its withdrawal took effect on …"
)


class cached:  # noqa: N801 - used as a decorator, like functools.cached_property
    """A property computed once per instance and then read from the instance's dict.

    functools.cached_property takes a lock on every first access in Python 3.11,
    which costs more than most of the properties it would cache here.
    """

    def __init__(self, func: Callable) -> None:
        self.func, self.name = func, func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass
class DocContext:
    """What every sentence of one document shares."""

    doc: Document
    doc_id: str
    vocab: Vocabulary
    fiscal_start: int = 1
    anchors: dict[int, int] = field(default_factory=dict)  # note number -> offset of its first marker
    versions: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of policy versions
    admins: dict[str, int] = field(default_factory=dict)  # administration name -> policy year
    cache: dict = field(default_factory=dict)  # per-document results extractors reuse
    cue_words: Cues | None = None  # the cue groups extractors gate on (see ``Sentence.cues``)
    sentences: list[Sentence] = field(default_factory=list)  # every sentence, in reading order

    def plain(self) -> tuple[str, str]:
        """The text with no-break spaces made plain, and that lower-cased."""
        if "plain" not in self.cache:
            plain = self.doc.text.replace("\xa0", " ")
            self.cache["plain"] = plain, plain.lower()
        return self.cache["plain"]

    def plain_lowers_in_place(self) -> bool:
        """Whether each stretch of ``plain`` lower-cased is that stretch of its lower-cased copy
        (not so where lower-casing changes a length, or a final sigma depends on what follows)."""
        if "in_place" not in self.cache:
            plain, low = self.plain()
            self.cache["in_place"] = len(plain) == len(low) and "Σ" not in plain
        return self.cache["in_place"]

    def speaker(self) -> str | None:
        """The state a document speaks for when it says "we": the first one its opening lines name
        (a title, a dateline: "Washington, 21 June 2024"), else the state it is about."""
        if "speaker" not in self.cache:
            plain, low = self.plain()
            found = self.lexicon(0).find(plain[:SPEAKER_REACH], low[:SPEAKER_REACH])
            self.cache["speaker"] = (found[0][2] if found else None) or self.doc.subject_state
        return self.cache["speaker"]

    def caption_dates(self, caption: str) -> list[dates.Found]:
        """The dates in a table's caption, which every row of the table asks for."""
        key = ("caption", caption)
        if key not in self.cache:
            self.cache[key] = dates.find(caption.replace("\xa0", " "), self.doc.date)
        return self.cache[key]

    def note_date(self, number: int) -> Period | None:
        """The last full date in note ``number``: the cited source's, which dates what the note quotes."""
        key = ("note_date", number)
        if key not in self.cache:
            note = self.doc.footnotes.get(number)
            found = dates.find(note.text.replace("\xa0", " ")) if note is not None and note.text else []
            days = [f.period for f in found if f.period.precision == "day"]
            self.cache[key] = days[-1] if days else None
        return self.cache[key]

    def lexicon(self, which: int) -> Lexicon:
        return self.vocab.mine_lexicon if which else self.vocab.state_lexicon

    def names(self, which: int) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Every state (0) or mine-type (1) name in the document, found in one pass, with their starts."""
        key = ("names", which)
        if key not in self.cache:
            found = self.lexicon(which).find(*self.plain())
            self.cache[key] = ([a for a, _b, _k in found], found)
        return self.cache[key]

    def names_within(self, which: int, start: int, end: int) -> list[tuple[int, int, str]] | None:
        """The names ``names`` would give inside [start, end), from a scan of that span only.

        Most documents need names in under half their sentences. None where the span's
        edges are not sentence or paragraph ends, so a name might cross one.
        """
        lexicon = self.lexicon(which)
        plain, low = self.plain()
        if lexicon.spans_sentences or len(low) != len(plain):
            return None
        if not (_edge(plain, start - 1, start - 2) and _edge(plain, end, end - 1)):
            return None
        return lexicon.find(plain, low, start, end)

    @classmethod
    def of(
        cls, doc: Document, vocab: Vocabulary, doc_id: str | None = None, cues: Cues | None = None
    ) -> DocContext:
        anchors: dict[int, int] = {}
        for m in doc.markers:
            anchors.setdefault(m.number, m.start)
        state = vocab.states.get(doc.subject_state or "")
        fiscal = state.fiscal_start if state else 1
        return cls(doc, doc_id or doc.id, vocab, fiscal, anchors, cue_words=cues)


def _edge(text: str, space: int, before: int) -> bool:
    """Whether ``text[space]`` ends a paragraph, or is a space after a sentence's last mark."""
    if space < 0 or space >= len(text):
        return True
    return text[space] == "\n" or (text[space].isspace() and before >= 0 and text[before] in SENTENCE_MARKS)


@dataclass
class Sentence:
    ctx: DocContext
    start: int
    end: int
    section: str | None = None
    footnote: int | None = None  # the note this sentence sits in, if any
    kind: str = "body"  # body, footnote or table
    previous: Sentence | None = None  # the sentence before, in the same paragraph
    caption: str | None = None  # for a table row: the table's first line
    lead: str | None = None  # the state a paragraph opens with ("ALGERIA: …"), its sentences' default

    @property
    def doc(self) -> Document:
        return self.ctx.doc

    @property
    def vocab(self) -> Vocabulary:
        return self.ctx.vocab

    @cached
    def raw(self) -> str:
        return self.doc.text[self.start : self.end]

    @cached
    def text(self) -> str:
        """The sentence with no-break spaces made plain and, in notes, cited titles blanked.

        Same length as ``raw``, so offsets into one are offsets into the other.
        """
        t = self.ctx.plain()[0][self.start : self.end]
        if self.footnote is not None and TITLE_END in t:
            blanked = TITLE.sub(lambda m: " " * len(m.group(0)), t)
            if blanked != t:
                self.__dict__["_blanked"] = True
                return blanked
        return t

    @property
    def blanked(self) -> bool:
        """Whether ``text`` blanked a cited title (it records so when it is worked out)."""
        if "text" not in self.__dict__:
            self.text  # noqa: B018 - works it out
        return "_blanked" in self.__dict__

    @cached
    def low(self) -> str:
        """``text`` in lower case, for case-blind patterns (which run over twice as fast as IGNORECASE)."""
        text = self.text
        if not self.blanked and self.ctx.plain_lowers_in_place():
            return self.ctx.plain()[1][self.start : self.end]
        low = text.lower()
        return low if len(low) == len(text) else text

    @cached
    def cues(self) -> frozenset[str]:
        """The cue groups (extractor names, and finer groups extractors name) the sentence has words of."""
        if self.ctx.cue_words is None:
            from minewatch.extract.run import cue_words  # run knows every extractor's words

            self.ctx.cue_words = cue_words()
        return self.ctx.cue_words.find(self.low)

    @cached
    def is_reference(self) -> bool:
        """A note sentence that cites a source rather than stating a fact."""
        return self.footnote is not None and (
            bool(REFERENCE.match(self.text))
            # ``text`` blanked a cited title (every match holds a quote mark, so blanking changes it)
            or self.blanked
        )

    @property
    def is_question(self) -> bool:
        """A question asks, it does not state ("Question: To ask … how much … has spent …?")."""
        t = self.text
        return t.rstrip(' ”"’)').endswith("?") or (t[:1] in "QT" and QUESTION.match(t) is not None)

    @cached
    def quantities(self) -> list[numbers.Quantity]:
        return numbers.find(self.text, self.start, self.low, words="numbers.words" in self.cues)

    @cached
    def periods(self) -> list[dates.Found]:
        prev = (
            self.previous.last_period
            if self.previous and any(a in self.low for a in dates.ANAPHORS)
            else None
        )
        low = self.low if self.low is not self.text else None  # the same text lower-cased, if it is
        found = dates.find(self.text, self.doc.date, self.start, self.ctx.fiscal_start, prev, low)
        head = DATELINE.match(self.text) if found and found[0].start - self.start < DATELINE_REACH else None
        return [f for f in found if f.start >= self.start + head.end()] if head else found

    @cached
    def last_period(self) -> Period | None:
        """The period this sentence leaves in force for the next one ("That year")."""
        if self.periods:
            return self.periods[-1].period
        return self.previous.last_period if self.previous else None

    @cached
    def mine_types(self) -> list[tuple[int, int, str]]:
        return self._names(1)

    @cached
    def states(self) -> list[tuple[int, int, str]]:
        found = self._names(0)
        found += [
            (s + self.start, e + self.start, c)
            for s, e, c in attribution.elliptic_states(self.text, self.vocab.state_code)
        ]
        return sorted(found)

    def _names(self, which: int) -> list[tuple[int, int, str]]:
        """Names (0: states, 1: mine types) inside the sentence, from one pass over the whole document.

        A name in a blanked citation title does not count.
        """
        out = (
            None if ("names", which) in self.ctx.cache else self.ctx.names_within(which, self.start, self.end)
        )
        if out is None:
            starts, found = self.ctx.names(which)
            i, j = bisect_left(starts, self.start), bisect_left(starts, self.end)
            out = [(a, b, k) for a, b, k in found[i:j] if b <= self.end]
        if self.footnote is not None:
            out = [(a, b, k) for a, b, k in out if self.text[a - self.start : b - self.start].strip()]
        return out

    @cached
    def citations(self) -> list[Citation]:
        """The footnotes the sentence carries; a sentence inside a note cites that note."""
        numbers_ = [self.footnote] if self.footnote else self.doc.markers_in(self.start, self.end)
        return [
            Citation(n, (self.doc.footnotes.get(n).text if self.doc.footnotes.get(n) else None))
            for n in numbers_
        ]

    @cached
    def subjects(self) -> list[str]:
        previous = (
            self.previous.subjects
            if self.previous is not None and self.text.lstrip().startswith(PRONOUNS)
            else None
        )
        fallback = self.ctx.speaker() if FIRST_PERSON.match(self.text) else self.doc.subject_state
        return attribution.subject_states(
            self.text, self.states, self.start, self.lead or fallback, previous, self.zone
        )

    @cached
    def zone(self) -> tuple[int, int, re.Match | None]:
        """Where the subject is named, and the main verb (see ``attribution.zone``): asked twice."""
        return attribution.zone(self.text)

    @cached
    def state(self) -> str | None:
        return self.subjects[0] if self.subjects else None

    @cached
    def locations(self) -> list[str]:
        return attribution.locations(self.text, self.states, self.start, self.state)

    @cached
    def context_before(self) -> str:
        """The text a reader has seen before this sentence: for a note, up to its marker."""
        if self.footnote is not None and self.footnote in self.ctx.anchors:
            return self.doc.text[: self.ctx.anchors[self.footnote]]
        return self.doc.text[: self.start]

    @cached
    def source_date(self) -> Period | None:
        """In a note, the date of the cited source (its last full date), which dates a quote."""
        return None if self.footnote is None else self.ctx.note_date(self.footnote)

    def as_of(self) -> Period | None:
        """When a present-tense statement holds: the source's date in a note, else the document's."""
        if self.source_date:
            return self.source_date
        d = self.doc.date
        return Period(d.isoformat(), d.isoformat(), "day", "as of document date") if d else None

    @cached
    def listed(self) -> list[tuple[int, int, str]] | None:
        """The states listed after a colon when the subject is a group of states or the treaty
        ("Four signatory states have ratified: Ukraine (December 2005), Haiti …"); None when the
        subject is not such a group (an empty list: a group, and no states listed)."""
        head, limit, _verb = self.zone
        if any(head <= a - self.start < limit for a, _b, _c in self.states):
            return None
        if not (
            attribution.GROUP.search(self.text, head, limit)
            or attribution.TREATY_SUBJECT.match(self.text, head)
        ):
            return None
        colon = self.text.find(":", limit)
        out: list[tuple[int, int, str]] = []
        for m in self.states:
            if colon != -1 and m[0] - self.start > colon and all(m[2] != c for *_, c in out):
                out.append(m)  # "the United Arab Emirates (UAE)": once
        return out

    def listed_from(self, at: int) -> list[str]:
        """The states named one after another from ``at`` (local): "Russia and Myanmar", "Russia, Myanmar"."""
        return self.listed_span(at)[0]

    def listed_span(self, at: int) -> tuple[list[str], int]:
        """``listed_from(at)``, and where (local) the list ends (``at`` if it names none)."""
        out = []
        for a, b, code in self.states:
            if a - self.start < at:
                continue
            if a - self.start - at > 0 and not LIST_JOIN.fullmatch(self.low, at, a - self.start):
                break
            if code not in out:
                out.append(code)
            at = b - self.start
        return out, at

    def per_subject(self, fact: Fact) -> list[Fact]:
        """The fact once for each state of a coordinated subject ("Neither Finland nor Poland has …"),
        or of the list a group subject names, each with the date in brackets after it if any."""
        if fact.state == self.state and self.listed is not None:
            return [
                replace(
                    fact,
                    state=code,
                    when=self._bracketed_date(end) or fact.when,
                    attributes=dict(fact.attributes),
                )
                for _start, end, code in self.listed
            ]
        if fact.state != self.state or len(self.subjects) < 2:
            return [fact]
        return [fact] + [
            replace(fact, state=code, attributes=dict(fact.attributes)) for code in self.subjects[1:]
        ]

    def _bracketed_date(self, end: int) -> Period | None:
        """The period in brackets right after a name ending at ``end``: "Ukraine (December 2005)"."""
        m = BRACKETED.match(self.text, end - self.start)
        if not m:
            return None
        return next((f.period for f in self.periods if m.start(1) <= f.start - self.start < m.end(1)), None)

    @cached
    def clause_cuts(self) -> list[tuple[int, int]]:
        """Where clauses end and the next begin, as (end, start) offsets into the sentence text."""
        return sorted(
            [m.span() for m in CLAUSE_BREAK.finditer(self.low)] + polarity.relative_closes(self.low)
        )

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The absolute span of the clause holding ``offset`` ("…, and it has not …" starts a new one,
        and "…, which has not joined the treaty, …" is one of its own)."""
        lo, hi = self.start, self.end
        for a, b in self.clause_cuts:
            at = self.start + a
            if at <= offset:
                lo = self.start + b
            else:
                hi = at
                break
        return lo, hi

    def period_near(self, offset: int, clause: bool = False) -> Period | None:
        """The period closest to ``offset`` (absolute), one after it winning a near tie.

        With ``clause``, only a period in the same clause counts.
        """
        found = self.periods
        if clause:
            lo, hi = self.clause_bounds(offset)
            found = [f for f in found if lo <= f.start < hi]
        if not found:
            return None
        return min(found, key=lambda f: abs(f.start - offset) + (0 if f.start >= offset else 5)).period

    def negated(self, trigger: int, window: int = 80) -> bool:
        """Whether a negation governs the word at ``trigger`` (see ``polarity.negated``)."""
        if "negation" not in self.cues and "n't" not in self.low and "n’t" not in self.low:
            return False
        return polarity.negated(self.low, trigger, window)

    def before(self, window: int) -> list[Sentence]:
        """Body sentences ending at most ``window`` characters before this one, nearest first."""
        out = []
        for other in reversed(self.ctx.sentences):
            if other.start >= self.start or other.kind != "body":
                continue
            if self.start - other.end > window:
                break
            out.append(other)
        return out

    def fact(self, indicator: str, value, extractor: str, confidence: float = 0.7, **kw) -> Fact:
        """A candidate fact quoting this sentence, with its citations."""
        if "state" not in kw:  # not setdefault: a state or period given needs none worked out
            kw["state"] = self.state
        if "when" not in kw:
            kw["when"] = self.periods[0].period if self.periods else None
        return Fact(
            indicator=indicator,
            value=value,
            quote=self.raw,
            doc=self.ctx.doc_id,
            start=self.start,
            end=self.end,
            citations=list(self.citations),
            extractor=extractor,
            confidence=confidence,
            **kw,
        )
