"""Quantities as researchers write them: a value, a unit and a qualifier, kept apart.

"just over 3 million anti-personnel mines" → 3000000, mines, "just over";
"$1.9 million" → 1900000, USD; "three self-destruct times" → 3, times;
"between 10,000 and 20,000 mines" → 10000 (high 20000), mines.
Qualifiers are reported in one canonical form ("just more than" → "just over",
"about" → "approximately") so facts from different sources compare.
Years (1997) are dates, not quantities, and are left to ``dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minewatch.extract import patterns
from minewatch.vocab.lexicon import trie_pattern

# Each qualifier as written → its canonical form (None: no qualification).
QUALIFIERS: dict[str, str | None] = {
    "just over": "just over",
    "just more than": "just over",
    "slightly more than": "just over",
    "slightly over": "just over",
    "just above": "just over",
    "just under": "just under",
    "just less than": "just under",
    "slightly less than": "just under",
    "more than": "more than",
    "over": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "approximately": "approximately",
    "approx.": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated at": "approximately",
    "estimated": "approximately",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
    "a total of": None,
    "an additional": None,
}
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
    "a thousand": 1000,
    "a million": 1_000_000,
    "a dozen": 12,
    "dozens of": 24,
    "hundreds of": 100,
    "thousands of": 1000,
    "tens of thousands of": 10_000,
    "hundreds of thousands of": 100_000,
    "millions of": 1_000_000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
UNITS = {
    "mines": r"(?:anti-?personnel |anti-?vehicle |anti-?tank |land|self-destructing[^ ]* )?(?:mines?|landmines?|munitions?)",
    "countries": r"(?:other |mine-affected )?(?:countries|states|nations)",
    "years": r"years?",
    "decades": r"decades?",
    "months": r"months?",
    "hours": r"hours?",
    "days": r"days?",
    "senators": r"senators",
    "members": r"(?:other )?members(?: of Congress)?",
    "pages": r"(?:-?page|pages)",
    "times": r"(?:[\w-]+ )?times",
    "minefields": r"minefields?",
    "hectares": r"hectares|ha\b",
    "square_metres": r"(?:square met(?:re|er)s?|m2|m²)",
    "casualties": r"(?:casualties|victims|survivors)",
}
# Currencies as ISO 4217 codes: by the sign or code written before an amount ("US$1.4 million"),
# and by the name written after it ("95 million baht").
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
CURRENCY_NAMES = {
    "dollars": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "baht": "THB",
    "yen": "JPY",
    "swiss francs": "CHF",
    "norwegian kroner": "NOK",
    "danish kroner": "DKK",
    "swedish kronor": "SEK",
    "zloty": "PLN",
}
CURRENCIES = frozenset(CURRENCY_SIGNS.values()) | frozenset(CURRENCY_NAMES.values())
# A time unit after "a", "per" or "each" is a rate or a distance in time, not what a number counts:
# "1,720 a year earlier", "5,000 per year".
RATE = patterns.compile(r"(?:^|\s)(?:a|an|per|each|every)\s+$")
TIME_WORDS = ("year", "decade", "month", "hour", "day")
_num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_scale = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn)\b)?"
# All patterns here run on the lower-cased text (over twice as fast as IGNORECASE).
# The number itself; its qualifier is looked for just before it (QUALIFIED), which
# is much cheaper than trying every qualifier at every position of the text.
NUMBER = patterns.compile(
    rf"(?:(?P<cur>us\$|\$|usd\s?|eur\s?|gbp\s?|€|£)\s?)?"
    rf"(?:(?P<num>{_num})|\b(?P<word>{trie_pattern(sorted(WORDS))})\b)"
    rf"{_scale}"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<cur2>us\$|\$|€|£)?(?P<high>{_num}){_scale.replace('scale', 'scale2')})?"
    rf"(?:\s+(?P<named>{trie_pattern(sorted(CURRENCY_NAMES))})\b)?"
)
QUALIFIED = patterns.compile(rf"(?<![\w-])(?P<qual>{trie_pattern(sorted(QUALIFIERS))})\s+$")
UNIT = patterns.compile(
    r"\s*(?:(?:[\w/-]+\s){0,3}?)(?P<unit>"
    + "|".join(f"(?P<{k}>{v.lower()})" for k, v in UNITS.items())
    + r")\b"
)
KINDS = patterns.compile(r"\s+(?:different\s+)?(?:types?|kinds?|models?|varieties|categories)\b")
PARTITIVE = patterns.compile(r"\s+of\s+(?:the|its|their|these|those)\b")
YEARLIKE = patterns.compile(r"^(1[89]\d\d|20\d\d)$")
BETWEEN = patterns.compile(r"\bbetween\s+$")
# Where a quantity may start: a digit, a currency sign or code, or a number word. Written to open
# with a set of characters, which the engine skips ahead to; each choice is then told apart by a
# look-behind at the character taken (a pattern opening with a choice is tried at every position).
_FIGURE = r"(?<=[\d$€£])|s[$d](?<=us.)|ur(?<=eur)\s?\d|bp(?<=gbp)\s?\d"
# Each number word's first letter → the rest of the words it opens; then as one pattern
# for after that letter, at a word's start ("(?<=t)w(?:e(?:lve|nty)|o)" …).
_WORD_AFTER = {c: [w[1:] for w in sorted(WORDS) if w[0] == c] for c in sorted({w[0] for w in WORDS})}
_WORD = r"(?<!\w.)(?:" + "|".join(f"(?<={c}){trie_pattern(rest)}" for c, rest in _WORD_AFTER.items()) + r")\b"
START = re.compile(rf"[\d$€£ueg{''.join(_WORD_AFTER)}](?:{_FIGURE}|{_WORD})")
FIGURE_START = re.compile(r"[\d$€£ueg](?:" + _FIGURE + ")")
# The same for a text with no currency code: no letter to stop at.
SIGN_START = re.compile(r"[\d$€£]")
CODES = ("us$", "usd", "eur", "gbp")
# A currency sign or code opening the first candidate: whether a number is there is still open.
SIGNS = frozenset(("$", "€", "£", "us$", "usd"))
# Digits (or a number word) somewhere: for a text whose first candidate is a currency sign.
HAS_NUMBER = patterns.compile(r"\d|\b(?:" + trie_pattern(sorted(WORDS)) + r")\b")
HAS_FIGURE = re.compile(r"\d")
# The last words of the qualifiers: a text before a number ending otherwise has none.
QUALIFIER_ENDS = tuple(sorted({q.rsplit(" ", 1)[-1] for q in QUALIFIERS}))


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None
    approx: str | None  # canonical qualifier
    text: str
    high: float | None = None  # upper bound of a range

    @property
    def number(self) -> float | int:
        return int(self.value) if float(self.value).is_integer() else self.value


def find(text: str, offset: int = 0, low: str | None = None, words: bool = True) -> list[Quantity]:
    """Every quantity in ``text``; spans are shifted by ``offset``.

    ``low`` is ``text`` lower-cased, or ``text`` itself where lower-casing changes its length;
    ``words`` is False for a text a caller knows holds no number word (see ``WORDS``).
    """
    if low is None:
        low = text.lower()
        low = low if len(low) == len(text) else text
    starts = START if words else FIGURE_START if any(c in low for c in CODES) else SIGN_START
    c = starts.search(low)
    if c is None or (c.group() in SIGNS and not (HAS_NUMBER if words else HAS_FIGURE).search(low)):
        return []
    out = []
    # Try the full pattern only where a figure, a currency or a number word starts, looking for
    # the next start past each quantity (which ends at a word's or figure's end, never inside one).
    while c is not None:
        m = NUMBER.match(low, c.start())
        if not m:
            c = starts.search(low, c.end())
            continue
        q = _quantity(low, m, text)
        if q is None:  # rejected ("M14 and 12,000"): look again right after the first figure
            c = starts.search(low, m.end("num") if m.group("num") else m.end("word"))
            continue
        c = starts.search(low, max(m.end(), q.end))
        q.start, q.end = q.start + offset, q.end + offset
        out.append(q)
    return out


def _quantity(text: str, m: re.Match, original: str) -> Quantity | None:
    """The quantity ``m`` found in ``text`` (lower-cased); its words are quoted from ``original``."""
    num, word, cur, scale = m.group("num"), m.group("word"), m.group("cur"), m.group("scale")
    named = m.group("named")
    if num:
        if YEARLIKE.match(num) and not (cur or scale or named):
            return None
        if _inside_token(text, m.start("num"), m.end("num")):
            return None
        value = float(num.replace(",", ""))
    else:
        value = float(WORDS[word.lower()])
    if scale:
        value *= SCALES[scale.lower()]
    high = None
    end = m.end()
    if m.group("high"):
        high = float(m.group("high").replace(",", ""))
        if m.group("scale2") or scale:
            high *= SCALES[(m.group("scale2") or scale).lower()]
        joined = text[m.end("scale") if scale else m.end("num" if num else "word") : m.start("high")]
        year_like = YEARLIKE.match(m.group("high")) and not (m.group("cur2") or m.group("scale2"))
        two = "and" in joined and not BETWEEN.search(text[max(0, m.start() - 10) : m.start()])
        if year_like or two:  # "10 and 2014", "96 … and 40": not a range
            high = None
            end = m.end("scale") if scale else m.end("num" if num else "word")
        elif m.group("scale2") and not scale:  # "$5-10 million"
            value *= SCALES[m.group("scale2").lower()]
    unit = None
    if cur or (high is not None and m.group("cur2")):
        unit = CURRENCY_SIGNS[(cur or m.group("cur2")).strip()]
    elif named and end == m.end():
        unit = CURRENCY_NAMES[named]
    else:
        u = UNIT.match(text, end)
        if u and PARTITIVE.match(text, end):
            u = None  # "one of the states" picks out, it does not count
        if u and u.group("unit").startswith(TIME_WORDS) and RATE.search(text, end, u.start("unit")):
            u = None
        if u and u.group("mines") and KINDS.match(text, end):
            u, end = None, KINDS.match(text, end).end()  # "13 types of antipersonnel mines" counts types
        if u and u.start("unit") - end <= 40:
            unit = next(k for k in UNITS if u.group(k))
            end = u.end()
        elif word and not u and not scale:
            return None  # a bare number word ("one of", "two") is not a quantity; "one million" is
    start, approx = m.start(), None
    lo = max(0, start - 24)
    # the qualifier's last word ends the text before the number: a cheap test first
    q = QUALIFIED.search(text, lo, start) if text[lo:start].rstrip().endswith(QUALIFIER_ENDS) else None
    if q:
        start, approx = q.start(), QUALIFIERS[q.group("qual").lower()]
    return Quantity(start, end, value, unit, approx, original[start:end], high)


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
