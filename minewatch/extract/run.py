"""Run every extractor over a document's body sentences, table rows and footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from minewatch.extract import (
    alternatives,
    destruction,
    diplomacy,
    mine_action,
    policy,
    production,
    sentences,
    stockpile,
    transfer,
    treaty,
    use,
)
from minewatch.extract.context import DocContext, Sentence
from minewatch.extract.lexicon import trie_pattern
from minewatch.model import Document, Fact
from minewatch.vocab import Vocabulary

Extractor = Callable[[Sentence], list[Fact]]
# A one-line paragraph ending "….[4]" is a sentence with its note marker, whatever its
# shape made ingest call it.
SENTENCE_WITH_NOTE = re.compile(r"\w[.!?][”\"’)]*(?:\[\d{1,3}\])+\s*$")

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
# substring tests are far cheaper than the regular expressions they save.
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


def document_sentences(doc: Document, vocab: Vocabulary, doc_id: str | None = None) -> list[Sentence]:
    """Sentences in reading order: body and table paragraphs, then the notes."""
    ctx = DocContext.of(doc, vocab, doc_id)
    out: list[Sentence] = []
    caption: str | None = None
    for p in doc.paragraphs:
        if p.kind == "meta" or (
            p.kind == "heading" and not SENTENCE_WITH_NOTE.search(doc.text, p.start, p.end)
        ):
            continue
        if p.kind == "table":
            caption = caption or doc.text[p.start : p.end]
            out.append(Sentence(ctx, p.start, p.end, section=p.section, kind="table", caption=caption))
            continue
        caption = None
        note = None
        start = p.start
        if p.kind == "footnote":
            body = next(
                (f for f in doc.footnotes.values() if f.start is not None and p.start <= f.start < p.end),
                None,
            )
            if body is None:
                continue
            note, start = body.number, body.start
        previous = None
        for s, e in sentences.split(doc.text, start, p.end):
            sentence = Sentence(
                ctx,
                s,
                e,
                section=p.section,
                footnote=note,
                kind="footnote" if note is not None else "body",
                previous=previous,
            )
            out.append(sentence)
            previous = sentence
    return out


@lru_cache(maxsize=1)
def _gate() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One pass over a sentence finds which extractors' keywords it holds.

    Keywords match at the start of a word ("aim" is not in "claim"); a keyword
    found also stands for every shorter keyword it begins with.
    """
    owners: dict[str, set[str]] = {}
    for name, words in KEYWORDS.items():
        for w in words:
            owners.setdefault(w, set()).add(name)
    table = {w: frozenset(set().union(*(owners[k] for k in owners if w.startswith(k)))) for w in owners}
    return re.compile(r"\b" + trie_pattern(sorted(owners))), table


def wanted(sentence: Sentence) -> set[str]:
    """The extractors worth running on ``sentence``."""
    if sentence.kind == "table":
        return {"stockpile"}
    pattern, table = _gate()
    return set().union(*[table[w] for w in pattern.findall(sentence.low)])


def extract(doc: Document, vocab: Vocabulary) -> list[Fact]:
    """Candidate facts from every sentence; each fact is valid and names a known state."""
    facts: list[Fact] = []
    found = document_sentences(doc, vocab)
    if found:
        policy.scan(found[0].ctx, found)
    for sentence in found:
        if sentence.is_reference:
            continue
        names = wanted(sentence)
        for name, run in EXTRACTORS.items():
            if name not in names:
                continue
            for fact in run(sentence):
                if fact.state and fact.state in vocab.states and fact.indicator in vocab.indicators:
                    facts.append(fact)
    return facts
