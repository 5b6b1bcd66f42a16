"""``policy``: a policy version, its date, and the provisions a passage states.

The version is the year the passage names ("the 2014 policy"), else the year
of the policy the paragraph named last. Provisions are read from the passage
with the patterns in :data:`PROVISIONS`; each provision keeps its own words.
"""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.model import Fact, Period

VERSION = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?:US\s+|U\.S\.\s+)?(?:landmines?\s+|anti-?personnel\s+(?:land)?mine\s+)?polic(?:y|ies)\b",
    re.IGNORECASE,
)
ISSUED = re.compile(
    r"\b(?:announc\w+|issu\w+|releas\w+|adopt\w+|set|unveil\w+|revis\w+)\b[^.]{0,60}\bpolicy\b|"
    r"\bpolicy\b[^.]{0,40}\b(?:announc\w+|issu\w+|releas\w+)\b|\bcall(?:ed)? for\b[^.]{0,30}\belimination\b|"
    r"\bgoal\b[^.]{0,40}\b(?:join|accede|accession)\b",
    re.IGNORECASE,
)
PROVISIONS: dict[str, list[tuple[str, re.Pattern]]] = {
    "geographic_scope": [
        ("anywhere", re.compile(r"\banywhere in the world\b|\bworldwide\b", re.I)),
        (
            "Korean Peninsula only",
            re.compile(r"\b(?:outside|except|only on|only in)\b[^.]{0,20}\bKorea", re.I),
        ),
    ],
    "use_authorization": [
        (
            "combatant commanders",
            re.compile(r"\b(?:regional|combatant) (?:combatant )?commanders?\b|\bfour-star general\b", re.I),
        ),
        (
            "President",
            re.compile(
                r"\bPresidential level\b|\bauthori[sz]\w+\b[^.]{0,40}\bPresident\b|\bPresident\b[^.]{0,40}\bauthori[sz]",
                re.I,
            ),
        ),
    ],
    "persistence": [
        ("non-persistent only", re.compile(r"\bnon-persistent\b|\bself-destruct", re.I)),
        (
            "persistent phased out",
            re.compile(r"\bphased?-out persistent\b|\bphase out\b[^.]{0,30}persistent", re.I),
        ),
    ],
    "production": [
        (
            "banned",
            re.compile(
                r"\bban\w*\s+production\b|\bno future\b[^.]{0,20}\bproduction\b|\bno longer (?:develop|produce)\b",
                re.I,
            ),
        ),
        ("allowed", re.compile(r"\ballows?\b[^.]{0,40}\bproduc", re.I)),
    ],
    "acquisition": [
        (
            "banned",
            re.compile(r"\bban\w*\b[^.]{0,30}\bacquisition\b|\bno future\b[^.]{0,40}\bacquisition\b", re.I),
        ),
        ("allowed", re.compile(r"\bmay acquire\b|\bexplore acquiring\b|\ballows?\b[^.]{0,40}\bacqui", re.I)),
    ],
    "use": [
        ("allowed", re.compile(r"\b(?:allows?|permits?)\b[^.]{0,50}\buse\b", re.I)),
        ("restricted", re.compile(r"\bnot (?:to )?use\b|\bhalting their use\b|\bnot use\b", re.I)),
    ],
    "transfer": [
        ("as US law provides", re.compile(r"\bnot seek to transfer\b|\btransfer\b[^.]{0,40}\blaw\b", re.I)),
        ("no assistance outside Korea", re.compile(r"\bnot to assist\b", re.I)),
    ],
    "stockpile_destruction": [
        (
            "destroy stocks not needed for Korea",
            re.compile(r"\bdestroy\b[^.]{0,60}\bnot required for the defen[cs]e\b", re.I),
        ),
        ("no life extension", re.compile(r"\bprecluded?\b[^.]{0,40}\bextending\b", re.I)),
    ],
    "accession_goal": [
        (
            "abandoned",
            re.compile(
                r"\boff the path\b|\breversed\b[^.]{0,40}\bgoal\b|\bgoal\b[^.]{0,80}\breversed\b|\brejected\b[^.]{0,40}\bprohibition",
                re.I,
            ),
        ),
        (
            "join the treaty",
            re.compile(
                r"\b(?:goal|aspiration|ultimately)\b[^.]{0,60}\b(?:join|accede|accession)\b|\ballow us to accede\b",
                re.I,
            ),
        ),
        ("refused", re.compile(r"\brefused to join\b|\bdid not (?:adopt or )?sign\b", re.I)),
    ],
}


def provisions(text: str) -> dict[str, str]:
    found = {}
    for name, options in PROVISIONS.items():
        for value, pattern in options:
            if pattern.search(text):
                found[name] = value
                break
    return found


def extract(s: Sentence) -> list[Fact]:
    version = _version(s)
    if version is None:
        return []
    found = provisions(s.text)
    if not found and not ISSUED.search(s.text):
        return []
    year, when = version
    return [
        s.fact(
            "policy",
            f"{year} policy",
            "policy.provisions@1",
            0.7 if found else 0.6,
            when=when,
            attributes={"version": year, "provisions": found},
        )
    ]


def _version(s: Sentence) -> tuple[int, Period] | None:
    m = VERSION.search(s.text)
    if m:
        return int(m.group("year")), _year(m.group("year"), m.group(0))
    if not re.search(r"\bpolic(?:y|ies)\b|\belimination\b|\bjoin the treaty\b", s.text, re.I):
        return None
    if s.periods and ISSUED.search(s.text):
        p = s.periods[0].period
        return p.year, p
    before = s.doc.text[max(0, s.start - 1500) : s.start]
    ms = list(VERSION.finditer(before))
    if ms and re.search(r"\b(?:the|this|new) policy\b", s.text, re.I):
        return int(ms[-1].group("year")), _year(ms[-1].group("year"), ms[-1].group(0))
    return None


def _year(y: str, text: str) -> Period:
    return Period(f"{y}-01-01", f"{y}-12-31", "year", text)
