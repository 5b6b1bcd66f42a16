"""A sentence's names come from a scan of the sentence alone, exactly as from the whole document."""

from __future__ import annotations

from bisect import bisect_left

from minewatch.extract.run import document_sentences
from minewatch.vocab import load
from tests.extract.conftest import document

TEXT = (
    "South Korea and the United States laid mines.[1] Korea, not the US, holds M16A1 mines. "
    "In 2014, the U.S. said so; Russia—and Ukraine—did not.\n\n"
    "“Myanmar used PMN-2 mines,” it said. (Syria.) Gator/ADAM systems; x-Russia and Russia-made.\n\n"
    "Notes\n\n1 See United States Department of State, “Russia Lays Mines,” 2022. Claymore M18A1."
)


def test_a_sentence_scan_finds_what_the_document_scan_finds() -> None:
    vocab = load()
    sentences = document_sentences(document(TEXT), vocab)
    scanned = 0
    for s in sentences:
        for which in (0, 1):
            starts, found = s.ctx.names(which)
            i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
            whole = [(a, b, k) for a, b, k in found[i:j] if b <= s.end]
            own = s.ctx.names_within(which, s.start, s.end)
            if own is not None:
                scanned += 1
                assert own == whole, s.raw
    assert scanned >= len(sentences)  # most sentences are scanned on their own
    assert any(k == "KOR" for s in sentences for *_, k in s.states)


def test_fiscal_years_follow_the_subject_states_calendar() -> None:
    """The same words span different months for a state whose fiscal year opens in July."""
    text = "The ministry spent $2 million on clearance in fiscal year 2021."
    spans = {}
    for state in ("AUS", "USA", "FRA"):
        (s,) = document_sentences(document(text, state=state), load())
        (found,) = s.periods
        spans[state] = (found.period.start, found.period.end)
    assert spans == {
        "AUS": ("2020-07-01", "2021-06-30"),
        "USA": ("2020-10-01", "2021-09-30"),
        "FRA": ("2021-01-01", "2021-12-31"),
    }


def test_a_short_line_without_closing_punctuation_is_read_as_a_heading() -> None:
    doc = document(
        "Peru report\n\nMines retained for training (Form D)\n\nPeru retains 1,890 mines for training.\n",
        state="PER",
    )
    texts = [doc.text[s.start : s.end] for s in document_sentences(doc, load())]
    assert texts == ["Peru retains 1,890 mines for training."]


def test_a_title_line_above_a_sentence_is_neither_part_of_it_nor_a_sentence():
    from tests.extract.conftest import facts_of

    text = "Form B. Stockpiled anti-personnel mines\nMoldova declares that it does not possess stockpiled anti-personnel mines."
    [fact] = facts_of(text, on="2025-04-28", indicator="stockpile")
    assert (fact.state, fact.polarity) == ("MDA", "denied")
    assert (
        facts_of(
            "Form D. Anti-personnel mines retained for training\nDetails are given below.",
            state="MDA",
            indicator="retained",
        )
        == []
    )


def test_a_short_title_line_heads_its_own_span_and_a_wrapped_line_does_not():
    from minewatch.extract.sentences import split

    text = "Form B. Stockpiled mines\nThe state holds none."
    assert [text[a:b] for a, b in split(text)] == ["Form B. Stockpiled mines", "The state holds none."]
    wrapped = (
        "The ministry said that the stockpile held by the armed forces at the end\nOf the year was destroyed."
    )
    assert len(split(wrapped)) == 1
