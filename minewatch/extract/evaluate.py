"""Score extracted facts against a hand-made gold set (format: docs/gold.md).

A predicted fact matches a gold fact when a reviewer would accept it as the same
statement: same document, state, indicator and polarity; the same value (numbers
within the tolerance the gold qualifier allows, categories case-blind); periods
that overlap when the gold gives one; and spans that overlap. Each gold fact is
matched at most once, to the candidate whose span overlaps it most.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from minewatch.model import Fact, Period

# How far a number may stray from the gold value, by the gold's qualifier:
# an exact figure must be exact, "just over 3 million" tolerates a little,
# "approximately" or "more than" a little more.
TOLERANCE = {None: 0.001, "just over": 0.05, "just under": 0.05, "nearly": 0.05}
DEFAULT_TOLERANCE = 0.10
PROVISIONS_ROW = "policy provisions"


@dataclass
class Gold:
    file: str
    state: str
    indicator: str
    value: float | str | None
    start: int
    end: int
    unit: str | None = None
    approx: str | None = None
    when: Period | None = None
    polarity: str = "affirmed"
    mine_types: list[str] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)
    span_sha1: str | None = None


def load_gold(path: str | Path) -> list[Gold]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        d = json.loads(line)
        try:
            when = d.get("when")
            d["when"] = Period(when["start"], when["end"], when["precision"]) if when else None
            out.append(Gold(**d))
        except (TypeError, KeyError) as e:
            raise ValueError(f"{path}:{n}: not a gold fact ({e})") from None
    return out


def span_digest(text: str) -> str:
    """The digest a gold line keeps of its span, so drifted offsets are caught."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def check_spans(gold: list[Gold], texts: dict[str, str]) -> list[str]:
    """Gold lines whose offsets no longer point at the passage they were written for."""
    bad = []
    for g in gold:
        text = texts[g.file]
        if not 0 <= g.start < g.end <= len(text) or (
            g.span_sha1 and span_digest(text[g.start : g.end]) != g.span_sha1
        ):
            bad.append(f"{g.file}:{g.start}-{g.end} {g.indicator} {g.value}")
    return bad


def same_value(gold: Gold, fact: Fact) -> bool:
    g, p = gold.value, fact.value
    if isinstance(g, int | float) and not isinstance(g, bool):
        if not isinstance(p, int | float):
            return False
        tol = TOLERANCE.get(gold.approx, DEFAULT_TOLERANCE)
        return abs(float(p) - float(g)) <= tol * max(abs(float(g)), 1.0)
    return str(g).strip().lower() == str(p).strip().lower()


def matches(gold: Gold, fact: Fact) -> bool:
    if (fact.state, fact.indicator, fact.polarity) != (gold.state, gold.indicator, gold.polarity):
        return False
    if not (fact.start < gold.end and gold.start < fact.end):
        return False
    if gold.when is not None and (fact.when is None or not gold.when.overlaps(fact.when)):
        return False
    return same_value(gold, fact)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    rows: dict[str, Score]  # per indicator, plus the provisions of matched policy facts
    overall: Score
    misses: list[Gold]  # gold facts nothing matched
    extras: list[tuple[str, Fact]]  # (file, fact) nothing in the gold matched
    qualifiers: dict[str, tuple[int, int]]  # field -> (agreeing, compared) over matched pairs


def score(gold: list[Gold], predicted: dict[str, list[Fact]]) -> Report:
    """Match ``predicted`` (facts per gold file name) against ``gold``."""
    rows: dict[str, Score] = defaultdict(Score)
    agree: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[Gold] = []
    used: set[tuple[str, int]] = set()
    for g in gold:
        facts = predicted.get(g.file, [])
        candidates = [(i, f) for i, f in enumerate(facts) if (g.file, i) not in used and matches(g, f)]
        if not candidates:
            rows[g.indicator].fn += 1
            misses.append(g)
            if g.indicator == "policy":
                rows[PROVISIONS_ROW].fn += len(g.attributes.get("provisions") or {})
            continue
        i, f = max(candidates, key=lambda c: min(c[1].end, g.end) - max(c[1].start, g.start))
        used.add((g.file, i))
        rows[g.indicator].tp += 1
        _compare(g, f, agree, rows)
    extras = []
    for file, facts in predicted.items():
        for i, f in enumerate(facts):
            if (file, i) not in used:
                rows[f.indicator].fp += 1
                extras.append((file, f))
                if f.indicator == "policy":
                    rows[PROVISIONS_ROW].fp += len(f.attributes.get("provisions") or {})
    overall = Score()
    for name, s in rows.items():
        if name != PROVISIONS_ROW:
            overall.tp, overall.fp, overall.fn = overall.tp + s.tp, overall.fp + s.fp, overall.fn + s.fn
    return Report(
        dict(sorted(rows.items())), overall, misses, extras, {k: tuple(v) for k, v in agree.items()}
    )


def _compare(g: Gold, f: Fact, agree: dict[str, list[int]], rows: dict[str, Score]) -> None:
    """Qualifiers the match rule leaves out, counted so their accuracy is reported too."""
    if isinstance(g.value, int | float):
        for name, want, got in (("approx", g.approx, f.approx), ("unit", g.unit, f.unit)):
            agree[name][0] += want == got
            agree[name][1] += 1
    if g.mine_types:
        agree["mine_types"][0] += sorted(g.mine_types) == sorted(f.mine_types)
        agree["mine_types"][1] += 1
    if g.when is not None and f.when is not None:
        agree["precision"][0] += g.when.precision == f.when.precision
        agree["precision"][1] += 1
    if "location" in g.attributes:
        agree["location"][0] += sorted(g.attributes["location"]) == sorted(f.attributes.get("location") or [])
        agree["location"][1] += 1
    if g.indicator == "policy":
        want = g.attributes.get("provisions") or {}
        got = f.attributes.get("provisions") or {}
        row = rows[PROVISIONS_ROW]
        row.tp += sum(1 for k, v in want.items() if got.get(k) == v)
        row.fn += sum(1 for k, v in want.items() if got.get(k) != v)
        row.fp += sum(1 for k, v in got.items() if want.get(k) != v)


def evaluate(gold_path: str | Path, corpus: str | Path) -> tuple[Report, list[str]]:
    """Ingest the gold's files from ``corpus``, extract, score; also return drifted gold spans."""
    from minewatch import ingest
    from minewatch.extract import extract
    from minewatch.vocab import load

    gold = load_gold(gold_path)
    vocab = load()
    predicted: dict[str, list[Fact]] = {}
    texts: dict[str, str] = {}
    for file in sorted({g.file for g in gold}):
        doc = ingest.read(Path(corpus) / file, vocab=vocab)
        texts[file] = doc.text
        predicted[file] = extract(doc, vocab)
    return score(gold, predicted), check_spans(gold, texts)
