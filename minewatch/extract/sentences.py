"""Sentence boundaries with character offsets.

A period ends a sentence unless it closes an abbreviation (U.S., Lt. Gen.,
pp.) or an initial; a closing quote or a footnote marker after the period
stays with the sentence.
"""

from __future__ import annotations

from minewatch.extract import patterns

ABBREVIATIONS = {
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "lt",
    "gen",
    "col",
    "maj",
    "capt",
    "adm",
    "rear",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sen",
    "rep",
    "gov",
    "amb",
    "no",
    "nos",
    "pp",
    "p",
    "vol",
    "art",
    "arts",
    "fig",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "st",
    "e.g",
    "i.e",
    "etc",
    "al",
    "cf",
    "vs",
    "approx",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "para",
}
# Abbreviations only before a number: "No. 5", but the answer "No. Finland destroyed …" ends there.
BEFORE_NUMBERS = {"no", "nos"}
# One mark, then any more: a pattern opening with a character set lets the regex engine skip
# ahead to the next mark instead of trying a match at every position.
_AFTER_MARK = r"[.?!…]*[\"”’)\]]*(?:\[\d{1,3}\])*(?=\s+[\"“‘(\[]?[A-Z0-9])"
END = patterns.compile(r"[.?!…]" + _AFTER_MARK)
# END for a paragraph with no "?", "!" or "…": opening with one literal character, it finds
# the next candidate with a fast character search, several times cheaper than testing a set.
END_PERIOD = patterns.compile(r"\." + _AFTER_MARK)
OTHER_MARKS = ("?", "!", "…")


# A title on a line of its own at the head of a sentence ("Form B. Stockpiled anti-personnel mines"
# above "The Republic … declares …"): short, no closing mark, a capital on the next line.
TITLE_LINE = patterns.compile(r"[^\n]{1,60}(?<![.?!:;,\"”’)\]])\n(?=[ \t]*[A-Z])")


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], as absolute offsets; a title line is one of its own."""
    spans = _sentences(text, start, end)
    if "\n" not in text[start:end]:
        return spans
    out = []
    for s, e in spans:
        title = TITLE_LINE.match(text, s, e)
        if title:
            out.append((s, title.end() - 1))
            s = title.end()
            while s < e and text[s].isspace():
                s += 1
        out.append((s, e))
    return out


def _sentences(text: str, start: int, end: int | None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans = []
    s = start
    marks = END if any(text.find(c, start, end) >= 0 for c in OTHER_MARKS) else END_PERIOD
    for m in marks.finditer(text, start, end):
        if text[m.start()] == ".":  # only a period can close an abbreviation or an initial
            token = _last_word(text, max(s, m.start() - 24), m.start() + 1).rstrip(".").lower()
            if token in BEFORE_NUMBERS and not text[m.end() : m.end() + 8].lstrip()[:1].isdigit():
                pass  # "No. Finland destroyed …": an answer, not "No. 5"
            elif token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        spans.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        tail_end = end
        while tail_end > s and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > s:
            spans.append((s, tail_end))
    return spans


def _last_word(text: str, lo: int, hi: int) -> str:
    """The run of word characters and periods ending at ``hi``, starting no earlier than ``lo``.

    A loop back from the end: a regular expression anchored at the end would try every start.
    """
    i = hi
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:hi]
