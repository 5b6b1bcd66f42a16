"""The profile: the Monitor's sections, one sentence per fact, numbered footnotes naming the source."""

from __future__ import annotations

import re

from minewatch.report import profile
from minewatch.vocab import load


def test_sections_in_print_order(corpus_store) -> None:
    md = profile.render(profile.build(corpus_store, "USA", load()), "md")
    titles = re.findall(r"^### (.+)$", md, re.M)
    assert titles[:7] == [
        "Mine Ban Policy",
        "Use",
        "Production",
        "Transfer",
        "Stockpiling and destruction",
        "Mines retained",
        "Alternatives",
    ]


def test_footnotes_are_numbered_once_each_and_name_the_source(corpus_store) -> None:
    p = profile.build(corpus_store, "USA", load())
    md = profile.render(p, "md")
    refs = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", md)]
    bodies = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", md, re.M)]
    assert refs == list(range(1, len(refs) + 1))
    assert bodies == refs
    assert len(refs) == sum(len(part.lines) for part in p.parts) > 20
    stock = next(n for n in p.notes if "3 million" in n.quote)
    assert stock.document == "United States" and stock.doc_date == "2020-11-16"
    assert stock.source_notes[0][0] == 24


def test_candidates_are_marked_unreviewed_and_missing_notes_said(corpus_store) -> None:
    md = profile.render(profile.build(corpus_store, "USA", load()), "md")
    assert "*(unreviewed)*" in md
    assert "the source gives no text for this note" in md  # e.g. the profile's note 1


def test_html_profile_links_each_sentence_to_its_note(corpus_store) -> None:
    html = profile.render(profile.build(corpus_store, "USA", load()), "html")
    refs = re.findall(r'href="#note-(\d+)"', html)
    notes = re.findall(r'<li id="note-(\d+)"', html)
    assert refs and refs == notes
    assert "<h2>Use</h2>" in html and "Last updated:" in html


def test_a_state_without_facts_prints_no_sentences(corpus_store) -> None:
    p = profile.build(corpus_store, "NZL", load())
    assert not p.notes and all(not part.lines for part in p.parts)
    assert "No evidence recorded." in profile.render(p, "md")
