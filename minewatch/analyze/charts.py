"""A timeline as an SVG string (matplotlib, Agg backend) for the web page and the PDF profile.

Figures are plotted as a line of markers on a value axis; events sit on a
strip below as dots, denials and restraints as bars over the years they cover;
stale points are drawn hollow and the legend says so.
"""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def timeline_svg(tl: dict, width: float = 7.0, height: float = 3.2) -> str:
    """Render a :func:`minewatch.analyze.timeline.timeline` result; an empty one says so."""
    fig: Figure = plt.figure(figsize=(width, height))
    try:
        ax = fig.add_subplot(1, 1, 1)
        pts = tl["points"]
        figures = [p for p in pts if p["kind"] == "figure"]
        others = [p for p in pts if p["kind"] != "figure"]
        title = f"{tl['state']} — {tl['label']}"
        if not pts:
            ax.text(0.5, 0.5, "no dated evidence", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        if figures:
            xs = [_day(p["start"]) for p in figures]
            ys = [float(p["value"]) for p in figures]
            ax.plot(xs, ys, color="#345", linewidth=1, zorder=1)
            for p, x, y in zip(figures, xs, ys, strict=True):
                stale = p["evidence"]["stale"]
                ax.scatter(
                    [x], [y], s=28, zorder=2, facecolors="white" if stale else "#345", edgecolors="#345"
                )
                ax.annotate(
                    f"{p['approx'] + ' ' if p['approx'] else ''}{y:,.0f}",
                    (x, y),
                    fontsize=7,
                    xytext=(4, 4),
                    textcoords="offset points",
                )
            ax.set_ylabel(figures[0]["unit"] or "value")
            ax.set_ylim(bottom=0)
        if others:
            strip = ax.twinx() if figures else ax
            strip.set_ylim(-0.5, 2.5)
            strip.set_yticks([0, 1, 2], ["event", "denial", "restraint"], fontsize=7)
            rows = {"event": 0, "denial": 1, "restraint": 2}
            for p in others:
                y = rows[p["kind"]]
                color = {"event": "#b33", "denial": "#393", "restraint": "#369"}[p["kind"]]
                hollow = p["evidence"]["stale"]
                if p["precision"] in ("range", "since") and p["start"] and p["end"]:
                    a, b = _day(p["start"]), _day(p["end"])
                    strip.plot([a, b], [y, y], color=color, linewidth=4, alpha=0.4 if hollow else 0.8)
                else:
                    x = _day(p["start"] or p["end"])
                    strip.scatter([x], [y], s=30, facecolors="white" if hollow else color, edgecolors=color)
        ax.set_title(title, fontsize=9)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        if any(p["evidence"]["stale"] for p in pts):
            fig.text(0.01, 0.01, "hollow: stale (older than the indicator's freshness window)", fontsize=6)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        return buf.getvalue()
    finally:
        plt.close(fig)
