"""The printed profile: A4 pages with the profile's sections, footnotes at the page foot, and charts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from shutil import which

import pytest

from minewatch.report import charts, pdf, profile
from minewatch.vocab import load

pytestmark = pytest.mark.skipif(
    which("pdftotext") is None or which("pdftoppm") is None,
    reason="needs poppler-utils (pdftotext, pdftoppm)",
)


@pytest.fixture(scope="module")
def us_pdf(corpus_store, tmp_path_factory) -> tuple[Path, profile.Profile]:
    p = profile.build(corpus_store, "USA", load())
    out = tmp_path_factory.mktemp("pdf") / "USA.pdf"
    profile.write(p, "pdf", out)
    return out, p


def _text(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_has_the_profile_layout(us_pdf) -> None:
    path, p = us_pdf
    text = _text(path)
    assert text.lstrip().startswith(f"United States\nMine Ban Policy profile\nLast updated: {p.updated}")
    assert p.updated == "2021-07-01"  # the newer of the two sources
    order = [text.index(f"\n{part.title}\n") for part in p.parts if part.lines]
    assert order == sorted(order) and len(order) >= 5
    assert re.search(r"Page 1 of \d+", text)


def test_every_footnote_is_printed_once_with_its_citation(us_pdf) -> None:
    path, p = us_pdf
    text = _text(path)
    pos = 0
    for n in range(1, len(p.notes) + 1):  # each note's number starts a line, in order
        m = re.compile(rf"^{n}\. \S", re.M).search(text, pos)
        assert m, f"footnote {n} is missing"
        pos = m.end()
    stock = next(n for n in p.notes if "3 million" in n.quote)
    body = re.search(rf"^{stock.number}\. (.+?)(?=^\d+\. |\Z)", text, re.M | re.S).group(1)
    assert "United States, 2020-11-16" in body and "source note 24" in body


def test_charts_are_drawn_with_their_captions(us_pdf) -> None:
    path, p = us_pdf
    text = _text(path)
    drawn = [c.title for c in charts.charts([ln.fact for part in p.parts for ln in part.lines])]
    assert "Stockpile of antipersonnel mines over time" in drawn
    for title in drawn:
        assert f"Figure: {title}" in text
    html = pdf.print_html(p)
    assert html.count("<svg") == len(drawn)


def test_pages_render_to_images(us_pdf, tmp_path) -> None:
    path, _ = us_pdf
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(path), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2 and all(pg.stat().st_size > 5_000 for pg in pages)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "A4" in info or "595" in info


def test_a_state_without_facts_still_prints(corpus_store, tmp_path) -> None:
    out = profile.write(profile.build(corpus_store, "NZL", load()), "pdf", tmp_path / "NZL.pdf")
    assert "No evidence recorded." in _text(out)
