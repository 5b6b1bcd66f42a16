"""Every state on one page: treaty standing, latest UNGA vote, last meeting, fact counts.

The CLI's ``minewatch states`` and the web overview page both call
:func:`state_overview`; it reads accepted facts through the store only, so a
state with no facts still gets a row (status "unknown") and the map has no holes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from minewatch.model import Fact
from minewatch.store import Store
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

MBT = "Mine Ban Treaty"
APII = "CCW Amended Protocol II"
STATUSES = ("party", "joining", "signatory", "non-party", "withdrawing", "withdrawn", "unknown")
DEPOSITS = ("ratification", "accession", "succession", "acceptance", "approval", "consent")
SORTS = {  # --sort name → the column it orders by
    "state": "state",
    "name": "name",
    "status": "status",
    "entry_into_force": "entry_into_force",
    "latest_vote": "latest_vote_date",
    "last_meeting": "last_meeting_date",
    "facts": "facts",
    "newest_fact": "newest_fact",
}


@dataclass
class StateRow:
    state: str
    name: str
    un_status: str
    status: str  # one of STATUSES, for the Mine Ban Treaty
    joined: str | None = None  # ratification, accession …
    deposit: str | None = None
    entry_into_force: str | None = None
    withdrawal: str | None = None  # "announced 2025-06-29", "effective 2025-12-27"
    apii: str | None = None  # CCW Amended Protocol II: "party" or None
    latest_vote: str | None = None
    latest_vote_resolution: str | None = None
    latest_vote_date: str | None = None
    last_meeting: str | None = None
    last_meeting_date: str | None = None
    facts: int = 0
    newest_fact: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def flat(self, indicators: list[str]) -> dict:
        """One flat record (a CSV row): the counts become one column per indicator."""
        d = asdict(self)
        counts = d.pop("counts")
        return d | {f"n_{i}": counts.get(i, 0) for i in indicators}


def _day(f: Fact) -> str | None:
    return f.when.start if f.when else None


def treaty_standing(facts: list[Fact], today: date) -> dict:
    """Status, deposit and entry into force for the Mine Ban Treaty from a state's facts."""
    by = {}
    for f in sorted(facts, key=lambda f: _day(f) or ""):
        if f.attributes.get("treaty") == MBT:
            by[(f.value, f.polarity)] = f
    out: dict = {"status": "unknown"}
    today_s = today.isoformat()
    deposit = next((by[(m, "affirmed")] for m in DEPOSITS if (m, "affirmed") in by), None)
    eif = by.get(("entry_into_force", "affirmed"))
    if deposit:
        out |= {"joined": deposit.value, "deposit": _day(deposit)}
        out["status"] = "party" if eif is None or (_day(eif) or "") <= today_s else "joining"
    elif ("signature", "affirmed") in by:
        out["status"] = "signatory"
    elif ("signature", "denied") in by:
        out["status"] = "non-party"
    if eif:
        out["entry_into_force"] = _day(eif)
    gone = by.get(("withdrawal", "affirmed"))
    notified = by.get(("withdrawal_notification", "affirmed"))
    announced = by.get(("withdrawal_announced", "affirmed"))
    if gone and (_day(gone) or "9999") <= today_s:
        out |= {"status": "withdrawn", "withdrawal": f"effective {_day(gone)}"}
    elif gone or notified:
        out |= {"status": "withdrawing", "withdrawal": f"effective {_day(gone)}" if gone else "notified"}
    elif announced:
        out["withdrawal"] = f"announced {_day(announced)}"
    return out


def state_overview(
    store: Store, vocab: Vocabulary | None = None, today: date | None = None
) -> list[StateRow]:
    """One row per state in the vocabulary, in code order."""
    vocab = vocab or load_vocab()
    today = today or date.today()
    treaty: dict[str, list[Fact]] = {}
    for f in store.facts(indicator="treaty_status", status="accepted"):
        treaty.setdefault(f.state, []).append(f)
    votes: dict[str, Fact] = {}
    meetings: dict[str, Fact] = {}
    for f in store.facts(indicator="diplomacy", status="accepted"):
        kind = f.attributes.get("kind")
        pick = (
            votes
            if kind == "UNGA vote"
            else meetings
            if kind == "meeting" and f.polarity == "affirmed"
            else None
        )
        if pick is not None and (f.state not in pick or (_day(f) or "") > (_day(pick[f.state]) or "")):
            pick[f.state] = f
    counts = store.indicator_counts()
    newest = store.newest_fact_dates()
    rows = []
    for code, s in sorted(vocab.states.items()):
        standing = treaty_standing(treaty.get(code, []), today)
        apii = any(f.attributes.get("treaty") == APII and f.value in DEPOSITS for f in treaty.get(code, []))
        vote, meeting = votes.get(code), meetings.get(code)
        rows.append(
            StateRow(
                state=code,
                name=s.name,
                un_status=s.status,
                apii="party" if apii else None,
                latest_vote=vote.value if vote else None,
                latest_vote_resolution=vote.attributes.get("resolution") if vote else None,
                latest_vote_date=_day(vote) if vote else None,
                last_meeting=meeting.attributes.get("meeting") if meeting else None,
                last_meeting_date=_day(meeting) if meeting else None,
                facts=sum(counts.get(code, {}).values()),
                newest_fact=newest.get(code),
                counts=counts.get(code, {}),
                **standing,
            )
        )
    return rows


def select(
    rows: list[StateRow], status: str | None = None, sort: str = "state", descending: bool = False
) -> list[StateRow]:
    """Filter by treaty status ("non-party" also takes signatories and withdrawn states) and sort.

    Rows with nothing in the sort column go last whichever the direction.
    """
    if status:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r} (want {', '.join(STATUSES)})")
        wanted = {"non-party", "signatory", "withdrawn"} if status == "non-party" else {status}
        rows = [r for r in rows if r.status in wanted]
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (want {', '.join(SORTS)})")
    col = SORTS[sort]
    present = [r for r in rows if getattr(r, col) not in (None, "")]
    absent = [r for r in rows if getattr(r, col) in (None, "")]
    present.sort(key=lambda r: (getattr(r, col), r.state), reverse=descending)
    return present + absent
