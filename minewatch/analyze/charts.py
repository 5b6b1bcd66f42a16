"""A timeline as an SVG string (matplotlib, Agg backend) for the web page and the PDF profile.

Figures are plotted on a value axis, one line per scope and mine types (an
active stockpile is not the unserviceable one, nor one type's count the total); events, denials and restraints sit on a strip
below, dots for a moment and bars for the years a stretch covers. Stale points
are drawn hollow and a note says so.
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

ROWS = {"event": 0, "denial": 1, "restraint": 2}
COLORS = {"event": "#b33", "denial": "#393", "restraint": "#369"}
LINES = ["#345", "#a63", "#597", "#839", "#777"]


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _amount(value: float, _pos: object = None) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:,.3g}{suffix}"
    return f"{value:,.0f}"


def _figures(ax, figures: list[dict]) -> None:
    by_scope: dict[str, list[dict]] = defaultdict(list)
    for p in figures:  # one series per scope and mine types: 450,000 ADAM is no point on a total's line
        types = ",".join(p["mine_types"])
        by_scope[" ".join(x for x in (p["scope"] or ("" if types else "total"), types) if x)].append(p)
    top = max((abs(float(p["value"])) for p in figures), default=1.0) or 1.0
    placed: list[tuple[int, float]] = []  # labelled points, as (day, share of the tallest value)
    for color, (scope, pts) in zip(LINES * 4, sorted(by_scope.items()), strict=False):
        xs = [_day(p["start"]) for p in pts]
        ys = [float(p["value"]) for p in pts]
        ax.plot(xs, ys, color=color, linewidth=1, zorder=1, label=scope if len(by_scope) > 1 else None)
        for p, x, y in zip(pts, xs, ys, strict=True):
            hollow = p["evidence"]["stale"]
            ax.scatter([x], [y], s=28, zorder=2, facecolors="white" if hollow else color, edgecolors=color)
            label = f"{p['approx'] + ' ' if p['approx'] else ''}{_amount(y)}"
            # Figures of the same year and size would print over each other: step each one down a line.
            near = sum(abs(x.toordinal() - d) < 400 and abs(y / top - h) < 0.1 for d, h in placed)
            placed.append((x.toordinal(), y / top))
            ax.annotate(label, (x, y), fontsize=7, xytext=(4, 4 - 9 * near), textcoords="offset points")
    ax.set_ylabel(figures[0]["unit"] or "value", fontsize=8)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(FuncFormatter(_amount))
    if 1 < len(by_scope) <= 6:
        ax.legend(fontsize=7, frameon=False)


def _strip(ax, others: list[dict]) -> None:
    ax.set_ylim(-0.6, 2.6)
    ax.set_yticks(list(ROWS.values()), list(ROWS), fontsize=7)
    for p in others:
        y, color, hollow = ROWS[p["kind"]], COLORS[p["kind"]], p["evidence"]["stale"]
        if p["precision"] in ("range", "since", "until") and p["start"] and p["end"]:
            a, b = _day(p["start"]), _day(p["end"])
            ax.plot(
                [a, b], [y, y], color=color, linewidth=4, alpha=0.35 if hollow else 0.8, solid_capstyle="butt"
            )
        else:
            x = _day(p["start"] or p["end"])
            ax.scatter([x], [y], s=30, facecolors="white" if hollow else color, edgecolors=color, zorder=2)


def timeline_figure(tl: dict, width: float = 7.0, height: float = 3.4) -> Figure:
    """The chart as a matplotlib figure (the caller closes it), for formats other than SVG."""
    pts = tl["points"]
    figures = [p for p in pts if p["kind"] == "figure"]
    others = [p for p in pts if p["kind"] != "figure" and (p["start"] or p["end"])]
    fig: Figure = plt.figure(figsize=(width, height))
    try:
        if figures and others:
            top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
            _figures(top, figures)
            _strip(bottom, others)
            axes = [top, bottom]
        elif figures or others:
            ax = fig.add_subplot(1, 1, 1)
            (_figures if figures else _strip)(ax, figures or others)
            axes = [ax]
        else:
            ax = fig.add_subplot(1, 1, 1)
            ax.text(0.5, 0.5, "no dated evidence", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            axes = [ax]
        axes[0].set_title(f"{tl['state']} — {tl['label']}", fontsize=9)
        axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        if any(p["evidence"]["stale"] for p in pts):
            fig.text(
                0.01, 0.01, "hollow or faded: stale (older than the indicator's freshness window)", fontsize=6
            )
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        return fig
    except Exception:
        plt.close(fig)
        raise


def timeline_svg(tl: dict, width: float = 7.0, height: float = 3.4) -> str:
    """Render a :func:`minewatch.analyze.timeline.timeline` result as SVG; an empty one says so."""
    fig = timeline_figure(tl, width, height)
    try:
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        return buf.getvalue()
    finally:
        plt.close(fig)
