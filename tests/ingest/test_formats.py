"""The development profile rebuilt as HTML, PDF, DOCX and Markdown files reads back the same.

Each file is generated here from the corpus text; the test asserts the spans,
pages, headings, footnote links and dates each reader gives.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from minewatch import ingest
from minewatch.model import Document
from minewatch.vocab import load as load_vocab
from tests.conftest import PROFILE
from tests.ingest import make

PER_PAGE = 5


def norm(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def source() -> Document:
    return ingest.read(PROFILE)


def blocks(doc: Document) -> list[make.Block]:
    """The profile as (kind, text) blocks, lost headings restored; its notes as 'N text'."""
    out: list[make.Block] = []
    sections = load_vocab().sections
    previous = None
    for i, p in enumerate(doc.paragraphs):
        text = doc.text[p.start : p.end]
        if p.section_inferred and p.section != previous and p.kind == "body":
            out.append(("h2", sections[p.section].title))  # the heading the scrape lost
        previous = p.section
        if p.kind == "heading":
            out.append(("h1" if i == 0 else "h2", text))
        elif p.kind in ("body", "meta", "table"):
            out.append(("p", text))
    for n, f in doc.footnotes.items():
        if f.text:
            out.append(("note", f"{n} {f.text}"))
    return out


def check_round_trip(doc: Document, source: Document) -> None:
    """Every body paragraph and note of the source comes back, with exact spans."""
    got = {norm(doc.text[p.start : p.end]) for p in doc.paragraphs if p.kind == "body"}
    want = [norm(source.text[p.start : p.end]) for p in source.paragraphs if p.kind == "body"]
    assert [w for w in want if w not in got] == []
    for n in (2, 24, 35):
        assert norm(doc.footnotes[n].text) == norm(source.footnotes[n].text)
        f = doc.footnotes[n]
        assert doc.text[f.start : f.end] == f.text
    assert doc.missing_footnotes == [1, 5, 12, 21, 33]
    assert doc.unused_footnotes == []
    assert [m.number for m in doc.markers] == [m.number for m in source.markers]
    for m in doc.markers:
        assert doc.text[m.start : m.end] == f"[{m.number}]"
    use = next(p for p in doc.paragraphs if p.kind == "body" and p.section == "use")
    assert "1991" in doc.text[use.start : use.end]


def test_html(tmp_path: Path, source: Document):
    path = tmp_path / "profile.html"
    path.write_text(make.html(blocks(source), title="United States: Mine Ban Policy", date="2020-11-16"))
    doc = ingest.read(path)
    assert doc.format == "html" and doc.title == "United States: Mine Ban Policy"
    assert (doc.date, doc.date_source) == (date(2020, 11, 16), "metadata")
    assert "cookies" not in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    assert "<p>" not in doc.text and "var x" not in doc.text
    check_round_trip(doc, source)
    heading = next(p for p in doc.paragraphs if p.kind == "heading" and p.section == "stockpile_destruction")
    assert heading.heading == "United States > Stockpile destruction"


def test_html_without_article_uses_main_content_detection(tmp_path: Path, source: Document):
    page = make.html(blocks(source)).replace("<article>", "<div>").replace("</article>", "</div>")
    path = tmp_path / "page.htm"
    path.write_text(page)
    doc = ingest.read(path)
    assert "cookies" not in doc.text and "About us" not in doc.text
    check_round_trip(doc, source)


def test_html_named_txt_is_sniffed_as_html(tmp_path: Path):
    path = tmp_path / "saved.txt"
    path.write_text(
        make.html([("h2", "Use"), ("p", "No use was reported in 2019.[3]"), ("note", "3 A report.")])
    )
    doc = ingest.read(path)
    assert doc.format == "html"
    body = next(p for p in doc.paragraphs if p.kind == "body")
    assert doc.text[body.start : body.end] == "No use was reported in 2019.[3]"
    assert doc.footnotes[3].text == "A report." and body.section == "use"


def test_pdf_pages_footnotes_and_superscripts(tmp_path: Path, source: Document):
    bl = blocks(source)
    body = [b for b in bl if b[0] != "note"]
    notes = {int(t.split(" ", 1)[0]): (k, t) for k, t in bl if k == "note"}
    pages = []
    for i in range(0, len(body), PER_PAGE):
        chunk = body[i : i + PER_PAGE]
        used = sorted({int(m.group(1)) for _, t in chunk for m in make.MARK.finditer(t)})
        pages.append((chunk, [notes[n] for n in used if n in notes]))
    path = make.pdf(tmp_path / "profile.pdf", pages, title="US profile", author="Monitor")
    (tmp_path / "profile.pdf.json").write_text(json.dumps({"publisher": "Landmine Monitor"}))
    doc = ingest.read(path)
    assert doc.format == "pdf" and (doc.title, doc.author, doc.publisher) == (
        "US profile",
        "Monitor",
        "Landmine Monitor",
    )
    assert (doc.date, doc.date_source) == (date(2020, 11, 16), "document")  # the printed date beats creation
    check_round_trip(doc, source)
    for i, (_, text) in enumerate(body):
        p = next(p for p in doc.paragraphs if norm(doc.text[p.start : p.end]) == norm(text))
        assert p.page == i // PER_PAGE + 1, text[:40]
    note = doc.footnotes[24]
    page_of_note = next(p.page for p in doc.paragraphs if p.start <= note.start < p.end)
    page_of_marker = next(
        p.page for p in doc.paragraphs for m in doc.markers if m.number == 24 and p.start <= m.start < p.end
    )
    assert page_of_note == page_of_marker
    assert not any(doc.text[p.start : p.end].isdigit() for p in doc.paragraphs)  # page numbers dropped


def test_docx_with_notes_section(tmp_path: Path, source: Document):
    bl = blocks(source)
    body = [b for b in bl if b[0] != "note"]
    notes = [("h2", "Notes")] + [("p", t.replace(" ", ". ", 1)) for k, t in bl if k == "note"]
    path = make.docx(
        tmp_path / "profile.docx", body + notes, title="US profile", created=datetime(2020, 11, 20)
    )
    doc = ingest.read(path, given_date=date(2020, 11, 17))
    assert doc.format == "docx" and doc.title == "US profile"
    assert (doc.date, doc.date_source) == (date(2020, 11, 17), "given")
    check_round_trip(doc, source)
    assert any(p.kind == "heading" and p.section == "stockpile_destruction" for p in doc.paragraphs)


def test_docx_table_rows(tmp_path: Path):
    path = make.docx(tmp_path / "t.docx", [("h2", "Stockpiling"), ("table", "Type | Count\nM74 | 5,000")])
    doc = ingest.read(path)
    rows = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "table"]
    assert rows == ["Type | Count", "M74 | 5,000"]
    assert {p.section for p in doc.paragraphs if p.kind == "table"} == {"stockpile"}


def test_docx_bold_lines_are_headings(tmp_path: Path):
    """Word files often set headings as bold paragraphs rather than heading styles."""
    blocks = [
        ("h1", "Freedonia"),
        ("bold", "Stockpile destruction"),
        ("p", "Freedonia destroyed 12,000 mines in 2019."),
        ("bold", "Transfer"),
        ("p", "No exports have been recorded since 1994."),
        ("p", "A line with a bold word inside it stays a paragraph."),
    ]
    doc = ingest.read(make.docx(tmp_path / "bold.docx", blocks))
    shown = [(doc.text[p.start : p.end], p.kind, p.section, p.heading) for p in doc.paragraphs]
    assert shown[1:4] == [
        ("Stockpile destruction", "heading", "stockpile_destruction", "Freedonia > Stockpile destruction"),
        (
            "Freedonia destroyed 12,000 mines in 2019.",
            "body",
            "stockpile_destruction",
            "Freedonia > Stockpile destruction",
        ),
        ("Transfer", "heading", "transfer", "Freedonia > Transfer"),
    ]
    assert shown[5][1:3] == ("body", "transfer")


def test_html_bold_sentence_is_not_a_heading(tmp_path: Path):
    path = tmp_path / "b.html"
    path.write_text(
        "<html><body><h1>Report</h1><p><b>Use</b></p><p>New use was reported.</p>"
        "<p><strong>Officials denied any use.</strong></p></body></html>"
    )
    doc = ingest.read(path)
    kinds = [(doc.text[p.start : p.end], p.kind, p.section) for p in doc.paragraphs]
    assert kinds[1:] == [
        ("Use", "heading", "use"),
        ("New use was reported.", "body", "use"),
        ("Officials denied any use.", "body", "use"),
    ]


def test_markdown_headings_notes_and_front_matter(tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Field note\ndate: 2021-06-30\n---\n# United States\n\n## Transfer\n\n"
        "Exports have been **banned** since 1992.[^4] See [the law](http://example.org).\n\n"
        "[^4]: Public Law 102-484.\n"
    )
    (tmp_path / "note.yaml").write_text("publisher: Field office\n")
    doc = ingest.read(path)
    assert doc.format == "markdown" and doc.title == "Field note" and doc.publisher == "Field office"
    assert (doc.date, doc.date_source) == (date(2021, 6, 30), "metadata")
    body = next(p for p in doc.paragraphs if p.kind == "body")
    assert doc.text[body.start : body.end] == "Exports have been banned since 1992.[4] See the law."
    assert body.section == "transfer" and body.heading == "United States > Transfer"
    assert doc.footnotes[4].text == "Public Law 102-484." and doc.missing_footnotes == []


def test_sidecar_date_beats_the_document(tmp_path: Path):
    path = tmp_path / "profile.txt"
    path.write_bytes(PROFILE.read_bytes())
    (tmp_path / "profile.txt.json").write_text(json.dumps({"date": "2020-12-01", "publisher": "ICBL-CMC"}))
    doc = ingest.read(path)
    assert (doc.date, doc.date_source, doc.publisher) == (date(2020, 12, 1), "sidecar", "ICBL-CMC")


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Finland leaves the treaty\n\nJuly 11, 2025\n\nIt was announced in 2026.", date(2025, 7, 11)),
        (
            "Banned mines\n\n(Kyiv, January 31, 2023) – Ukraine should investigate, a 2024 note says.",
            date(2023, 1, 31),
        ),
        ("HELSINKI, 1 April 2025 — Finland will prepare to withdraw by 2026.", date(2025, 4, 1)),
        (
            "Mines after Ottawa\n\nWorking paper, Centre for Treaty Studies, 9 March 2024\n\nBy 2030, all may join.",
            date(2024, 3, 9),
        ),
        ("Landmines in Chad\n\nChad joined in 1999.\n\nRetrieved 4 May 2025.", date(2025, 5, 4)),
    ],
)
def test_a_dateline_dates_the_document(tmp_path: Path, opening: str, expected: date):
    path = tmp_path / "news.txt"
    path.write_text(opening + "\n")
    doc = ingest.read(path)
    assert (doc.date, doc.date_source) == (expected, "document")


def test_answered_and_submitted_lines_date_the_document(tmp_path: Path):
    path = tmp_path / "answer.txt"
    path.write_text(
        "Landmines: Written question\n\nAnswered: 20 January 2025\n\nThe Ministry retained 1,200 mines in 2023.\n"
    )
    doc = ingest.read(path)
    assert (doc.date, doc.date_source) == (date(2025, 1, 20), "document")


def test_search_mark_characters_in_a_source_become_spaces(tmp_path: Path):
    path = tmp_path / "marks.txt"
    path.write_text("Stockpile\x02 of 3,000 mines.\n\nNone\x03 used since 1991.\n")
    doc = ingest.read(path)
    assert "\x02" not in doc.text and "\x03" not in doc.text
    assert doc.text[doc.paragraphs[1].start : doc.paragraphs[1].end] == "None  used since 1991."


def test_an_html_note_loses_only_its_own_number(tmp_path: Path):
    path = tmp_path / "notes.html"
    path.write_text(
        "<html><body><article><p>Stockpile of 3,000 mines.<sup>1</sup> Destroyed in 2004.<sup>2</sup></p>"
        "<h2>Notes</h2><ol><li>12 mines were kept for training.</li><li>2. Letter of 3 May 2004.</li></ol>"
        "</article></body></html>"
    )
    doc = ingest.read(path)
    assert doc.footnotes[1].text == "12 mines were kept for training."
    assert doc.footnotes[2].text == "Letter of 3 May 2004."


def test_a_pipe_table_in_plain_text_is_a_table_row_by_row(tmp_path: Path):
    path = tmp_path / "form-d.txt"
    path.write_text(
        "Form D: Mines retained\n\nType | Quantity\n---|---\nM16A1 | 120\nTotal | 120\n\nMore text here.\n"
    )
    doc = ingest.read(path)
    rows = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "table"]
    assert rows == ["Type | Quantity", "M16A1 | 120", "Total | 120"]


def test_a_byline_month_and_an_army_department_date_and_place_a_budget_book(tmp_path: Path):
    path = tmp_path / "budget.txt"
    path.write_text(
        "Department of the Navy\nJustification Book, June 2024\n\nThe request funds 30 systems.\n"
    )
    doc = ingest.read(path)
    assert (doc.date, doc.date_source, doc.subject_state) == (date(2024, 6, 1), "document", "USA")


def test_a_sidecar_written_after_the_folder_was_first_read_is_found(tmp_path: Path):
    path = tmp_path / "profile.txt"
    path.write_bytes(PROFILE.read_bytes())
    assert ingest.read(path).date_source != "sidecar"
    (tmp_path / "profile.json").write_text(json.dumps({"date": "2020-12-01"}))
    assert (ingest.read(path).date, ingest.read(path).date_source) == (date(2020, 12, 1), "sidecar")


def test_a_line_of_spaces_separates_blocks_and_starts_none(tmp_path: Path):
    path = tmp_path / "spaced.txt"
    path.write_text("Egypt\n\nFirst block.\n   \nSecond block.\n\t\n\nThird block.\n")
    doc = ingest.read(path)
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "Egypt",
        "First block.",
        "Second block.",
        "Third block.",
    ]
