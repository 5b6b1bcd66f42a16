"""``treaty_status``, ``diplomacy`` and ``mine_action``: the state's standing toward the ban."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.model import Fact, Period

TREATY_EVENTS = [
    ("accession", re.compile(r"\bacced\w*\b|\baccession\b", re.I)),
    ("ratification", re.compile(r"\bratif\w+", re.I)),
    ("signature", re.compile(r"\bsign(?:ed|ature)?\b", re.I)),
    ("withdrawal", re.compile(r"\bwithdr[ae]w\w*", re.I)),
    (
        "party",
        re.compile(
            r"\b(?:is|became|become) (?:a )?(?:state )?party\b|\bjoin(?:ed)? the (?:Mine Ban )?(?:treaty|convention)",
            re.I,
        ),
    ),
]
CCW = re.compile(r"\bConvention on (?:Certain )?Conventional Weapons\b|\bCCW\b|\bAmended Protocol II\b", re.I)
TREATY = re.compile(r"\b(?:Mine Ban Treaty|Ottawa Convention|treaty|convention)\b", re.I)
VOTE = re.compile(r"\b(?P<vote>abstain\w*|voted? (?:in favou?r|for|against|yes|no))\b", re.I)
RESOLUTION = re.compile(r"\bResolution\s+(?P<res>\d{2,3}/\d{1,3})", re.I)
MEETING = re.compile(
    r"\b(?P<name>(?:First|Second|Third|Fourth|Fifth|Sixth|\d+(?:st|nd|rd|th)) Review Conference|"
    r"Meetings? of (?:the )?States Parties|intersessional meetings?|review conference|meetings of the Mine Ban Treaty)\b",
    re.I,
)
ATTEND = re.compile(r"\b(?:attend\w*|participat\w*|present at|observer)\b", re.I)
STATEMENT = re.compile(r"\b(?:expressed|condemn\w*|criticiz\w*|regret\w*|statement|welcomed|urged)\b", re.I)
FUNDING = re.compile(
    r"\b(?:top|largest|leading) (?:funder|donor)\b|\bfunding for (?:humanitarian )?mine (?:action|clearance)\b",
    re.I,
)


def extract(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    out += _treaty(s)
    out += _votes(s)
    out += _meetings(s)
    out += _statements(s)
    out += _mine_action(s)
    return out


def _treaty(s: Sentence) -> list[Fact]:
    if not TREATY.search(s.text) and not CCW.search(s.text):
        return []
    if CCW.search(s.text):
        if re.search(r"\btransparency report\b|\breport\b", s.text, re.I):
            return [s.fact("treaty_status", "CCW Amended Protocol II report", "treaty.ccw@1", 0.7)]
        if re.search(r"\bparty to\b", s.text, re.I):
            return [s.fact("treaty_status", "CCW party", "treaty.ccw@1", 0.7)]
        return []
    for event, pattern in TREATY_EVENTS:
        m = pattern.search(s.text)
        if m and not re.search(r"\bsign\w*\b[^.]{0,10}\b(?:of|that)\b", s.text[m.start() :], re.I):
            denied = negated(s.text, m.start()) or bool(
                re.search(r"\brefus\w+ to\b[^.]{0,30}$", s.text[: m.start()])
            )
            return [
                s.fact(
                    "treaty_status",
                    event,
                    "treaty.status@1",
                    0.75,
                    polarity="denied" if denied else "affirmed",
                    when=s.periods[0].period if s.periods else _as_of(s) if denied else None,
                    attributes={"treaty": "Mine Ban Treaty"},
                )
            ]
    return []


def _votes(s: Sentence) -> list[Fact]:
    m = VOTE.search(s.text)
    if not m or not re.search(r"\bresolutions?\b|\bUNGA\b|General Assembly", s.text, re.I):
        return []
    vote = (
        "abstain"
        if m.group("vote").lower().startswith("abstain")
        else (
            "no" if "against" in m.group("vote").lower() or m.group("vote").lower().endswith(" no") else "yes"
        )
    )
    res = RESOLUTION.search(s.text)
    attrs = {"resolution": res.group("res")} if res else {"resolution": "every annual resolution"}
    return [s.fact("diplomacy", vote, "diplomacy.vote@1", 0.8, attributes={"kind": "UNGA vote"} | attrs)]


def _meetings(s: Sentence) -> list[Fact]:
    m = MEETING.search(s.text)
    a = ATTEND.search(s.text)
    if not m or not a:
        return []
    denied = bool(re.search(r"\bdid not attend\b|\babsent\b", s.text, re.I))
    return [
        s.fact(
            "diplomacy",
            "attended",
            "diplomacy.meeting@1",
            0.75,
            polarity="denied" if denied else "affirmed",
            attributes={
                "kind": "meeting",
                "meeting": m.group("name"),
                "as": "observer" if re.search(r"\bobserver\b", s.text, re.I) else None,
            },
        )
    ]


def _statements(s: Sentence) -> list[Fact]:
    """States named as speaking ("Belgium,[7] France … expressed concern") each get a fact."""
    m = STATEMENT.search(s.text)
    if not m:
        return []
    speakers = [(a, b, c) for a, b, c in s.states if a - s.start < m.start() and c != s.doc.subject_state]
    if len(speakers) < 2 and not (speakers and s.state == speakers[0][2]):
        return []
    out = []
    for _a, b, code in speakers:
        cites = [
            c
            for c in s.citations
            if any(mk.number == c.number and 0 <= mk.start - b <= 2 for mk in s.doc.markers)
        ]
        f = s.fact(
            "diplomacy",
            "statement",
            "diplomacy.statement@1",
            0.65,
            state=code,
            attributes={"kind": "statement", "about": s.doc.subject_state},
        )
        f.citations = cites
        f.start, f.end, f.quote = f.start, f.end, f.quote
        out.append(f)
    return out


def _mine_action(s: Sentence) -> list[Fact]:
    if not FUNDING.search(s.text):
        return []
    denied = negated(s.text, FUNDING.search(s.text).start())
    usd = [q for q in s.quantities if q.unit == "USD"]
    value = (
        usd[0].number
        if usd
        else "top funder"
        if re.search(r"\btop|largest|leading\b", s.text, re.I)
        else "funding"
    )
    return [
        s.fact(
            "mine_action",
            value,
            "mine_action.funding@1",
            0.7,
            unit="USD" if usd else None,
            polarity="denied" if denied else "affirmed",
        )
    ]


def _as_of(s: Sentence) -> Period | None:
    d = s.doc.date
    return Period(d.isoformat(), d.isoformat(), "day", "as of document date") if d else None
