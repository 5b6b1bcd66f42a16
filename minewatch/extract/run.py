"""Run every extractor over a document's body sentences, table rows and footnotes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from minewatch.extract import (
    alternatives,
    destruction,
    diplomacy,
    mine_action,
    numbers,
    patterns,
    polarity,
    policy,
    production,
    rules,
    sentences,
    similar,
    stockpile,
    transfer,
    treaty,
    use,
)
from minewatch.extract.attribution import verb_within
from minewatch.extract.context import DocContext, Sentence
from minewatch.extract.lexicon import Cues
from minewatch.heap import paused_gc
from minewatch.model import Document, Fact
from minewatch.vocab import Vocabulary

Extractor = Callable[[Sentence], list[Fact]]
# A one-line paragraph ending "….[4]" is a sentence with its note marker, whatever its
# shape made ingest call it.
SENTENCE_WITH_NOTE = patterns.compile(r"\w[.!?][”\"’)]*(?:\[\d{1,3}\])+\s*$")
# A short line with no closing punctuation and no figure is a heading, whatever ingest called
# it ("Mines retained for training (Form D)"): it names a section, it states nothing.
HEADING_LIKE = patterns.compile(r"[^\n.!?;:”\"’\]\d]{3,80}(?<![.!?;:”\"’\]])\s*")

EXTRACTORS: dict[str, Extractor] = {
    "stockpile": stockpile.extract,
    "production": production.extract,
    "transfer": transfer.extract,
    "use": use.extract,
    "policy": policy.extract,
    "treaty": treaty.extract,
    "diplomacy": diplomacy.extract,
    "destruction": destruction.extract,
    "alternatives": alternatives.extract,
    "mine_action": mine_action.extract,
}
# The words each extractor needs in a sentence before its patterns are worth running:
# one scan for all of them is far cheaper than the regular expressions it saves.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "stockpile": stockpile.KEYWORDS,
    "production": production.KEYWORDS,
    "transfer": transfer.KEYWORDS,
    "use": use.KEYWORDS,
    "policy": policy.KEYWORDS,
    "treaty": treaty.KEYWORDS,
    "diplomacy": diplomacy.KEYWORDS,
    "destruction": destruction.KEYWORDS,
    "alternatives": alternatives.KEYWORDS,
    "mine_action": mine_action.KEYWORDS,
}
# Finer groups of words extractors test a sentence for, found in the same scan.
CUES: dict[str, tuple[str, ...]] = (
    policy.CUES
    | rules.CUES
    | polarity.CUES
    | treaty.CUES
    | use.CUES
    | stockpile.CUES
    | diplomacy.CUES
    | destruction.CUES
    | {"numbers.words": tuple(numbers.WORDS)}
)


def document_sentences(doc: Document, vocab: Vocabulary, doc_id: str | None = None) -> list[Sentence]:
    """Sentences in reading order: body and table paragraphs, then the notes."""
    ctx = DocContext.of(doc, vocab, doc_id, cue_words())
    out: list[Sentence] = []
    caption: str | None = None
    notes = sorted((f.start, f.number) for f in doc.footnotes.values() if f.start is not None)
    note_starts = [a for a, _n in notes]
    for p in doc.paragraphs:
        if p.kind == "meta" or (
            not diplomacy.STATEMENT_TITLE.match(doc.text, p.start, p.end)  # a statement's title speaks
            and (
                (p.kind == "heading" and not SENTENCE_WITH_NOTE.search(doc.text, p.start, p.end))
                or (
                    p.kind == "body"
                    and p.end - p.start <= 82
                    and HEADING_LIKE.fullmatch(doc.text, p.start, p.end)
                )
            )
        ):
            continue
        if p.kind == "table":
            # the table's first line, after the heading it sits under ("Form D: Mines retained for training")
            caption = caption or " — ".join(
                filter(None, [_last_heading(p.heading), doc.text[p.start : p.end]])
            )
            out.append(Sentence(ctx, p.start, p.end, section=p.section, kind="table", caption=caption))
            continue
        caption = None
        note = None
        start = p.start
        if p.kind == "footnote":
            i = bisect_left(note_starts, p.start)  # the first note body starting in the paragraph
            if i == len(notes) or notes[i][0] >= p.end:
                continue
            start, note = notes[i]
        previous = None
        lead = _lead_state(doc.text, start, p.end, vocab) if note is None else None
        if note is None and lead is None:
            start = _past_label(doc.text, start, p.end)
        for s, e in sentences.split(doc.text, start, p.end):
            if e < p.end and doc.text[e] == "\n" and not diplomacy.STATEMENT_TITLE.match(doc.text, s, e):
                continue  # a title on a line of its own ("Form D. Mines retained"): it names, it states nothing
            sentence = Sentence(
                ctx,
                s,
                e,
                section=p.section,
                footnote=note,
                kind="footnote" if note is not None else "body",
                previous=previous,
                lead=lead,
            )
            out.append(sentence)
            previous = sentence
    ctx.sentences = out
    return out


def _last_heading(path: str | None) -> str | None:
    return path.rsplit(" > ", 1)[-1] if path else None


LEAD_NAME = patterns.compile(r"[ \t]*([A-Z][^:\n]{1,50}):\s")  # "ALGERIA: Algeria submitted …"


def _lead_state(text: str, start: int, end: int, vocab: Vocabulary) -> str | None:
    """The state a paragraph names before a colon at its start, as digests of many states do."""
    m = LEAD_NAME.match(text, start, end)
    return vocab.state_code(m.group(1).strip()) if m else None


# A short label opening a paragraph ("Production: Of the states outside …", "Signatories that have
# not ratified: The Marshall Islands signed …"): it heads what follows, it is no part of its sentence.
LABEL = patterns.compile(r"[ \t]*[A-Z][^:\n.;,]{0,60}?:[ \t]+(?=[A-Z“\"(])")
LABEL_WORDS = 6
LABELLED_REACH = 200  # characters after a label in which a verb shows a sentence follows, not a list


def _past_label(text: str, start: int, end: int) -> int:
    """Where a paragraph's first sentence starts: past a label, where a sentence (a verb) follows it."""
    m = LABEL.match(text, start, end)
    if (
        m is None
        or m.group(0).count(" ") > LABEL_WORDS
        or verb_within(text, m.end(), min(end, m.end() + LABELLED_REACH)) is None
    ):
        return start
    return m.end()


@lru_cache(maxsize=1)
def cue_words() -> Cues:
    """The extractors' keywords and their finer cue groups, found in a sentence in one pass."""
    return Cues.of(KEYWORDS | CUES)


def wanted(sentence: Sentence) -> frozenset[str]:
    """The extractors worth running on ``sentence``."""
    if sentence.kind == "table":
        return TABLE_EXTRACTORS
    return EXTRACTOR_NAMES & sentence.cues


EXTRACTOR_NAMES = frozenset(EXTRACTORS)
TABLE_EXTRACTORS = frozenset({"stockpile", "destruction"})


def extract(doc: Document, vocab: Vocabulary) -> list[Fact]:
    """Candidate facts from every sentence; each fact is valid and names a known state."""
    with paused_gc():  # thousands of short-lived objects; the one cycle is broken below
        found = document_sentences(doc, vocab)
        try:
            return _extract(found, vocab)
        finally:  # free the sentences by reference count before the collector resumes
            if found:
                found[0].ctx.sentences = []  # each sentence holds the context
            found.clear()


def _extract(found: list[Sentence], vocab: Vocabulary) -> list[Fact]:
    facts: list[Fact] = []
    chosen: dict[frozenset[str], list[Extractor]] = {}  # the extractors each set of names runs
    if found:
        policy.scan(found[0].ctx, found)
    for sentence in found:
        if sentence.is_reference:
            continue
        names = wanted(sentence)
        if not names or sentence.is_question:
            continue
        runs = chosen.get(names)
        if runs is None:  # few sets of names occur: each is looked up once per document
            runs = chosen[names] = [run for name, run in EXTRACTORS.items() if name in names]
        for run in runs:
            for fact in run(sentence):
                if fact.state and fact.state in vocab.states and fact.indicator in vocab.indicators:
                    facts.append(fact)
    facts += [f for f in similar.carry(found, facts) if f.state in vocab.states]
    return treaty.consistent(facts)
