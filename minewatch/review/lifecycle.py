"""A fact's life under review: candidate → accepted or rejected, edits, history.

Every step is a new revision (user, time, reason) written by the store's
``update_fact``; nothing is ever deleted, so a rejected fact stays readable and
its history shows who decided what and why. Callers may pass the version they
read so that of two reviewers acting at once one wins and the other is told.
"""

from __future__ import annotations

from dataclasses import dataclass

from minewatch.model import POLARITIES, PRECISIONS, Fact, Period
from minewatch.review.periods import parse_bound
from minewatch.store import Store
from minewatch.vocab import load as load_vocab

ACTIONS = ("extract", "accept", "reject", "edit", "merge", "supersede")
EDITABLE = ("value", "unit", "approx", "when", "state", "indicator", "mine_types", "polarity", "attributes")
DEFAULT_ACCEPT_REASON = "checked against the passage"


class ReviewError(ValueError):
    """A review step that the fact's status or the vocabulary does not allow."""


def _require(user: str, reason: str | None, needs_reason: bool = True) -> None:
    if not user or not user.strip():
        raise ReviewError("a review step needs the user who takes it")
    if needs_reason and not (reason and reason.strip()):
        raise ReviewError("a review step needs a reason")


def _get(store: Store, fact_id: int) -> Fact:
    fact = store.fact(fact_id)
    if fact is None:
        raise ReviewError(f"no fact {fact_id}")
    return fact


def accept(
    store: Store,
    fact_id: int,
    user: str,
    reason: str | None = None,
    expected_version: int | None = None,
) -> Fact:
    """Accept a candidate (or a fact rejected earlier): it now counts in analyses and profiles."""
    reason = reason or DEFAULT_ACCEPT_REASON
    _require(user, reason)
    fact = _get(store, fact_id)
    if fact.status not in ("candidate", "rejected"):
        raise ReviewError(
            f"fact {fact_id} is {fact.status}; only candidates or rejected facts can be accepted"
        )
    return store.update_fact(fact_id, {"status": "accepted"}, user, reason, expected_version, action="accept")


def reject(store: Store, fact_id: int, user: str, reason: str, expected_version: int | None = None) -> Fact:
    """Reject a fact the passage does not support; it stays stored with its history."""
    _require(user, reason)
    fact = _get(store, fact_id)
    if fact.status not in ("candidate", "accepted"):
        raise ReviewError(
            f"fact {fact_id} is {fact.status}; only candidates or accepted facts can be rejected"
        )
    return store.update_fact(fact_id, {"status": "rejected"}, user, reason, expected_version, action="reject")


def period_from(value: Period | dict | str | None) -> Period | None:
    """A period from a Period, its dict, or "2014" / "2014-06" / "2014-06-27" / "1991..2002"."""
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, dict):
        p = Period(**value)
        if p.precision not in PRECISIONS:
            raise ReviewError(f"unknown precision {p.precision!r}")
        return p
    text = value.strip()
    try:
        if ".." in text:
            a, b = text.split("..", 1)
            return Period(
                parse_bound(a) if a else None, parse_bound(b, end=True) if b else None, "range", text
            )
        precision = {4: "year", 7: "month"}.get(len(text), "day")
        return Period(parse_bound(text), parse_bound(text, end=True), precision, text)
    except ValueError as e:
        raise ReviewError(str(e)) from e


def validate(changes: dict) -> dict:
    """Check an edit against the vocabulary and normalise its period."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"not editable: {', '.join(sorted(unknown))}")
    vocab = load_vocab()
    out = dict(changes)
    if "state" in out:
        code = vocab.state_code(str(out["state"]))
        if code is None:
            raise ReviewError(f"unknown state {out['state']!r}")
        out["state"] = code
    if "indicator" in out and out["indicator"] not in vocab.indicators:
        raise ReviewError(f"unknown indicator {out['indicator']!r}")
    if "mine_types" in out:
        bad = [m for m in out["mine_types"] if m not in vocab.mine_types]
        if bad:
            raise ReviewError(f"unknown mine types {bad}")
        out["mine_types"] = list(out["mine_types"])
    if "polarity" in out and out["polarity"] not in POLARITIES:
        raise ReviewError(f"polarity is one of {POLARITIES}")
    if "when" in out:
        out["when"] = period_from(out["when"])
    if "attributes" in out and not isinstance(out["attributes"], dict):
        raise ReviewError("attributes must be a mapping")
    return out


def edit(
    store: Store,
    fact_id: int,
    changes: dict,
    user: str,
    reason: str,
    expected_version: int | None = None,
) -> Fact:
    """Correct a fact (value, period, state, indicator, mine types …); its status is kept."""
    _require(user, reason)
    fact = _get(store, fact_id)
    if fact.status == "superseded":
        raise ReviewError(
            f"fact {fact_id} was merged into {fact.attributes.get('merged_into')}; edit that one"
        )
    return store.update_fact(fact_id, validate(changes), user, reason, expected_version, action="edit")


@dataclass
class BulkResult:
    accepted: list[int]
    skipped: list[int]  # changed by someone else meanwhile


def bulk_accept(
    store: Store,
    threshold: float,
    user: str,
    reason: str | None = None,
    state: str | None = None,
    indicator: str | None = None,
) -> BulkResult:
    """Accept every candidate at or above ``threshold`` confidence, each as its own revision."""
    from minewatch.store import StaleVersion

    if not 0.0 <= threshold <= 1.0:
        raise ReviewError("threshold is a confidence between 0 and 1")
    reason = reason or f"bulk accept: confidence >= {threshold}"
    _require(user, reason)
    result = BulkResult([], [])
    for fact_id, version in store.candidates_at_least(threshold, state, indicator):
        try:
            store.update_fact(fact_id, {"status": "accepted"}, user, reason, version, action="accept")
        except StaleVersion:
            result.skipped.append(fact_id)
        else:
            result.accepted.append(fact_id)
    return result


SHOWN = (
    "status",
    "value",
    "unit",
    "approx",
    "when",
    "state",
    "indicator",
    "mine_types",
    "polarity",
    "attributes",
)


def history(store: Store, fact_id: int) -> list[dict]:
    """The fact's revisions, oldest first, each with the fields it changed (before → after)."""
    out = []
    before: dict | None = None
    for rev in store.revisions(fact_id):
        data = rev["data"]
        changed = (
            {}
            if before is None
            else {
                k: {"from": before.get(k), "to": data.get(k)} for k in SHOWN if before.get(k) != data.get(k)
            }
        )
        out.append(
            dict(
                version=rev["version"],
                action=rev["action"],
                user=rev["user"],
                at=rev["at"].isoformat() if hasattr(rev["at"], "isoformat") else rev["at"],
                reason=rev["reason"],
                changed=changed,
                status=data.get("status"),
            )
        )
        before = data
    return out
