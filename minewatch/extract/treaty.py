"""``treaty_status``: signature, ratification, accession, observer status, CCW Amended Protocol II.

Joining the Mine Ban Treaty is accession for a state that never signed it. A
goal, an idea or a path towards joining is not a status ("the goal for the
US to join the treaty", "off the path towards joining"), nor is what "164
countries have joined".
"""

from __future__ import annotations

import re
from dataclasses import replace

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import hypothetical
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("treaty", "convention", "ccw", "protocol", "observer", "party since", "joined")
KEYWORDS += ("the withdrawal", "the ratification", "the accession")  # the treaty named before (THE_EVENT)
# Each event, the words (at a word start) one of which its pattern needs, and the pattern.
TREATY_EVENTS: list[tuple[str, tuple[str, ...], re.Pattern]] = [
    (
        "accession",
        ("acced", "accession", "join"),
        patterns.compile(
            r"\b(?:acced\w*\b|accession\b|join(?:ed|ing|s)?\b(?=[^.]{0,30}\b(?:treaty|convention)\b))"
        ),
    ),
    ("ratification", ("ratif",), patterns.compile(r"\bratif\w+")),
    ("signature", ("sign",), patterns.compile(r"\bsign(?:ed|ature)?\b")),
    ("withdrawal", ("withdr",), patterns.compile(r"\bwithdr[ae]w\w*")),
    (
        "party",
        ("party to", "party on", "party since", "outside"),
        patterns.compile(
            r"\b(?:(?:is|are|was|were|became|become|becoming|(?:has|have|had) been)(?: not| no longer)? (?:a )?"
            r"(?:state )?party (?:to|on)\b|\ba state party since\b|"
            r"(?:is|are|was|were|remains?|remained|stays?|stayed) outside (?:of )?the\b"
            r"(?=(?: mine ban| ottawa)? (?:treaty|convention)\b))"
        ),
    ),
]
CCW = patterns.compile(r"\b(?:convention on (?:certain )?conventional weapons|ccw|amended protocol ii)\b")
THE_PROTOCOL = patterns.compile(r"\b(?:the|that) protocol\b")
CCW_WINDOW = 1500  # characters back in which "the Protocol" finds the CCW protocol it stands for
TREATY = patterns.compile(r"\b(?:mine ban treaty|ottawa convention|treaty|convention)\b")
# "Thailand, a State Party since 1999, said …": the treaty's own term for a member, in a text that
# names the Mine Ban Treaty, stands for the treaty
STATE_PARTY = patterns.compile(r"\bState Party\b")
MINE_BAN_TREATY = patterns.compile(
    r"\b(?:mine ban treaty|ottawa convention|anti-?personnel mine ban convention|"
    r"convention on the prohibition of (?:the use, stockpiling, production and transfer of )?anti-?personnel mines)\b"
)
# the object of a status event, when it is the CCW: "ratified Amended Protocol II", "a party to the CCW"
CCW_OBJECT_REACH = 70
NOT_STATUS = patterns.compile(
    r"\b(?:goal|aim|objective|aspirations?|idea|path|measures|steps|progress|short|intent(?:ion)?s?|wish|"
    r"desire|willingness|readiness|commitment)\b[^.]{0,25}$"
)
COUNTED = patterns.compile(r"\b\d+\s+(?:other\s+)?(?:countries|states|nations)\s+(?:(?:have|had)\s+)?$")
# "…, 122 states signed it; the United States, which …, did not.": the verb before, denied of a state
ELIDED = patterns.compile(r"[;,]\s+(?:but\s+)?(?P<who>[^;]{2,200}?)\s+(?:did|does|do|has|have|had) not\W*$")
# "Neither China nor Russia has joined": joining with the treaty left unsaid, in a text about it
JOINED_ALONE = patterns.compile(r"\bjoined(?=\s*(?:[,;.]|$))")
THE_EVENT = patterns.compile(r"\bthe\s+(?:withdrawal|ratification|accession)\b")
ABOUT_TREATY_REACH = 400  # characters back in which a sentence naming the treaty makes "joined" its
# "announced that it will withdraw": the announcement is the fact, whatever the modal says.
ANNOUNCED = patterns.compile(r"\b(?:announc\w*|declar\w*|decided|notif\w*|informed)\b[^.;]{0,40}$")
OBSERVER = patterns.compile(r"\b(?:as (?:an )?observers?|observer status)\b")
NAMED_TREATY = patterns.compile(r"\s+(?:mine ban |ottawa |anti-?personnel mine ban )?(?:treaty|convention)\b")
# "the states that are not party to the treaty": a kind of state described, not a state's status
DESCRIBED = patterns.compile(r"\b(?:states|countries|nations|those|others)\s+(?:that|which|who)\s+$")
# "Under the treaty's terms, the withdrawal takes effect six months after …": the treaty's rule, no state's act
TREATY_TERMS = patterns.compile(
    r"\W*under (?:the (?:treaty|convention)(?:['’]s terms)?|its terms|article \d+)\b"
)
# "the accession of the Marshall Islands": the states named right after an event's noun are its own
OF_STATES = patterns.compile(r"\s+(?:of|by)\s+(?:the\s+)?")
DEPOSIT = patterns.compile(r",\s+which\s+(?:deposited|lodged|submitted)\s+its\s+instruments?\b")
# "the decisions of Estonia, Latvia and Lithuania to withdraw": the states decide the event that follows
DECIDED = patterns.compile(
    r"\b(?:decisions?|intentions?|plans?|moves?|announcements?|choices?)\s+of\s+(?P<who>[^.;:]{2,150}?)\s+to\s+$"
)
DECIDED_REACH = 180
DENIAL_REACH = 60  # characters after a denied event within which a period dates the denial
NOT_PARTY = patterns.compile(r"\w+ (?:not|no longer) ")  # "is not party to": the negation inside the event
OUTSIDE = patterns.compile(r"\w+ outside\b")  # "remains outside the treaty": not party
OPENED = patterns.compile(r"\bopen(?:ed|s)?\s+for\s+$")  # "opened for signature": the treaty's, not a state's
REPORT = patterns.compile(r"\b(?:transparency |annual )?reports?\b")
# Groups of words the run's scan of a sentence looks for (see ``Sentence.cues``).
CUES: dict[str, tuple[str, ...]] = {f"treaty.{event}": words for event, words, _p in TREATY_EVENTS} | {
    "treaty.ccw": ("ccw", "conventional weapons", "amended protocol", "the protocol", "that protocol"),
    "treaty.observer": ("observer",),
    "treaty.treaty": ("treaty", "convention"),
}


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table" or s.is_reference:
        return []
    ccw = _ccw(s)  # observers in a sentence about the CCW observe its meetings, not the treaty's
    return ccw + (_observer(s) if not ccw else []) + _treaty(s)


def _ccw(s: Sentence) -> list[Fact]:
    if "treaty.ccw" not in s.cues or not (CCW.search(s.low) or _the_protocol_is_ccw(s)):
        return []
    out = []
    party = next(
        (m for m in re.finditer(r"\bparty to\b", s.low) if not _of_mine_ban_treaty(s, m.end())), None
    )
    if party:
        denied = s.negated(party.start(), window=30)  # "States not party to the Protocol"
        out += s.per_subject(
            s.fact(
                "treaty_status",
                "CCW party",
                "treaty.ccw@3",
                0.7,
                polarity="denied" if denied else "affirmed",
                when=s.as_of(),
            )
        )
    report = REPORT.search(s.low)
    sent = re.search(r"\b(?:provided|submitted|delivered|sent)\b", s.low) if report else None
    if sent:
        denied = s.negated(sent.start())  # "has not submitted any report under the CCW"
        out += s.per_subject(
            s.fact(
                "treaty_status",
                "CCW Amended Protocol II report",
                "treaty.ccw@3",
                0.7,
                polarity="denied" if denied else "affirmed",
                when=s.period_near(report.start() + s.start) or (s.as_of() if denied else None),
            )
        )
    return out


def _of_mine_ban_treaty(s: Sentence, at: int) -> bool:
    """Whether the words from ``at`` name the Mine Ban Treaty (its full title included)."""
    return MINE_BAN_TREATY.match(s.low, at + 1 + (4 if s.low.startswith(" the", at) else 0)) is not None


def _of_ccw(s: Sentence, at: int) -> bool:
    """Whether the words from ``at`` name the CCW or its protocol before they name the Mine Ban Treaty."""
    after = s.low[at : at + CCW_OBJECT_REACH]
    ccw = CCW.search(after)
    return ccw is not None and not MINE_BAN_TREATY.search(after, 0, ccw.start())


def _the_protocol_is_ccw(s: Sentence) -> bool:
    """'reports under Article 13 of the Protocol': the protocol the document, or the text just
    before, names as the CCW's."""
    if not THE_PROTOCOL.search(s.low):
        return False
    title = (s.doc.title or "").lower()
    return bool(CCW.search(title)) or any(CCW.search(o.low) for o in s.before(CCW_WINDOW))


def _observer(s: Sentence) -> list[Fact]:
    m = "treaty.observer" in s.cues and OBSERVER.search(s.low)
    if not m or not re.search(r"\b(?:treaty|meetings?|conference)\b", s.low):
        return []
    when = s.period_near(s.start + m.start(), clause=True) or s.as_of()  # "attends … as an observer": now
    return [s.fact("treaty_status", "observer", "treaty.observer@1", 0.7, when=when)]


def _treaty(s: Sentence) -> list[Fact]:
    """Every status event the sentence states, each dated by the period that follows it."""
    cues = s.cues
    named = "treaty.treaty" in cues and TREATY.search(s.low) is not None
    if not (named or _state_party(s) or _joined_alone(s) or _the_event_alone(s)) or TREATY_TERMS.match(s.low):
        return []
    events: list[tuple[int, str]] = []
    ends: dict[int, int] = {}  # where each event's words end
    counted: list[tuple[int, str]] = []  # events whose subject is a number of states: no state's own
    for event, _words, pattern in TREATY_EVENTS:
        if f"treaty.{event}" not in cues:
            continue
        for m in pattern.finditer(s.low) if named or event != "accession" else JOINED_ALONE.finditer(s.low):
            before = s.low[max(0, m.start() - 40) : m.start()]
            if COUNTED.search(before):
                counted.append((m.start(), event))
                continue
            if NOT_STATUS.search(before) or DESCRIBED.search(before) or _of_ccw(s, m.end()):
                continue  # … or the CCW's status, which _ccw reads
            if event == "signature" and (
                re.match(
                    r"\w*\s+(?:of|that|(?:a|an|the|into)\s+(?:law|bill|decree|legislation|contract|agreement|deal|"
                    r"memorandum|order|deals|contracts))\b",
                    s.low[m.end() :],
                )
                or OPENED.search(before)
            ):
                continue
            if hypothetical(s, m.start()) and not (
                event == "withdrawal" and ANNOUNCED.search(s.low[: m.start()])
            ):
                continue
            events.append((m.start(), event))
            ends[m.start()] = m.end()
            break
    events.sort()
    out: list[Fact] = []
    for i, (at, event) in enumerate(events):
        nxt = events[i + 1][0] if i + 1 < len(events) else len(s.low)
        own_states, reach = _event_states(s, at, ends[at])
        nxt = min(nxt, max(reach, s.clause_bounds(s.start + at)[1] - s.start))
        own = [f.period for f in s.periods if at <= f.start - s.start < nxt and not _in_name(s, f.end)]
        denied = s.negated(at) or (
            event == "party" and (bool(NOT_PARTY.match(s.low, at)) or OUTSIDE.match(s.low, at) is not None)
        )
        if denied:  # "has not joined the treaty and abstained … in December 2024": that date is the vote's
            own = [
                f.period
                for f in s.periods
                if at <= f.start - s.start < nxt
                and f.start - s.start - at <= DENIAL_REACH
                and not _in_name(s, f.end)
            ]
        earlier = [f.period for f in s.periods if (events[i - 1][0] if i else -1) < f.start - s.start < at]
        if own:
            when = own[0]
        elif denied:
            when = None  # a denial with no period of its own holds as of the document (below)
        else:
            when = earlier[-1] if earlier else None
        # not party: has not joined; a party since a date: joined then
        joined = event == "party" and (denied or (when is not None and when.precision == "since"))
        fact = s.fact(
            "treaty_status",
            "accession" if joined else event,
            "treaty.status@3",
            0.75,
            polarity="denied" if denied else "affirmed",
            when=when or (s.as_of() if denied or event == "party" else None),
            attributes={"treaty": "Mine Ban Treaty"},
            **(
                {"state": own_subject} if i and (own_subject := _first_state(s, events[i - 1][0], at)) else {}
            ),
        )
        if own_states:
            out += [replace(fact, state=code, attributes=dict(fact.attributes)) for code in own_states]
        else:
            out += s.per_subject(fact)
    return out + _elided_denial(s, sorted(events + counted))


def _event_states(s: Sentence, at: int, end: int) -> tuple[list[str], int]:
    """The states an event names as its own, and how far (local) its period may be sought.

    "the accession of the Marshall Islands", "ratification by Tonga": the states after the event's
    noun, and a relative clause after them on the deposit of an instrument ("…, which deposited its
    instrument on 12 March 2025") dates the event. "the decisions of Estonia, Latvia and Lithuania to
    withdraw": the states between the decision and the event.
    """
    after = OF_STATES.match(s.low, end)
    if after:
        named, listed_end = s.listed_span(after.end())
        deposit = DEPOSIT.match(s.low, listed_end) if named else None
        if deposit:
            cut = next((a for a, _b in s.clause_cuts if a > deposit.end()), len(s.low))
            return named, cut
        return named, 0
    decided = DECIDED.search(s.low, max(0, at - DECIDED_REACH), at)
    if decided:
        lo, hi = decided.span("who")
        return [c for a, _b, c in s.states if lo <= a - s.start < hi], 0
    return [], 0


def _first_state(s: Sentence, lo: int, hi: int) -> str | None:
    """The first state named between two events: "…, and Poland ratified the treaty" is Poland's."""
    return next((code for a, _b, code in s.states if lo <= a - s.start < hi), None)


def _elided_denial(s: Sentence, events: list[tuple[int, str]]) -> list[Fact]:
    """ "…, 122 states signed it; the United States, which …, did not.": the event before, denied of the
    state the closing clause names."""
    tail = ELIDED.search(s.low) if events else None
    before = [e for e in events if e[0] < tail.start()] if tail else []
    who = _first_state(s, tail.start("who"), tail.end("who")) if before else None
    if who is None:
        return []
    at, event = before[-1]
    own = [f.period for f in s.periods if at <= f.start - s.start < tail.start()]
    earlier = [f.period for f in s.periods if f.start - s.start < at]
    return [
        s.fact(
            "treaty_status",
            event,
            "treaty.status@3",
            0.7,
            state=who,
            polarity="denied",
            when=(own or earlier[-1:] or [s.as_of()])[0],
            attributes={"treaty": "Mine Ban Treaty"},
        )
    ]


def _joined_alone(s: Sentence) -> bool:
    """ "has joined" with no object, in a paragraph whose sentences before name the treaty."""
    if "treaty.accession" not in s.cues or not JOINED_ALONE.search(s.low):
        return False
    return any(TREATY.search(o.low) for o in s.before(ABOUT_TREATY_REACH))


def _the_event_alone(s: Sentence) -> bool:
    """ "Parliament approved the withdrawal on 19 June": the event named with "the", in a paragraph
    whose sentences before name the treaty."""
    if not THE_EVENT.search(s.low):
        return False
    return any(TREATY.search(o.low) for o in s.before(ABOUT_TREATY_REACH))


def _state_party(s: Sentence) -> bool:
    """Whether the sentence calls a state a "State Party" in a document about the Mine Ban Treaty."""
    if "treaty.party" not in s.cues or not STATE_PARTY.search(s.text):
        return False
    if "names_mine_ban_treaty" not in s.ctx.cache:
        s.ctx.cache["names_mine_ban_treaty"] = bool(MINE_BAN_TREATY.search(s.ctx.plain()[1]))
    return s.ctx.cache["names_mine_ban_treaty"]


def _in_name(s: Sentence, end: int) -> bool:
    """A year that is part of a treaty's name ("the 1997 Mine Ban Treaty") dates no event."""
    return bool(NAMED_TREATY.match(s.low, end - s.start))


def consistent(facts: list[Fact]) -> list[Fact]:
    """Facts less the status denials the same document contradicts: "ratified the treaty on 12 March
    2025 … but did not ratify it for almost three decades" does not deny ratification as of the text."""
    done = {
        (f.state, f.value): f.when.end
        for f in facts
        if f.indicator == "treaty_status" and f.polarity == "affirmed" and f.when and f.when.end
    }
    return [
        f
        for f in facts
        if not (
            f.indicator == "treaty_status"
            and f.polarity == "denied"
            and f.when is not None
            and f.when.start
            and done.get((f.state, f.value), "9999") <= f.when.start
        )
    ]
