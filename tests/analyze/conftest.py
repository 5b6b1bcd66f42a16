"""The development corpus after a reviewer's pass, in a copy so the shared corpus store stays untouched.

The reviewer accepts every candidate at confidence 0.6 or more, then takes the
decisions below: each names a fact by indicator and a few words of its
passage, and is skipped when no such fact is extracted (as the extractor
improves, some become unnecessary). They are the corrections a reviewer
makes by reading the passages; the report lists them as extraction gaps.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from minewatch import review
from minewatch.review.merge import merge_all
from minewatch.store import Store, open_store

REVIEWER = "reviewer"

# (indicator, words of the passage, step, changes, reason)
DECISIONS: list[tuple[str, str, str, dict | None, str]] = [
    ("use", r"wrote to Secretary", "reject", None, "a letter from members of Congress, not a use of mines"),
    ("use", r"specifically authorize", "reject", None, "says who may authorize use; no use took place"),
    ("use", r"requirement to only use", "reject", None, "a condition on future use; no use took place"),
    ("use", r"Spring/Summer 2002", "reject", None, "a footnote citing 2002 information, not a use"),
    ("use", r"GAO-02-1003", "reject", None, "a footnote citing a report, not a use"),
    (
        "use",
        r"disclosed as part of",
        "edit",
        {"when": "2002"},
        "2014 is when it was disclosed; the use was in 2002",
    ),
    (
        "stockpile",
        r"active stockpile of just",
        "edit",
        {"when": "2014-06-27"},
        "the note quotes the 27 June 2014 briefing",
    ),
    (
        "stockpile",
        r"7\.2 million",
        "edit",
        {"when": "2010"},
        "figures from a 2010 Department of Defense document",
    ),
    ("treaty_status", r"set the goal", "reject", None, "a goal to join, not membership"),
    ("treaty_status", r"ultimate goal", "reject", None, "an aspiration, not accession"),
    ("mine_action", r"In 2019 and 2020", "edit", {"when": "2019..2020"}, "the passage covers 2019 and 2020"),
]


def _differs(f, changes: dict) -> bool:
    """Whether an edit would change anything (a better extractor may already have it right)."""
    when = changes.get("when")
    if when is None:
        return bool(changes)
    new = review.lifecycle.period_from(when)
    return f.when is None or (f.when.start, f.when.end) != (new.start, new.end)


def _apply(store: Store) -> None:
    review.bulk_accept(store, 0.6, REVIEWER, "first pass: confidence >= 0.6")
    for indicator, words, step, changes, reason in DECISIONS:
        for f in store.facts(state="USA", indicator=indicator, status=["candidate", "accepted"]):
            if not re.search(words, f.quote):
                continue
            if step == "reject":
                review.reject(store, f.id, REVIEWER, reason)
            elif _differs(f, changes or {}):
                review.edit(store, f.id, changes or {}, REVIEWER, reason)
    for f in store.facts(state="USA", indicator="use"):
        # The single mine of 2002 read as 1991 (the sentence also names 1991).
        if f.value == 1 and "Afghanistan" in f.quote and f.when and f.when.start[:4] == "1991":
            review.edit(store, f.id, {"when": "2002"}, REVIEWER, "the single mine was used in 2002")
    for f in store.facts(state="USA", indicator="policy"):
        provisions = f.attributes.get("provisions") or {}
        if f.attributes.get("version") == 1996 and provisions.get("use_authorization") != "President":
            # "since 1996" dates only the Presidential rule; the rest of the sentence is the 2020 policy.
            review.edit(
                store,
                f.id,
                {"attributes": f.attributes | {"provisions": {"use_authorization": "President"}}},
                REVIEWER,
                "1996 is when Presidential authorization began; the other provisions are the 2020 policy's",
            )
    merge_all(store, REVIEWER, "USA")


@pytest.fixture(scope="session")
def reviewed(corpus_store, tmp_path_factory) -> Store:
    """A copy of ``corpus_store`` after the reviewer's pass."""
    src = corpus_store.url.removeprefix("sqlite:///")
    dst = tmp_path_factory.mktemp("reviewed") / "minewatch.db"
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    s = open_store(f"sqlite:///{dst}")
    _apply(s)
    yield s
    s.close()
