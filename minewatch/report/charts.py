"""Which timelines a profile or a state page charts, drawn by :mod:`minewatch.analyze.charts`.

The drawing lives in analyze; this module picks the figure-bearing indicators,
makes the SVG fit inline in HTML, and caches it on the timeline's data (a page
is drawn far more often than its facts change, and pyplot is not safe to use
from several server threads at once).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from minewatch.analyze.charts import timeline_svg
from minewatch.analyze.timeline import timeline_facts
from minewatch.model import Fact

# indicator → the caption printed under its chart
CHARTED = {
    "stockpile": "Stockpile of antipersonnel mines over time",
    "production": "Production and procurement of antipersonnel mines over time",
    "destruction": "Stockpiled antipersonnel mines destroyed over time",
}
_lock = threading.Lock()


@dataclass(frozen=True)
class Chart:
    indicator: str
    title: str
    figures: int  # how many dated figures it plots
    svg: str


@lru_cache(maxsize=256)
def _draw(timeline_json: str, prefix: str) -> str:
    with _lock:
        svg = timeline_svg(json.loads(timeline_json))
    svg = svg[svg.index("<svg") :]  # no XML prolog or doctype inside an HTML page
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    # Several charts share one page: give each its own ids (glyphs, clip paths) so none
    # resolves to another chart's definition.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    return re.sub(r'(href="#|url\(#)([^")]+)', rf"\1{prefix}-\2", svg)


def charts(facts: list[Fact]) -> list[Chart]:
    """One chart per charted indicator among ``facts`` with at least one dated figure."""
    out = []
    for indicator, title in CHARTED.items():
        chosen = [f for f in facts if f.indicator == indicator]
        if not chosen:
            continue
        tl = timeline_facts(chosen, chosen[0].state, indicator)
        figures = sum(1 for p in tl["points"] if p["kind"] == "figure")
        if figures:
            out.append(
                Chart(
                    indicator,
                    title,
                    figures,
                    _draw(json.dumps(tl, sort_keys=True, default=str), f"chart-{indicator}"),
                )
            )
    return out
