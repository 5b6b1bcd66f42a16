"""Who a sentence is about, and where it happened.

A document has a subject state (the profile's title, or the state it names
most). A sentence is attributed to another state only when that state is its
grammatical subject: named before the main verb, after any opening adverbial
("In 1991, in Iraq and Kuwait, …"), and not as a place ("in Iraq"), an owner
of an office ("Ambassador … of Sudan") or a company's home ("Spanish defense
company"). States named as places become the fact's ``location``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml

from minewatch.extract import patterns
from minewatch.vocab.lexicon import trie_pattern
from minewatch.vocab.loader import DATA

if TYPE_CHECKING:
    from minewatch.extract.context import Sentence

SUBJECT_ZONE = 90  # characters from the clause start where a subject is named
VERB_REACH = 30  # characters past the zone in which a verb opening inside it ends
# Opening adverbials (any case): these words, or "Speaking at", then anything up to a comma.
LEAD_WORDS = (  # noqa: SIM905 - a list of words reads best as one
    "in|on|by|since|as of|during|after|before|previously|however|moreover|also|today|yet|but|"
    "first|finally|notably|meanwhile|beginning in|until|between|from|indeed|thus|still|then|later|"
    "earlier|overall|instead|even so|in addition|at the same time|for example|among|according to|like|unlike"
).split("|")
# The words as a trie: the engine tries a few first letters, not every word. Which word matches
# changes nothing: none holds a comma, so each adverbial runs to the first comma after it.
LEAD = re.compile(
    r"[\"“(]?(?:(?:" + trie_pattern(LEAD_WORDS) + "|"
    r"(?-i:[A-Z][a-z]+ing)\s+(?:after|at|before|during|in|on|to|for|about)\b)[^,]{0,60},\s*)*",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"\(?\d{1,3}[.)]\s+")  # a numbered paragraph's number: "4. In the exchange …"
PLACE_SOURCE = (
    r"\b(?:in|at|to|from|of|with|near|into|across|inside|outside|on|against|by|for|toward|towards|"
    r"between|around|throughout|over|under|within|including|and|than)\s+(?:the\s+)?$"
)
PLACE = re.compile(PLACE_SOURCE, re.IGNORECASE)
# PLACE for lower-cased ASCII text, where IGNORECASE matches just what lower case does: opening
# with literal letters, whose alternatives the engine rejects at a glance.
PLACE_LOW = patterns.compile(PLACE_SOURCE)
PLACE_REACH = 14  # characters before a name where PLACE looks
# "The Pacific nation of Tuvalu acceded", "the government of Myanmar laid": the state, not a place.
NAMED_AS = re.compile(
    r"\b(?:nation|country|state|kingdom|republic|government|island(?:\s+(?:state|nation))?)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A subject that is a group of states: "Four signatory states have ratified", "six that have
# voted in favor", "About half of the 35 states"; or the treaty itself, heading the subject.
GROUP = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|most|all|other|some|half)\b"
    r"(?:\s+(?:\w+\s+){0,3}(?:states|countries|nations|signatories|governments)\b|\s+(?:that|who|of them)\b)",
    re.IGNORECASE,
)
TREATY_SUBJECT = re.compile(r"(?:the\s+)?(?:mine ban |ottawa )?(?:treaty|convention)\b", re.IGNORECASE)
COMPANY = re.compile(r"\s*(?:\w+\s+){0,2}(?:company|firm|contractor|subsidiary|corporation|group)\b", re.I)
# A main verb: the subject is named before it. Kept small: auxiliaries and the
# verbs indicator sentences are built on.
VERB_WORDS = (
    r"(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Hh]as|[Hh]ave|[Hh]ad|[Dd]id|[Dd]oes|[Dd]o|will|would|can|could|may|might|"
    r"should|must|[a-z]\w*+(?<=\wed)|sold|bought|made|laid|held|holds|says?|said|told|began|begun|remains?|continues?|"
    r"removes?|uses|maintains?|produces?|exports?|imports?|destroys?|retains?)\b"
)  # "-ed" words in lower case only: "United" is a name, not a verb
VERB = re.compile(r"\b" + VERB_WORDS)
# VERB past a sentence's first character, opening with the character before the verb (the
# word is group 1): an opening character set lets the engine skip ahead over word characters,
# where ``\b`` is tested at every position. Each choice is whole words, so it is the same match.
VERB_WITHIN = re.compile(r"[^a-zA-Z0-9_](?<=\W)(" + VERB_WORDS + ")")
# A speaker's verb: with no state before it, the state opening the reported clause is the subject.
SPEECH = frozenset(("said", "says", "say", "stated", "told", "insisted", "claimed", "announced", "reported"))
# Taking in news of a state's act: "Delegates welcomed news that Chile had completed …"
HEARING = frozenset(("welcomed", "noted", "learned", "heard", "hailed", "applauded", "received"))
NEWS_THAT = re.compile(r"\s+(?:the\s+)?(?:news|reports?|word|announcements?)\s+that\s+(?:the\s+)?")
REPORTED_OPENING = re.compile(r"(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:the\s+)?")
FOLLOWING = re.compile(r"The following (?:States|states|countries|delegations)\b[^:.]{0,120}:")
PRONOUN = re.compile(r"(?:It|They|She|He)\b")
# Places that are not states, mapped to the state they lie in.
PLACES = {
    "Guantanamo": "CUB",
    "Guantánamo": "CUB",
    "Demilitarized Zone": "KOR",
    "DMZ": "KOR",
}
# "… and North Korea": the literal opening lets the regex engine skip ahead; the word
# before " and" ("South") is read back from there.
AND_NAME = re.compile(r" and ([A-Z]\w+) ([A-Z]\w+)\b")
PLACE_PATTERN = patterns.compile(r"\b(?:" + "|".join(map(re.escape, PLACES)) + r")\b")


def subject_states(
    text: str,
    mentions: list[tuple[int, int, str]],
    offset: int,
    default: str | None,
    previous: list[str] | None = None,
    zone_: tuple[int, int, re.Match | None] | None = None,
) -> list[str]:
    """The states the sentence's subject names (several when coordinated), else ``[default]``.

    ``zone_`` is ``zone(text)``, for a caller that has it.
    """
    head, limit, verb = zone_ or zone(text)
    listed = FOLLOWING.match(text, head) if text.startswith("The following", head) else None
    if listed:  # "The following States … participated as observers: Egypt, Iran and Viet Nam."
        named = [code for start, _end, code in mentions if start - offset >= listed.end()]
        if named:
            return list(dict.fromkeys(named))
    found: list[str] = []
    place_end = -1  # where the last state named as a place ends
    for start, end, code in mentions:
        local, local_end = start - offset, end - offset
        if local < head or local >= limit:
            continue
        if (
            _named_as_place(text, local)
            and not _coordinated(text, local, found)
            and not NAMED_AS.search(text, max(0, local - 30), local)  # "the nation of Tuvalu"
        ) or (place_end >= 0 and _listed_after(text, place_end, local)):
            place_end = local_end
            continue
        if COMPANY.match(text, local_end):
            continue
        if code not in found:
            found.append(code)
    if verb is not None and verb.start() < limit + 1 and verb.group(0) in SPEECH:
        # "Ukraine said that Russian forces had used …": the reported clause's state acts
        found = _reported_subject(text, mentions, offset, verb.end()) or found
    elif not found and verb is not None and verb.group(0) in HEARING:
        # "Delegates welcomed news that Chile had completed …": the state the news is of
        found = _reported_subject(text, mentions, offset, verb.end(), NEWS_THAT)
    if not found and previous is not None and PRONOUN.match(text, head):
        return previous  # "It has not exported …": the subject of the sentence before
    return found or ([default] if default else [])


def _reported_subject(
    text: str,
    mentions: list[tuple[int, int, str]],
    offset: int,
    after: int,
    opening: re.Pattern = REPORTED_OPENING,
) -> list[str]:
    """'Its ministry said Cambodia "has not laid …"': the state opening the reported clause, right
    after ``opening`` (what stands between the verb and that state)."""
    m = opening.match(text, after)
    if m is None:
        return []
    return [code for start, _end, code in mentions if start - offset == m.end()][:1]


# What joins the states of a list: "in Afghanistan, Angola, Laos and Ukraine".
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _listed_after(text: str, place_end: int, local: int) -> bool:
    """The state at ``local`` continues a list opened by a state named as a place."""
    return 0 <= place_end < local and LIST_JOIN.fullmatch(text, place_end, local) is not None


def subject_zone(text: str) -> tuple[int, int]:
    """Where a sentence names its subject: after any number and opening adverbials, before the main verb."""
    head, limit, _verb = zone(text)
    return head, limit


def zone(text: str) -> tuple[int, int, re.Match | None]:
    """``subject_zone``, and the main verb found (None if none is)."""
    number = NUMBERED.match(text) if text[:1].isdigit() or text[:1] == "(" else None
    lead = LEAD.match(text, number.end() if number else 0)
    head = lead.end() if lead else 0
    # a verb past the subject zone changes nothing: the search stops a long word after it
    verb = verb_within(text, head, head + SUBJECT_ZONE + VERB_REACH)
    return head, min(verb.start() if verb else len(text), head + SUBJECT_ZONE), verb


def _named_as_place(text: str, local: int) -> bool:
    """Whether the name at ``local`` follows a preposition ("in Iraq"): PLACE before it."""
    before = text[max(0, local - PLACE_REACH) : local]
    if before.isascii():
        return PLACE_LOW.search(before.lower()) is not None
    return PLACE.search(before) is not None


def verb_within(text: str, start: int, end: int) -> re.Match | None:
    """``VERB.search(text, start, end)``, skipping ahead to non-word characters."""
    if not start:
        first = VERB.match(text, 0, end)
        if first is not None:
            return first
        start = 1
    within = VERB_WITHIN.search(text, start - 1, end)
    return None if within is None else VERB.match(text, within.start(1), end)


def _coordinated(text: str, local: int, found: list[str]) -> bool:
    """'Belgium, France and Germany': a state after 'and' joins the subject already found."""
    return bool(found) and bool(re.search(r"(?:,|\band)\s+(?:the\s+)?$", text[max(0, local - 8) : local]))


def subject_state(
    text: str, mentions: list[tuple[int, int, str]], offset: int, default: str | None
) -> str | None:
    states = subject_states(text, mentions, offset, default)
    return states[0] if states else None


def elliptic_states(text: str, lookup: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    """'South and North Korea' names two states: find the elided first one."""
    out = []
    if " and " not in text:
        return out
    last = 0
    for m in AND_NAME.finditer(text):
        start = end = m.start()
        while start > last and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if (
            end - start < 2
            or not "A" <= text[start] <= "Z"
            or (start == last and start and _word(text[start - 1]))
        ):
            continue
        last = m.end()
        code = lookup(f"{text[start:end]} {m.group(2)}")
        if code:
            out.append((start, end, code))
    return out


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def locations(text: str, mentions: list[tuple[int, int, str]], offset: int, subject: str | None) -> list[str]:
    """States (and places mapped to states) the sentence names as where something happened."""
    out = []
    place_end = -1
    for start, end, code in mentions:
        local = start - offset
        if _listed_after(text, place_end, local) or (code != subject and _named_as_place(text, local)):
            place_end = end - offset
            if code != subject and code not in out:
                out.append(code)
    if not any(place in text for place in PLACES):  # substring tests, much cheaper than the scan
        return out
    for m in PLACE_PATTERN.finditer(text):
        code = PLACES[m.group(0)]
        if code != subject and code not in out:
            out.append(code)
    return out


@lru_cache(maxsize=1)
def _actors() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))


def non_state_words() -> tuple[str, ...]:
    """Actors that are not states (``vocab/data/actors.yaml``), lower case."""
    return tuple(_actors()["non_state"])


@lru_cache(maxsize=1)
def non_state_pattern() -> re.Pattern:
    """``non_state_words`` as one pattern (run only where the cue scan found one of them)."""
    words = sorted(map(re.escape, non_state_words()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + ")")


@lru_cache(maxsize=1)
def organization_pattern() -> re.Pattern:
    """Organizations that fund, clear or report (``vocab/data/actors.yaml``), as one pattern on lower case."""
    names = _actors()["organizations"]
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")


def non_state_subject(s: Sentence, lo: int, verb: int) -> bool:
    """A non-state actor, and no state but a place ("In Yemen, Houthi forces laid …"), is named
    between ``lo`` and the verb at ``verb``."""
    return non_state_pattern().search(s.low, lo - s.start, verb - s.start) is not None and not any(
        lo <= a < verb and not IN_PLACE.search(s.low, max(0, a - s.start - 8), a - s.start)
        for a, _b, _c in s.states
    )


IN_PLACE = patterns.compile(r"\b(?:in|across|along|inside|throughout)\s+(?:the\s+)?$")
