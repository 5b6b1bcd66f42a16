"""Analysis speed: compare and scorecard for one state on a store of 1 million facts (SQLite).

The facts are synthetic, spread over every state in the vocabulary and every
indicator, dated 1990–2021, half of them accepted; the measured state holds 1
in 100 of them (10,000 at 1 million) and policy versions with provisions, so
the policy diff runs. They are
bulk-inserted in one transaction through the store's table definitions,
without revisions: this builds a fixture for reading, not a history.

Example: python -m benchmarks.analysis --facts 1000000
         python -m benchmarks.analysis --db /tmp/analysis-1m.db   # reuse a built store
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from minewatch.analyze.compare import compare
from minewatch.analyze.scorecard import scorecard
from minewatch.analyze.timeline import timeline
from minewatch.model import Document
from minewatch.review import find_conflicts
from minewatch.store import Store, open_store
from minewatch.store.schema import facts as facts_table
from minewatch.vocab import load

TARGET = 0.2  # seconds
CHUNK = 50_000
HEAVY = 0.01  # the measured state's share: a monitored state has many more facts than most
POLICY = [
    (1996, {"use_authorization": "President"}),
    (2014, {"geographic_scope": "Korean Peninsula only", "production": "banned", "acquisition": "banned"}),
    (
        2020,
        {
            "geographic_scope": "anywhere",
            "use_authorization": "combatant commanders",
            "production": "allowed",
        },
    ),
]
VALUES = {
    "use": ["use", "antipersonnel mines"],
    "production": ["production or procurement", "last production"],
    "transfer": ["transfer", "export moratorium"],
    "treaty_status": ["accession", "party"],
    "diplomacy": ["attended", "abstain"],
    "mine_action": ["top funder", "funding"],
    "destruction": ["destruction program"],
}


def say(line: str = "") -> None:
    print(line, flush=True)


def rows(lo: int, hi: int, doc_id: str, rnd: random.Random, state: str) -> list[dict]:
    """Fact rows ``lo`` to ``hi`` over all states and indicators; 1 in 100 is about ``state``."""
    vocab = load()
    states = sorted(vocab.states)
    indicators = [i for i in vocab.indicators if i != "policy"]
    now = datetime.now(UTC)
    out = []
    for i in range(lo, hi):
        ind = indicators[i % len(indicators)]
        year = 1990 + rnd.randrange(32)
        numeric = ind in ("stockpile", "retained", "alternatives") or (ind == "production" and i % 3 == 0)
        value = float(rnd.randrange(1, 5_000_000)) if numeric else rnd.choice(VALUES.get(ind, ["x"]))
        since = i % 7 == 0
        out.append(
            dict(
                key=f"bench{i:09d}",
                state=state if rnd.random() < HEAVY else rnd.choice(states),
                indicator=ind,
                value=value,
                value_num=value if numeric else None,
                unit="mines" if numeric else None,
                when_start=f"{year}-01-01",
                when_end="2021-07-01" if since else f"{year}-12-31",
                when_precision="since" if since else "year",
                when_text=str(year),
                mine_types=[],
                polarity="denied" if (not numeric and i % 5 == 0) else "affirmed",
                quote=f"synthetic passage {i}",
                doc_id=doc_id,
                start=i,
                end=i + 20,
                citations=[],
                extractor="bench@1",
                confidence=0.8,
                status="accepted" if rnd.random() < 0.5 else "candidate",
                attributes={"scope": "active"} if ind == "stockpile" else {},
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
    return out


def policy_rows(template: dict, state: str) -> list[dict]:
    """The policy versions of ``state``, with provisions, so the policy diff has work to do."""
    out = []
    for k, (year, provisions) in enumerate(POLICY):
        out.append(
            template
            | dict(
                key=f"benchpolicy{k}",
                state=state,
                indicator="policy",
                value=f"{year} policy",
                value_num=None,
                unit=None,
                when_start=f"{year}-01-01",
                when_end=f"{year}-12-31",
                when_precision="year",
                when_text=str(year),
                polarity="affirmed",
                status="accepted",
                attributes={"version": year, "provisions": provisions},
            )
        )
    return out


def build(store: Store, n: int, state: str) -> float:
    doc = Document(text="Synthetic source for the analysis benchmark.\n", source="bench/analysis.txt")
    doc_id, _ = store.save_document(doc)
    rnd = random.Random(2021)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        for lo in range(0, n, CHUNK):
            batch = rows(lo, min(n, lo + CHUNK), doc_id, rnd, state)
            if lo == 0:
                batch += policy_rows(batch[0], state)
            conn.execute(sa.insert(facts_table), batch)
    return time.perf_counter() - t0


def latency(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median wall, worst wall, median CPU) seconds of ``fn`` after one warm-up call.

    CPU time is printed beside wall time because other work on the machine
    stretches wall time but not the work the analysis itself does.
    """
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), max(wall), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument(
        "--state", default="USA", help="The heavy state: 1 in 100 facts, and the policy versions."
    )
    ap.add_argument("--typical", default="FRA", help="A state with a typical share of the facts.")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--db", help="SQLite file to build (or reuse when it already holds the facts).")
    args = ap.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "analysis.db"
    store = open_store(f"sqlite:///{path}")
    total = sum(sum(v.values()) for v in store.fact_counts().values())
    if total < args.facts:
        say(f"building {args.facts:,} facts in {path} …")
        spent = build(store, args.facts, args.state)
        say(f"bulk insert: {spent:.1f} s ({args.facts / spent:,.0f} facts/s)")
        total = sum(sum(v.values()) for v in store.fact_counts().values())
    say(f"store: {total:,} facts, {path.stat().st_size / 1e6:,.0f} MB")
    worst = 0.0
    for state in (args.typical, args.state):
        counts = store.fact_counts().get(state, {})
        say(f"{state}: {sum(counts.values()):,} facts ({counts.get('accepted', 0):,} accepted)")
        checks = {
            "compare 2014 → mid-2021": lambda s=state: compare(store, s, "2014", "mid-2021"),
            "scorecard 2012–2021": lambda s=state: scorecard(store, s, 2012, 2021, as_of=date(2021, 6, 30)),
            "timeline stockpile": lambda s=state: timeline(store, s, "stockpile"),
            "conflicts (review page)": lambda s=state: find_conflicts(store, s),
        }
        for name, fn in checks.items():
            med, top, cpu = latency(fn, args.runs)
            if name.startswith(("compare", "scorecard")):
                worst = max(worst, med)
            say(
                f"  {name:26} median {med * 1000:7.1f} ms   worst {top * 1000:7.1f} ms   cpu {cpu * 1000:7.1f} ms"
            )
    say(
        f"target: compare and scorecard under {TARGET * 1000:.0f} ms (median) — {'met' if worst < TARGET else 'NOT met'}"
    )
    store.close()


if __name__ == "__main__":
    main()
