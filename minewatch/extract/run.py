"""Run every extractor over a document's body sentences and footnotes."""

from __future__ import annotations

from collections.abc import Callable

from minewatch.extract import destruction, policy, production, sentences, stockpile, transfer, treaty, use
from minewatch.extract.context import Sentence
from minewatch.model import Document, Fact
from minewatch.vocab import Vocabulary

Extractor = Callable[[Sentence], list[Fact]]

EXTRACTORS: dict[str, Extractor] = {
    "stockpile": stockpile.extract,
    "production": production.extract,
    "transfer": transfer.extract,
    "use": use.extract,
    "policy": policy.extract,
    "treaty": treaty.extract,
    "destruction": destruction.extract,
}


def document_sentences(doc: Document, vocab: Vocabulary, doc_id: str | None = None) -> list[Sentence]:
    doc_id = doc_id or doc.id
    out = []
    for p in doc.paragraphs:
        if p.kind in ("heading", "meta", "table"):
            continue
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
        for s, e in sentences.split(doc.text, start, p.end):
            out.append(Sentence(doc, doc_id, vocab, s, e, section=p.section, footnote=note))
    return out


def extract(doc: Document, vocab: Vocabulary) -> list[Fact]:
    """Candidate facts from every sentence; each fact is valid and names a known state."""
    facts: list[Fact] = []
    doc_id = doc.id
    for sentence in document_sentences(doc, vocab, doc_id):
        for run in EXTRACTORS.values():
            for fact in run(sentence):
                if fact.state and fact.state in vocab.states and fact.indicator in vocab.indicators:
                    facts.append(fact)
    return facts
