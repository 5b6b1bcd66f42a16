"""``diplomacy``: UN General Assembly votes, attendance at treaty meetings, statements by others."""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import hypothetical
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = (
    "abstain",
    "vot",
    "resolution",
    "conference",
    "meeting",
    "intersessional",
    "express",
    "condemn",
    "critici",
    "regret",
    "welcomed",
    "urged",
    "deplor",
    "protest",
    "called on",
    "called for",
    "statement",
    "attended",
)
SPOKEN = (
    "said",
    "stated",
    "explained",
    "told",
    "addressed",
    "briefed",
)  # a state speaking: see _explanations
# Groups of words the run's scan of a sentence looks for (see ``Sentence.cues``).
CUES = {"diplomacy.core": KEYWORDS}
KEYWORDS += SPOKEN
VOTE = patterns.compile(
    r"\b(?P<vote>abstain\w*|voted? (?:in favou?r|for|against|yes|no)|did not vote|was absent)\b"
)
UNGA = patterns.compile(r"\b(?:resolutions?|unga)\b|general assembly")
RESOLUTION = patterns.compile(r"\bresolution\s+(?P<res>\d{2,3}/\d{1,3})")
MEETING = patterns.compile(
    r"\b(?P<name>(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) review conference|"
    r"meetings? of (?:the )?states parties|intersessional meetings?|review conference|"
    r"meetings of the (?:mine ban )?treaty|(?:annual )?conference of the high contracting parties|"
    r"the conference|(?:these|those|this) meetings?|conference on disarmament|(?:un )?first committee)\b"
)
MEETING_WINDOW = 1500  # characters back in which "the Conference" finds the sentence dating it
RESOLUTION_WINDOW = 600  # characters back in which a vote finds the resolution it is on
ATTEND = patterns.compile(r"\b(?:attend\w*|participat\w*|present at|took part)\b")
PRESENT = patterns.compile(r"(?:attends|participates)\b")
ABSENT = patterns.compile(r"\b(?:did not (?:attend|participate)\b|absent\b|boycott\w*)")
# A document that is a state's own statement: "Statement of the Republic of Tajikistan on …",
# "Statement by the delegation of Chile".
STATEMENT_TITLE = patterns.compile(
    r"\W*statement\s+(?:of|by)\s+(?:the\s+)?(?:(?:delegation|government|permanent mission|representative)\s+of\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
TOLD = patterns.compile(r"\b(?:told|addressed|informed|briefed)\s+(?:the\s+)?")
MADE_STATEMENT = patterns.compile(
    r"\b(?:made|delivered|gave|read|presented)\s+(?:a|an|its|their)\s+(?:\w+\s+)?statements?\b"
)
# A state speaking, right after its name: "Egypt said", "Egypt's delegate stated"
SPOKE = patterns.compile(
    r"(?:['’]s\s+(?:delegate|delegation|representative|ambassador|envoy|foreign minister)\s+|\s+)"
    r"(?:said|stated|explained|told)\b"
)
TOLD_ASSEMBLY = patterns.compile(
    r"\s+(?:the\s+)?(?:un\s+)?(?:general assembly|first committee|assembly|committee|delegates|meeting|conference)\b"
)
STATEMENT = patterns.compile(
    r"\b(?:expressed|condemn\w*|criticiz\w*|regrett?\w*|welcomed|urged|deplored|protested|called (?:on|for))\b"
)


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table" or s.is_reference:
        return []
    if (
        "diplomacy.core" not in s.cues
    ):  # only a state speaking: "Egypt's delegate said …", "told the Conference"
        return _explanations(s) if s.footnote is None else []
    return _votes(s) + _meetings(s) + _statements(s)


def _votes(s: Sentence) -> list[Fact]:
    """Votes on a General Assembly resolution, each state of a coordinated subject voting.

    The resolution is named in the sentence, or in one shortly before ("North Korea did not
    vote" in the paragraph after the one reporting the resolution). Each vote is dated by a
    period between it and the next vote the sentence reports ("abstained, reversing its vote
    in favor of last year's resolution"), else as the single vote always was, else by the
    sentence that named the resolution.
    """
    votes = list(VOTE.finditer(s.low))
    if not votes:
        return []
    here = bool(UNGA.search(s.low))
    context = _resolution_sentence(s)
    if not here and context is None:
        return []
    # a sentence that speaks of resolutions without naming one is about every annual one
    res = RESOLUTION.search(s.low if here or context is None else context.low)
    attrs = {"kind": "UNGA vote", "resolution": res.group("res") if res else "every annual resolution"}
    fallback = context.last_period if context is not None else None
    out = []
    for i, m in enumerate(votes):
        hi = votes[i + 1].start() if i + 1 < len(votes) else len(s.low)
        own = [f.period for f in s.periods if m.start() <= f.start - s.start < hi]
        if own:
            when = own[0]
        elif len(votes) == 1 and (here or s.periods):
            when = s.periods[0].period if s.periods else fallback
        elif i == 0 and s.periods and s.periods[0].start - s.start < m.start():
            when = s.periods[0].period
        else:
            when = fallback
        fact = s.fact(
            "diplomacy", _vote(m.group("vote")), "diplomacy.vote@4", 0.8, when=when, attributes=attrs
        )
        out += s.per_subject(fact)
    return out


def _vote(word: str) -> str:
    if word.startswith("abstain"):
        return "abstain"
    if word in ("did not vote", "was absent"):
        return "absent"
    return "no" if "against" in word or word.endswith(" no") else "yes"


def _resolution_sentence(s: Sentence) -> Sentence | None:
    """The sentence before ``s`` (in its paragraph, or a few lines up) that names a resolution."""
    if s.previous is not None and UNGA.search(s.previous.low):
        return s.previous
    return next((o for o in s.before(RESOLUTION_WINDOW) if UNGA.search(o.low)), None)


def _meetings(s: Sentence) -> list[Fact]:
    """One fact per meeting named, dated by the period between it and the next meeting named."""
    a = ATTEND.search(s.low)
    if not a:
        return []
    meetings = list(MEETING.finditer(s.low))
    if hypothetical(s, a.start()):
        return []
    if not meetings:
        return _attended_before(s, a)
    # "did not attend" is a fact of its own (absent), not a denied attendance
    absent = bool(ABSENT.search(s.low))
    out = []
    for i, m in enumerate(meetings):
        hi = meetings[i + 1].start() if i + 1 < len(meetings) else len(s.low)
        own = [f.period for f in s.periods if m.start() <= f.start - s.start < hi]
        when = (
            own[0]
            if own
            else (s.periods[0].period if s.periods and s.periods[0].start - s.start < m.start() else None)
        )
        if when is None and not s.periods and m.group("name") == "the conference":
            when = _dated_before(s)
        if when is None and PRESENT.match(a.group()):  # "attends these meetings": the document's
            when = s.as_of()
        out += s.per_subject(
            s.fact(
                "diplomacy",
                "absent" if absent else "attended",
                "diplomacy.meeting@3",
                0.75,
                when=when,
                attributes={
                    "kind": "meeting",
                    "meeting": s.text[m.start("name") : m.end("name")],
                    "as": "observer" if re.search(r"\bobservers?\b", s.low, re.I) else None,
                },
            )
        )
    return out


def _attended_before(s: Sentence, verb: re.Match) -> list[Fact]:
    """ "Tonga … attended as a State Party for the first time": the meeting a sentence shortly before
    named ("The Fifth Review Conference … closed today"), dated as that sentence dates it."""
    if not verb.group().startswith(("attended", "participated", "took part")):
        return []
    for other in s.before(MEETING_WINDOW):
        m = MEETING.search(other.low)
        if m is None or m.group("name") in (
            "the conference",
            "these meetings",
            "those meetings",
            "this meeting",
        ):
            continue
        named = [
            f.period
            for f in other.periods
            if f.start - other.start < m.end() and f.end - other.start > m.start()
        ]
        when = named[0] if named else (other.periods[0].period if other.periods else None)
        return s.per_subject(
            s.fact(
                "diplomacy",
                "attended",
                "diplomacy.meeting@3",
                0.65,
                when=when,
                attributes={"kind": "meeting", "meeting": other.text[m.start("name") : m.end("name")]},
            )
        )
    return []


def _dated_before(s: Sentence):
    """'participated in the Conference': the date a sentence shortly before gives the conference."""
    for other in s.before(MEETING_WINDOW):
        if other.periods and "conference" in other.low:
            return other.periods[0].period
    return None


def _statements(s: Sentence) -> list[Fact]:
    """States named as speaking ("Belgium,[7] France … expressed concern") each get a fact.

    A statement is dated by the note cited right after the state's name.
    """
    title = STATEMENT_TITLE.match(s.low)
    if title and s.footnote is None:
        speaker = next((c for a, _b, c in s.states if a - s.start <= title.end() + 20), None)
        if speaker:
            return [
                s.fact(
                    "diplomacy",
                    "statement",
                    "diplomacy.statement@2",
                    0.7,
                    state=speaker,
                    when=s.as_of(),
                    attributes={"kind": "statement"},
                )
            ]
    made = (MADE_STATEMENT.search(s.low) or _told_meeting(s)) if s.footnote is None else None
    if made and not hypothetical(s, made.start()):  # "where it made a statement on …": the subject spoke
        return s.per_subject(
            s.fact(
                "diplomacy",
                "statement",
                "diplomacy.statement@2",
                0.65,
                when=s.period_near(s.start + made.start()) or s.as_of(),
                attributes={"kind": "statement"},
            )
        )
    m = STATEMENT.search(s.low)
    if not m and s.footnote is None and any(w in s.low for w in SPOKEN):
        return _explanations(s)
    if not m or s.footnote is not None:
        return []
    speakers = [(a, b, c) for a, b, c in s.states if a - s.start < m.start() and c != s.doc.subject_state]
    if len(speakers) < 2 and not (speakers and s.state == speakers[0][2]):
        return []
    out = []
    for _a, b, code in speakers:
        marks = [mk.number for mk in s.doc.markers if 0 <= mk.start - b <= 2]
        f = s.fact(
            "diplomacy",
            "statement",
            "diplomacy.statement@2",
            0.65,
            state=code,
            # dated by its note; in a text without notes (news, a press release), as of the text
            when=s.ctx.note_date(marks[0]) if marks else (None if s.doc.footnotes else s.as_of()),
            attributes={"kind": "statement", "about": s.doc.subject_state},
        )
        f.citations = [c for c in s.citations if c.number in marks]
        out.append(f)
    return out


def _told_meeting(s: Sentence) -> re.Match | None:
    """ "the government told the Fifth Review Conference …": speaking to a treaty meeting."""
    told = TOLD.search(s.low)
    return told if told and MEETING.match(s.low, told.end()) else None


def _explanations(s: Sentence) -> list[Fact]:
    """A state explaining its vote where a resolution was just reported: "Egypt's delegate said the
    treaty did not address …", "Speaking after the vote, Egypt said it could not support the text".
    Dated by the sentence, else by the vote's."""
    speakers = list(
        dict.fromkeys(
            code
            for _a, b, code in s.states
            if (spoke := SPOKE.match(s.text, b - s.start)) and not _told_others(s, spoke.end())
        )
    )
    if not speakers:
        return []
    context = s if UNGA.search(s.low) else _resolution_sentence(s)
    if context is None:
        return []
    when = s.periods[0].period if s.periods else context.last_period or s.as_of()
    return [
        s.fact(
            "diplomacy",
            "statement",
            "diplomacy.explanation@2",
            0.6,
            state=code,
            when=when,
            attributes={"kind": "explanation of vote"},
        )
        for code in speakers
    ]


def _told_others(s: Sentence, end: int) -> bool:
    """ "Egypt told the Monitor …": told to someone other than the assembly that voted."""
    return s.low[end - 4 : end] == "told" and not TOLD_ASSEMBLY.match(s.low, end)
