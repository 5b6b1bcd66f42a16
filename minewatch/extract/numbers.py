"""Quantities as researchers write them: a value, a unit and a qualifier, kept apart.

"just over 3 million anti-personnel mines" → 3000000, mines, "just over";
"$1.9 million" → 1900000, USD; "three self-destruct times" → 3, times.
Years (1997) are dates, not quantities, and are left to ``dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUALIFIERS = (
    "just over",
    "just more than",
    "just under",
    "slightly more than",
    "slightly over",
    "more than",
    "over",
    "in excess of",
    "nearly",
    "almost",
    "approximately",
    "about",
    "around",
    "roughly",
    "some",
    "at least",
    "up to",
    "fewer than",
    "less than",
    "under",
    "close to",
    "an estimated",
    "estimated",
    "a total of",
    "at most",
    "as many as",
    "an additional",
)
WORDS = {
    "a single": 1,
    "single": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "hundred": 100,
    "a dozen": 12,
    "dozens of": 24,
    "hundreds of": 100,
    "thousands of": 1000,
    "millions of": 1_000_000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
UNITS = {
    "mines": r"(?:anti-?personnel |anti-?vehicle |antitank |anti-tank |land|self-destructing[^ ]* )?(?:mines?|landmines?|munitions?)",
    "countries": r"(?:other |mine-affected )?(?:countries|states|nations)",
    "years": r"years?",
    "months": r"months?",
    "hours": r"hours?",
    "days": r"days?",
    "senators": r"senators",
    "members": r"(?:other )?members(?: of Congress)?",
    "pages": r"(?:-?page|pages)",
    "times": r"(?:[\w-]+ )?times",
    "minefields": r"minefields?",
}
_q = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_w = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_scale = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn)\b)?"
NUMBER = re.compile(
    rf"(?:(?P<qual>{_q})\s+)?"
    rf"(?:(?P<cur>US\$|\$|USD\s?|€|£)\s?)?"
    rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<word>\b(?:{_w})\b))"
    rf"{_scale}"
    rf"(?P<dollars>\s+(?:US\s)?dollars)?",
    re.IGNORECASE,
)
UNIT = re.compile(
    r"\s*(?:(?:[\w/-]+\s){0,3}?)(?P<unit>" + "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items()) + r")\b",
    re.IGNORECASE,
)
YEARLIKE = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None
    approx: str | None
    text: str

    @property
    def number(self) -> float | int:
        return int(self.value) if float(self.value).is_integer() else self.value


def find(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text``; spans are shifted by ``offset``."""
    out = []
    for m in NUMBER.finditer(text):
        num, word, cur, scale = m.group("num"), m.group("word"), m.group("cur"), m.group("scale")
        if num:
            if YEARLIKE.match(num) and not (cur or scale or m.group("dollars")):
                continue
            if _inside_token(text, m.start("num"), m.end("num")):
                continue
            value = float(num.replace(",", ""))
        else:
            value = float(WORDS[word.lower()])
        if scale:
            value *= SCALES[scale.lower()]
        unit = None
        end = m.end()
        if cur or m.group("dollars"):
            unit = "USD" if (cur or "$").strip() in ("$", "US$", "USD", "") else cur.strip()
        else:
            u = UNIT.match(text, m.end())
            if u and u.start("unit") - m.end() <= 40:
                unit = next(k for k in UNITS if u.group(k))
                end = u.end()
            elif word and not u:
                continue  # a bare number word ("one of", "two") is not a quantity
        qual = m.group("qual").lower() if m.group("qual") else None
        out.append(Quantity(m.start() + offset, end + offset, value, unit, qual, text[m.start() : end]))
    return out


def _inside_token(text: str, start: int, end: int) -> bool:
    """True for digits that are part of a code or identifier (74/61, M16A1, CBU-89, 12-page)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (
        before.isalnum()
        or before in "/-–"
        or after.isalpha()
        or after == "/"
        or (
            after == "-"
            and end + 1 < len(text)
            and text[end + 1].isalpha()
            and text[end + 1 : end + 5] != "page"
        )
    )
