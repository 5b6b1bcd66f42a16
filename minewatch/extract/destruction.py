"""``destruction`` and ``retained``: what happens to stocks, and what is kept.

Destruction facts are counts of mines destroyed, or the events of a
destruction program: a contract, a facility, its start and its (planned)
completion. Clearing emplaced mines is mine action, not stockpile destruction,
and a policy's commitment to destroy is a policy provision.
"""

from __future__ import annotations

import re
from dataclasses import replace

from minewatch.extract import dates, patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, kept_after, mine_quantities
from minewatch.model import Fact, Period

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = (
    "destr",
    "demil",
    "cryofracture",
    "disposal",
    "dismantl",
    "retain",
    "kept",
    "keep",
    "none",
    "kept for",
    "complet",
    "conclu",
    "finish",
    "deadline",
    "ended",
)
DESTROY = patterns.compile(
    r"(?<!self-)\b(?:destroy\w*|destruction|demilitari[sz]\w+|demil|cryofracture|disposal|dismantl\w+)\b"
)
DESTROY_WORDS = ("destr", "demil", "cryofracture", "disposal", "dismantl")  # one of which DESTROY needs
DESTROYED = patterns.compile(
    r"\b(?:(?:destroyed|demilitari[sz]ed|disposed of|dismantled)\b|(?:destruction|demilitari[sz]ation|disposal) of\b|"
    r"(?:reported|completed|finished|began|started) destroying\b)"  # "reported destroying its stockpile of 4,092 mines"
)
LAST = patterns.compile(
    r"\bdestroyed (?:(?:its|their|the) (?:last|remaining|entire|whole)\b|all (?:of )?(?:its|their|the)\b|"
    r"(?:its|their) (?:stockpiles?|stocks?)\b)|"  # "destroyed its stockpile of … by 2015": all of it
    r"\b(?:its|their|the) (?:last|remaining)\b[^.;]{0,60}\b(?:were|was|have been|had been) destroyed\b"
)
# "which it has been unable to destroy": what a state cannot do is no destruction, begun or done
UNABLE = patterns.compile(r"\b(?:unable|not able)\s+to\s+(?:\w+\s+)?$")
UNABLE_REACH = 30
HALTED = patterns.compile(
    r"\b(?:halted|suspended|stopped|interrupted|froze)\b"
)  # a verb, not a "Suspended" category
CLEARANCE = patterns.compile(
    r"\b(?:clear\w*|laid|emplaced|minefields?|removed?|removing|in the ground|(?:hazardous|mined) areas?|"
    r"found and destroyed|demin\w*|land release|square (?:met|kilomet)\w+|hectares)\b"
)
UNCERTAIN = patterns.compile(r"\b(?:unclear|unknown|not known|uncertain)\b[^.]{0,30}\bhow many\b")
START = patterns.compile(r"\b(?:start(?:ed|s)?|began|begun|commenced|launched|opened)\b")
END = patterns.compile(r"\b(?:complet\w+|conclu\w+|finish\w*|end(?:ed|s)?|deadline)\b")
# "missed its stockpile destruction deadline", "failed to meet its deadline of 1 March 2008": not done by then.
MISSED = patterns.compile(
    r"\b(?:miss(?:ed|es|ing)?|fail(?:ed|s|ing)? to (?:meet|complete|respect)|did not meet|not met|"
    r"in (?:violation|breach) of|past|(?:passed|exceeded|overran))\b[^.;]{0,50}\bdeadlines?\b"
    r"|\bdeadline\b[^.;]{0,30}\b(?:was|were|has been|had been) (?:missed|not met)\b"
)
# "completed the destruction of its stockpile of 128,000 mines in 1999": the count and the completion
COMPLETED = patterns.compile(
    r"\bcomplet(?:ed|es)\s+(?:the\s+)?destruction\s+of\b|"
    r"\bdestruction of\b[^.;]{0,60}\b(?:was|were|has been|had been) completed\b"  # "… was completed in March 2004"
)
# "New Zealand has said it keeps none at all", after a sentence about mines kept for training
NONE_KEPT = patterns.compile(r"\b(?:keeps|retains|holds|(?:has|have) (?:kept|retained))\s+none\b")
NONE_KEPT_REACH = 600  # characters back in which the text must speak of retained mines
# "had been obliged to complete the destruction by 1 March 2008": a duty, not a completion
OBLIGED = patterns.compile(r"\b(?:obliged|obligated|required|bound|ha(?:s|ve|d))\s+to\s+(?:\w+\s+)?$")
# a date past a comma belongs to the next phrase ("…, and in 2014 …")
PHRASE_BREAK = patterns.compile(r"[,;]")
APPOSITIVE = patterns.compile(r"\bmines,\s+$")
CONTRACT = patterns.compile(r"\bcontract\b")
PROGRAM = patterns.compile(r"\b(?:facility|plant|program(?:me)?|process|notice|project)\b")
# Groups of words the run's scan of a sentence looks for (see ``Sentence.cues``).
CUES = {"destruction.destroy": DESTROY_WORDS}
RETAIN = patterns.compile(
    r"\b(?:retain(?:ed|s)?\b|kept for\b|"
    r"(?:keep(?:s|ing)?|kept)\b(?=[^.;]{0,30}\b(?:for (?:training|research)|to train)\b))"
)
# kept as the source writes ("retains", or a state speaking for itself: "We retain")
PRESENT = patterns.compile(
    r"\b(?:retains|keeps|holds|has|maintains|currently|(?:has|have) (?:kept|retained)|"
    r"(?:we|i) (?:retain|keep|hold|maintain))\b"
)
LEFT = patterns.compile(r"\b(?:leaving|leaves|left)\s+(?:(?:about|some|approximately|nearly|over)\s+)?$")
RETAIN_REACH = 20  # characters before a count in which a retaining verb makes it retained, not destroyed
RETAINED_CAPTION = patterns.compile(r"\b(?:retained|retention|kept for|for training)\b")
TOTAL = patterns.compile(r"\W*total\b")
REPORTING_PERIOD = patterns.compile(r"\breporting period\s*:?\s*([^\n]{6,80})", re.IGNORECASE)
FRONT_MATTER = 1000  # characters from a report's start in which its reporting period is stated
CONSUMED = patterns.compile(r"\b(?:were|was|been)\s+(?:consumed|used|expended|destroyed)\b")
COMPARED = patterns.compile(r"\b(?:compared (?:with|to)|down from|up from|against)\s+$")
SMALL = patterns.compile(r"\bsmall (?:quantity|number)\b")


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return _retained_row(s)
    if about_policy(s):
        return []
    return _destruction(s) + _retained(s)


def _none_kept(s: Sentence) -> list[Fact]:
    """ "keeps none": no mines retained, where the text just before speaks of mines kept for training."""
    none = NONE_KEPT.search(s.low)
    if none is None or hypothetical(s, none.start()):
        return []
    if not any(RETAIN.search(o.low) for o in s.before(NONE_KEPT_REACH)):
        return []
    return [
        s.fact(
            "retained",
            "mines retained",
            "retained.none@1",
            0.6,
            polarity="denied",
            when=s.period_near(s.start + none.start(), clause=True) or s.as_of(),
        )
    ]


def _retained_row(s: Sentence) -> list[Fact]:
    """A row of a table of mines retained (an Article 7 report's Form D): its count, of the types it
    names ("VS-50 | 280 | training"), or the table's total; dated by the caption, else the report's period."""
    if (
        not s.caption
        or not RETAINED_CAPTION.search(s.caption.lower())
        or s.text == s.caption.rsplit(" — ", 1)[-1]
    ):
        return []
    counts = [q for q in s.quantities if q.unit in (None, "mines") and q.value >= 1]
    if not counts:
        return []
    q = counts[0]
    periods = s.ctx.caption_dates(s.caption)
    when = periods[0].period if periods else _reporting_period(s.doc.text) or s.as_of()
    return [
        s.fact(
            "retained",
            q.number,
            "retained.table@1",
            0.7,
            unit="mines",
            mine_types=list(dict.fromkeys(m for _a, _b, m in s.mine_types)),
            when=when,
            attributes={"purpose": "training and research"} | ({"total": True} if TOTAL.match(s.low) else {}),
        )
    ]


def _reporting_period(text: str) -> Period | None:
    """The period a report covers, from its front matter: "Reporting period: 1 January 2024 to 31 December 2024"."""
    m = REPORTING_PERIOD.search(text, 0, FRONT_MATTER)
    found = dates.find(m.group(1)) if m else []
    return found[-1].period if found else None


def _destruction(s: Sentence) -> list[Fact]:
    d = DESTROY.search(s.low) if "destruction.destroy" in s.cues else None
    topical = s.section == "stockpile_destruction" or (
        s.previous is not None and "destruction.destroy" in s.previous.cues and DESTROY.search(s.previous.low)
    )
    trigger = d or (_ending(s) if topical else None)
    if not trigger:
        return []
    # clearing emplaced mines is mine action (in the trigger's clause: "had cleared 1,450 mines
    # …, and had destroyed 120,000 obsolete mines" destroys stocks); an intention is no event
    lo = s.start
    if CLEARANCE.search(s.low):
        lo, hi = s.clause_bounds(s.start + trigger.start())
        if CLEARANCE.search(s.low, lo - s.start, hi - s.start):
            return []
    if (
        UNCERTAIN.search(s.low)
        or hypothetical(s, trigger.start())
        or UNABLE.search(s.low, max(0, trigger.start() - UNABLE_REACH), trigger.start())
    ):
        return []
    types = sorted({m for *_, m in s.mine_types})
    done = DESTROYED.search(s.low) if d else None
    if done and s.negated(done.start()):
        after = [f.period for f in s.periods if f.start - s.start > done.start()]
        when = after[0] if after else s.as_of()
        return [
            s.fact("destruction", "destruction", "destruction.none@1", 0.65, polarity="denied", when=when)
        ]
    last = LAST.search(s.low)  # "destroyed the last of its mines": done, whatever deadline it overran
    counted: list[Fact] = []
    if done:
        counted = [
            s.fact(
                "destruction",
                q.number,
                "destruction.quantity@2",
                0.8,
                unit="mines",
                approx=q.approx,
                mine_types=t,
                when=s.period_near(q.start),
            )
            for q, t in mine_quantities(s) + _appositive_counts(s)
            if q.start >= lo  # not a count of the clearing clause ("had cleared 1,450 mines and …")
            and not _kept_before(s, q)
            and not kept_after(s, q)  # "destroyed 1,500 mines retained for training"
        ]
        if counted and not last and not COMPLETED.search(s.low):
            return counted
    out = (
        counted  # "destroyed its last mines, about one million in all, in 2015": the count and the completion
    )
    start, end = START.search(s.low), last or _ending(s)
    halted = HALTED.search(s.text)
    if halted:
        when = _nearest(s, halted.start(), before=True)
        out.append(
            s.fact("destruction", "program", "destruction.halted@1", 0.6, polarity="denied", when=when)
        )
    if CONTRACT.search(s.low) and d:
        out.append(s.fact("destruction", "contract", "destruction.contract@1", 0.7, mine_types=types))
    elif start or (d and PROGRAM.search(s.low) and not end and not halted):
        when = s.period_near(start.end() + s.start) if start else (s.periods[0].period if s.periods else None)
        if when is not None or PROGRAM.search(s.low):
            out.append(
                s.fact("destruction", "program", "destruction.program@1", 0.65, mine_types=types, when=when)
            )
    missed = MISSED.search(s.low) if end and not last else None
    if missed:
        when = _deadline(s, missed)
        if when is not None and when.precision == "since":  # "since March 2008, when it missed …": March 2008
            when = dates.month_period(int(when.start[:4]), int(when.start[5:7]), when.text)
        return out + s.per_subject(
            s.fact(
                "destruction",
                "completion",
                "destruction.deadline_missed@1",
                0.65,
                polarity="denied",
                mine_types=types,
                when=when or s.as_of(),  # "are in violation of the deadline": as the source writes
                attributes={"deadline": "missed"},
            )
        )
    if end and s.periods and not OBLIGED.search(s.low, max(0, end.start() - 30), end.start()):
        when = _nearest(s, end.end(), before=False)
        if when is not None and all(when != f.when for f in out if isinstance(f.value, str)):
            out.append(
                s.fact(
                    "destruction", "completion", "destruction.completion@1", 0.65, mine_types=types, when=when
                )
            )
    return out


def _deadline(s: Sentence, missed: re.Match) -> Period | None:
    """When a missed deadline fell: the date named with it ("missed its 1 March 2008 deadline", "since
    March 2008, when it missed …"), else the date the sentence before set ("… by 1 March 2008. It
    missed that deadline")."""
    local = [(f.start - s.start, f.period) for f in s.periods]
    after = [
        p for at, p in local if at >= missed.start() and not PHRASE_BREAK.search(s.low, missed.end(), at)
    ]
    before = [p for at, p in local if at < missed.start()]
    if after or before:
        return (after or before[::-1])[0]
    set_before = s.previous.periods if s.previous is not None else []
    due = next((f.period for f in reversed(set_before) if f.period.precision == "until"), None)
    return Period(due.end, due.end, "day", due.text) if due is not None and due.end else None


def _kept_before(s: Sentence, q) -> bool:
    """A retaining verb just before a count ("… it has since kept 450 mines for training"); what the
    verb needs after it ("for training") may lie past the count."""
    r = RETAIN.search(s.low, max(0, q.start - s.start - RETAIN_REACH))
    return r is not None and r.start() < q.start - s.start


def _ending(s: Sentence) -> re.Match | None:
    """The first word of an ending (completed, deadline …) that is not part of a date ("at the end of 2024")."""
    for m in END.finditer(s.low):
        at = s.start + m.start()
        if not any(f.start <= at < f.end for f in s.periods):
            return m
    return None


def _appositive_counts(s: Sentence) -> list:
    """A count set after the mines it counts: "its last stockpiled mines, about one million in all"."""
    return [
        (q, [])
        for q in s.quantities
        if q.unit is None
        and q.value >= 100
        and APPOSITIVE.search(s.low, max(0, q.start - s.start - 12), q.start - s.start)
    ]


def _nearest(s: Sentence, local: int, before: bool):
    """The period nearest a trigger, on the side the wording puts it ("halted in 2022", "the 2022 war halted")."""
    side = [f for f in s.periods if (f.start - s.start < local) == before] or s.periods
    return min(side, key=lambda f: abs(f.start - s.start - local)).period if side else None


def _retained(s: Sentence) -> list[Fact]:
    r = RETAIN.search(s.low)
    if not r:
        return _none_kept(s)
    if not re.search(r"\bmines?\b", s.low, re.I) or CONSUMED.search(s.low):
        return []  # "36 retained mines were consumed in training" counts what was used, not what is held
    qs = mine_quantities(s)
    kept = next(  # "keeping 2,000 for training", "apart from 12,000 kept for training"
        (
            q
            for q in s.quantities
            if q.unit in (None, "mines")
            and (0 <= q.start - s.start - r.end() <= 12 or 0 <= r.start() - (q.end - s.start) <= 2)
        ),
        None,
    )
    left = next(  # "destroyed 1,500 mines retained for training in 2024, leaving 3,980": what is kept
        (q for q in s.quantities if q.start - s.start > r.end() and LEFT.search(s.low, 0, q.start - s.start)),
        None,
    )
    if left is not None:
        qs = [(left, [])]
    elif kept is not None and all(q is not kept for q, _t in qs):  # "keeping 2,000 for training"
        qs = [(kept, []), *qs]
    elif len(qs) > 1:  # "destroyed its stockpile of 5,728 mines in 2007, and it retains 728 mines"
        here = r.start() + s.start
        qs = sorted(qs, key=lambda c: (c[0].start < here, abs(c[0].start - here)))
    value = qs[0][0].number if qs else "small quantity" if SMALL.search(s.low) else "mines retained"
    when = s.period_near(qs[0][0].start, clause=True) if qs else (s.periods[0].period if s.periods else None)
    out = [
        s.fact(
            "retained",
            value,
            "retained.count@3",
            0.75,
            unit="mines" if qs else None,
            approx=qs[0][0].approx if qs else None,
            when=when or (s.as_of() if PRESENT.search(s.low) else None),
            attributes={"purpose": "training and research"},
        )
    ]
    # "… retained 1,890 mines, compared with 2,015 at the end of 2022": the earlier count too
    first = qs[0][0] if qs else None
    for q in s.quantities:
        if q is first or q.unit not in (None, "mines") or (first is not None and q.start < first.end):
            continue
        if COMPARED.search(s.low, max(0, q.start - s.start - 20), q.start - s.start):
            out.append(
                replace(
                    out[0],
                    value=q.number,
                    approx=q.approx,
                    when=s.period_near(q.start),
                    attributes=dict(out[0].attributes),
                )
            )
    return out
