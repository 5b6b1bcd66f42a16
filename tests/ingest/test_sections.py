"""Section recovery on the development profile, whose scrape lost headings and a table's numbers."""

from __future__ import annotations

import pytest

from minewatch import ingest
from minewatch.ingest.metadata import subject_state
from minewatch.ingest.readers import Parsed
from minewatch.vocab import load
from tests.conftest import PROFILE

# One entry per paragraph before the notes, in order: (kind, section, inferred).
# Headings that survived open their section; after a lost heading (a gap of blank
# lines) the section is inferred from the paragraph's content and stays so until
# the next heading that names a section.
H, B, T, M = "heading", "body", "table", "meta"
EXPECTED = (
    [(H, None, False), (H, "mine_ban_policy", False), (M, None, False)]
    + [(B, "mine_ban_policy", True)] * 6
    + [(H, "mine_ban_policy", False)]
    + [(B, "mine_ban_policy", False)] * 8
    + [(B, "use", True)] * 7
    + [(B, "transfer", True)] * 2
    + [(B, "production", True)] * 3
    + [(H, "alternatives", False)]
    + [(B, "alternatives", False)] * 4
    + [(B, "stockpile", True)] * 2
    + [(T, "stockpile", True)] * 11  # caption, header row, 8 rows, the note under it
    + [(H, "stockpile_destruction", False)]
    + [(B, "stockpile_destruction", False)] * 7
    + [(B, "retained", True)]
)


@pytest.fixture(scope="module")
def profile():
    return ingest.read(PROFILE)


def test_every_paragraph_sits_in_the_right_section(profile):
    got = [(p.kind, p.section, p.section_inferred) for p in profile.paragraphs[: len(EXPECTED)]]
    for i, (g, e) in enumerate(zip(got, EXPECTED, strict=True)):
        assert g == e, f"paragraph {i}: {profile.text[profile.paragraphs[i].start :][:60]!r}"
    assert {p.kind for p in profile.paragraphs[len(EXPECTED) :]} == {"footnote"}


def test_table_rows_keep_their_bracketed_counts_as_text_not_markers(profile):
    rows = [p for p in profile.paragraphs if p.kind == "table"]
    mine_rows = [profile.text[p.start : p.end] for p in rows if profile.text[p.start : p.end].startswith("M")]
    assert len(mine_rows) == 4 and all(r.endswith("]") for r in mine_rows)
    marked = {m.number for m in profile.markers if any(p.start <= m.start < p.end for p in rows)}
    assert marked == {26}  # only the caption's glued marker is a footnote


def test_heading_path_and_stockpile_destruction_heading(profile):
    heading = next(p for p in profile.paragraphs if p.section == "stockpile_destruction")
    assert heading.kind == "heading"
    assert heading.heading == "United States > Stockpile destruction"
    after = profile.paragraphs[profile.paragraphs.index(heading) + 1]
    assert after.heading == heading.heading and not after.section_inferred


def test_date_and_missing_notes(profile):
    assert str(profile.date) == "2020-11-16" and profile.date_source == "document"
    assert profile.missing_footnotes == [1, 5, 12, 21, 33]
    assert profile.unused_footnotes == []


def test_a_document_naming_several_states_once_each_is_about_none_of_them() -> None:
    text = "The Council welcomes Tuvalu's accession, regrets Finland's withdrawal and thanks Chile.\n"
    doc = ingest.build(Parsed(text, "text"), "council.txt", load())
    doc.title = None
    assert subject_state(doc, load()) is None
    doc.text = text + "Chile completed clearance; Chile reported it.\n"
    assert subject_state(doc, load()) == "CHL"
