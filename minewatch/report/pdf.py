"""The profile as a printed page: A4, WeasyPrint, footnotes at the foot of each page.

The print layout is its own template because a page needs what a screen does
not: ``float: footnote`` moves each citation to the foot of the page its
sentence lands on, and page headers carry the state's name and page numbers.
"""

from __future__ import annotations

from pathlib import Path

from minewatch.report import charts
from minewatch.report.profile import Profile, _env


def charts_by_part(profile: Profile) -> dict[str, list[charts.Chart]]:
    """part id → the charts of the indicators that part prints."""
    facts = [line.fact for part in profile.parts for line in part.lines]
    by_indicator = {c.indicator: c for c in charts.charts(facts)}
    out: dict[str, list[charts.Chart]] = {}
    for part in profile.parts:
        for line in part.lines:
            c = by_indicator.pop(line.fact.indicator, None)
            if c is not None:
                out.setdefault(part.id, []).append(c)
    return out


def print_html(profile: Profile) -> str:
    """The HTML that WeasyPrint lays out."""
    return (
        _env()
        .get_template("profile_print.html")
        .render(
            p=profile,
            charts=charts_by_part(profile),
            notes={n.number: n for n in profile.notes},
            unreviewed=any(line.unreviewed for part in profile.parts for line in part.lines),
        )
    )


def render_pdf(profile: Profile) -> bytes:
    from weasyprint import HTML  # slow to import; only PDF work pays for it

    return HTML(string=print_html(profile)).write_pdf()


def write_pdf(profile: Profile, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_pdf(profile))
    return path
