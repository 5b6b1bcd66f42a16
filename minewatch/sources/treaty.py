"""Treaty membership from the depositary's record: one CSV row per state and treaty.

The shipped file (``vocab/data/treaty_membership.csv``) is loaded as accepted
facts on ``minewatch init``; a newer file imported later adds only what changed
and supersedes the facts it replaces. Entry into force is computed from the
deposit date by each treaty's own rule, and a date the file states is checked
against it: a row that disagrees is left out and reported, never guessed at.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from minewatch.model import Citation, Fact
from minewatch.sources.rows import ImportReport, Row, RowError, data_document, day, iso_date, read_rows
from minewatch.store import Store
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

SHIPPED = Path(__file__).resolve().parents[1] / "vocab" / "data" / "treaty_membership.csv"
EXTRACTOR = "treaty.membership@1"
COLUMNS = ("state", "treaty", "signature", "deposit", "method", "citation")
METHODS = ("ratification", "accession", "succession", "acceptance", "approval", "consent", "none")


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def mbt_entry_into_force(deposit: date) -> date:
    """Mine Ban Treaty art. 17: the first day of the sixth month after the month of deposit,
    and never before the treaty's own entry into force (1 March 1999, for the first 40 states)."""
    return max(date(1999, 3, 1), add_months(deposit.replace(day=1), 6))


def apii_entry_into_force(deposit: date) -> date:
    """CCW art. 5: six months after deposit, and never before Amended Protocol II's own
    entry into force on 3 December 1998."""
    return max(date(1998, 12, 3), add_months(deposit, 6))


def withdrawal_effective(notified: date) -> date:
    """Mine Ban Treaty art. 20(2): six months after the depositary receives the instrument.

    Art. 20(3) delays this while the state is engaged in an armed conflict; the file's
    stated date, when there is one, is what the facts carry.
    """
    return add_months(notified, 6)


@dataclass(frozen=True)
class Treaty:
    code: str
    name: str
    entry_into_force: Callable[[date], date]


TREATIES = {
    "MBT": Treaty("MBT", "Mine Ban Treaty", mbt_entry_into_force),
    "CCW-APII": Treaty("CCW-APII", "CCW Amended Protocol II", apii_entry_into_force),
}


def row_facts(row: Row, doc_id: str, vocab: Vocabulary, status: str = "accepted") -> list[Fact]:
    """The facts one membership row states; raises ValueError naming what is wrong with it."""
    f = row.fields
    missing = [c for c in COLUMNS if c not in f]
    if missing:
        raise ValueError(f"missing columns {', '.join(missing)}")
    state = vocab.state_code(f["state"]) if f["state"] else None
    if state is None:
        raise ValueError(f"unknown state {f['state']!r}")
    treaty = TREATIES.get(f["treaty"])
    if treaty is None:
        raise ValueError(f"unknown treaty {f['treaty']!r} (want {', '.join(TREATIES)})")
    if not f["citation"]:
        raise ValueError("no citation: every row names the record it comes from")
    method = f["method"]
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (want {', '.join(METHODS)})")
    dates = {k: iso_date(f[k], k) for k in _DATE_COLUMNS if f.get(k)}
    if method == "none" and "deposit" in dates:
        raise ValueError("method 'none' with a deposit date")
    if method != "none" and "deposit" not in dates:
        raise ValueError(f"method {method!r} without a deposit date")
    events: list[tuple[str, str, date | None, str]] = []  # (event, polarity, when, note)
    if "signature" in dates:
        events.append(("signature", "affirmed", dates["signature"], "signed"))
    elif method == "none":
        events.append(("signature", "denied", None, "not signed, ratified or acceded"))
    if "deposit" in dates:
        events.append((method, "affirmed", dates["deposit"], f"instrument of {method} deposited"))
        eif = treaty.entry_into_force(dates["deposit"])
        stated = dates.get("entry_into_force")
        if stated and stated != eif:
            raise ValueError(
                f"entry into force {stated} disagrees with {eif} computed from deposit {dates['deposit']}"
            )
        events.append(("entry_into_force", "affirmed", eif, "entry into force for the state"))
    if "withdrawal_announced" in dates:
        events.append(
            ("withdrawal_announced", "affirmed", dates["withdrawal_announced"], "withdrawal announced")
        )
    if "withdrawal_deposit" in dates:
        effective = withdrawal_effective(dates["withdrawal_deposit"])
        stated = dates.get("withdrawal_effective")
        if stated and stated != effective:
            raise ValueError(f"withdrawal effective {stated} disagrees with {effective} computed")
        events.append(
            ("withdrawal_notification", "affirmed", dates["withdrawal_deposit"], "withdrawal deposited")
        )
        events.append(("withdrawal", "affirmed", stated or effective, "withdrawal takes effect"))
    elif "withdrawal_effective" in dates:
        raise ValueError("withdrawal_effective without withdrawal_deposit")
    cite = [Citation(row.number, f["citation"] + (f" <{f['url']}>" if f.get("url") else ""))]
    return [
        Fact(
            state=state,
            indicator="treaty_status",
            value=event,
            quote=row.text,
            doc=doc_id,
            start=row.start,
            end=row.end,
            when=day(when, note) if when else None,
            polarity=polarity,
            citations=list(cite),
            extractor=EXTRACTOR,
            confidence=1.0,
            status=status,
            attributes={"treaty": treaty.name, "event": event, "method": method, "row": row.number}
            | ({"corroborated_by": f["corroborated_by"]} if f.get("corroborated_by") else {}),
        )
        for event, polarity, when, note in events
    ]


_DATE_COLUMNS = (
    "signature",
    "deposit",
    "entry_into_force",
    "withdrawal_announced",
    "withdrawal_deposit",
    "withdrawal_effective",
)


def _slot(f: Fact) -> tuple[str, str, str]:
    """What a membership fact is about; a newer file's fact for the same slot replaces it."""
    event = f.attributes.get("event", f.value)
    return f.state, f.attributes.get("treaty", ""), "signature" if event == "signature" else str(event)


def _same(a: Fact, b: Fact) -> bool:
    return (a.value, a.polarity, a.when.start if a.when else None) == (
        b.value,
        b.polarity,
        b.when.start if b.when else None,
    )


def import_membership(
    store: Store,
    text: str,
    source: str,
    status: str = "accepted",
    vocab: Vocabulary | None = None,
    user: str = "treaty-import",
) -> ImportReport:
    """Store the file and its facts; only new or changed rows add facts.

    For every state and treaty the file covers, accepted membership facts from
    earlier files that this file no longer states (or states differently) are
    superseded.
    """
    vocab = vocab or load_vocab()
    doc = data_document(text, source, "csv", "Treaty membership (depositary records)")
    doc_id, _ = store.save_document(doc, user=user)
    _, rows = read_rows(text)
    report = ImportReport(doc=doc_id, rows=len(rows))
    new: list[Fact] = []
    for row in rows:
        try:
            new.extend(row_facts(row, doc_id, vocab, status))
        except ValueError as e:
            report.left_out.append(RowError(row.number, f"{row.fields.get('state', '?')}: {e}"))
    old = {
        _slot(f): f
        for f in store.facts(indicator="treaty_status", status="accepted")
        if f.extractor.startswith("treaty.membership@")
    }
    covered = {(f.state, f.attributes["treaty"]) for f in new}
    fresh_slots = {_slot(f) for f in new}
    to_add = [f for f in new if not (_slot(f) in old and _same(old[_slot(f)], f))]
    report.added = store.save_facts(to_add, user=user)
    for slot, f in old.items():
        if f.doc == doc_id or (slot[0], slot[1]) not in covered:
            continue
        replaced = slot in fresh_slots and any(_slot(n) == slot for n in to_add)
        if replaced or slot not in fresh_slots:
            store.update_fact(
                f.id, {"status": "superseded"}, user, f"replaced by {source}", action="supersede"
            )
            report.superseded += 1
    return report


def import_shipped(store: Store) -> ImportReport:
    """Load the membership file that ships with minewatch (idempotent)."""
    return import_membership(
        store, SHIPPED.read_text(encoding="utf-8"), "minewatch:vocab/data/treaty_membership.csv"
    )
