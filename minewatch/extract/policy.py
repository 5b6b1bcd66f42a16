"""``policy``: a policy version, when the passage dates it, and the provisions it states.

Facts have value ``"<year> policy"`` and attributes ``{"version": year,
"provisions": {name: value}}`` in the vocabulary of ``vocab/data/provisions.yaml``.
Each clause of a sentence is read on its own, because one sentence often
states two versions ("the policy abandons the previous constraint … and instead
permits …"). A clause's version is, in order:

1. a year naming a policy ("the 2014 policy");
2. an administration the document has dated ("the Bush policy", "Trump-era");
3. the date of an issuing act in the clause ("in 2014 … issued a policy",
   "called for the eventual elimination … in September 1994");
4. the version before the one in force, for "the previous policy";
5. the policy the reader last met ("the policy", "It", in a note: the policy
   of the sentence that cites it); "the new/revised policy" is the newest one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from minewatch.extract import patterns
from minewatch.extract.context import DocContext, Sentence
from minewatch.extract.lexicon import Cues
from minewatch.model import Fact, Period
from minewatch.vocab.loader import load_provisions

# Patterns below run on the lower-cased sentence (``Sentence.low``), except ADMIN, which needs
# capitals to find names.
# Words one of which a sentence must contain before the patterns run (lower case):
# the provisions' keywords, and issuing and reaffirming verbs.
KEYWORDS = tuple(
    {k for p in load_provisions().values() for k in p.keywords}
    | {"announc", "issued", "released", "adopted", "unveiled", "set", "reversed", "decided", "call"}
    | {"maintain", "retain", "reaffirm", "kept"}
)
ISSUING_WORDS = (
    "announc",
    "issued",
    "released",
    "adopted",
    "unveiled",
    "set",
    "reversed",
    "decided",
    "call",
    "sign",
)
# Words one of which a body sentence needs for any version to be found in it (lower case).
VERSION_WORDS = (
    ("polic", "administration", "-era", "requirement", "faq", "directive", "commit", "restraint", "position")
    + ("aspiration", "previous", "prior", "former", "earlier", "president")
    + ISSUING_WORDS
    + ("maintain", "retain", "reaffirm", "kept")
)
# "(?<!\w..)" after the century is the word boundary before it: opening with the digits
# lets the regex engine skip to the next 1 or 2 (it scans whole documents).
VERSION = patterns.compile(
    r"(?P<year>(?:19|20)(?<!\w..)\d\d)(?:’s|'s)?\s+(?:us\s+|u\.s\.\s+)?(?:landmines?\s+|anti-?personnel\s+(?:land)?mine\s+)?"
    r"polic(?:y|ies)\b",
)
ISSUING_SOURCE = (
    r"\b(?:announc(?:ed|es|ing)|issued|released|adopted|unveiled|set|reversed|decided|call(?:ed)? for|"
    r"did not (?:adopt or )?sign|refused to sign)\b"
)
ISSUING = patterns.compile(ISSUING_SOURCE)
# Keeping a version in force dates that version; it issues no new one.
REAFFIRMING = patterns.compile(r"\b(?:maintain(?:ed|s)?|retain(?:ed|s)?|reaffirm(?:ed|s)?|kept)\b")
OBJECT_AFTER, OBJECT_BEFORE = 50, 50
ISSUED_OBJECT = patterns.compile(
    r"\b(?:polic(?:y|ies)|goal|objective|directive|restraints|position|elimination|sign|step|changes?)\b"
)
ADMIN_GATE = patterns.compile(r"administration|-era|decided|policy|Policy|President")  # literals: skips ahead
# A capital first, with the word boundary tested after it: the regex engine skips ahead to capitals.
ADMIN = patterns.compile(
    r"(?P<initial>[A-Z])(?<!\w.)(?:(?P<rest>[a-z]+)(?:\s+administration|-era|\s+(?:had\s+)?decided|\s+policy)\b|"
    r"(?<=P)resident\s+(?:[A-Z][a-z]+\s+|[A-Z]\.\s+)*(?P<pname>[A-Z][a-z]+)\b)"
)
PREVIOUS_WORDS = ("previous", "prior", "former", "earlier", "president")


def _value_source(cues: list[re.Pattern]) -> tuple[str, bool]:
    """A provision value's cues as one pattern source, and whether it runs on lower-cased text.

    Cues without capital escapes (\\W, \\S, \\B …) are lower-cased and run on lower-cased
    text, over twice as fast as IGNORECASE; the provision vocabulary has none.
    """
    fold = not any(re.search(r"\\[A-Z]", c.pattern) for c in cues)
    sources = [c.pattern.lower() if fold else c.pattern for c in cues]
    if all(c.startswith(r"\b") for c in sources):  # one word-boundary test for all cues
        return r"\b(?:" + "|".join(f"(?:{c[2:]})" for c in sources) + ")", fold
    return "|".join(f"(?:{c})" for c in sources), fold


def _value_words() -> dict[str, tuple[str, ...]]:
    """For each provision value whose every cue opens with whole words, the cue group of those
    words (``provision.<name>=<value>``): a passage without one of them cannot state the value."""
    out = {}
    for name, p in load_provisions().items():
        for value, cues in p.values:
            source, fold = _value_source(cues)
            words = patterns.opening_words(source) if fold else None
            if words:
                out[f"provision.{name}={value}"] = words
    return out


# Groups of words (matched at a word start) the run's one scan of a sentence looks for:
# each group's patterns are tried only in a sentence holding one of its words.
CUES: dict[str, tuple[str, ...]] = (
    {
        "policy.version": VERSION_WORDS,  # a version could be named: a policy, an administration, an act …
        "policy.issuing": patterns.opening_words(ISSUING_SOURCE),  # ISSUING could match
        "policy.acts": (*ISSUING_WORDS, "maintain", "retain", "reaffirm", "kept"),  # an act on a policy
        "policy.previous": PREVIOUS_WORDS,
        "policy.reaffirming": ("maintain", "retain", "reaffirm", "kept"),
    }
    | {f"provision.{name}": p.keywords for name, p in load_provisions().items() if p.keywords}
    | _value_words()
)
# What refers back to a policy: "It" opening the text, or a word for a policy anywhere in it.
REFERENCE_IT = re.compile(r"\W*it\b")
REFERENCE = patterns.compile(
    r"\b(?:polic(?:y|ies)|requirements?|faqs?|directive|commit\w*|restraints?|position|aspirations?)\b"
)
NEWEST = patterns.compile(r"\b(?:new|revised|current|updated)\s+(?:\w+\s+)?polic(?:y|ies)\b")
PREVIOUS = patterns.compile(
    r"\b(?:previous|prior|former|earlier)\s+(?:\w+\s+)?(?:polic(?:y|ies)|constraints?|requirements?|restrictions?|"
    r"limits?|rules?)\b|\bfrom\s+(?:the\s+)?(?:president|presidential level)\b",
)
PREVIOUS_END = patterns.compile(
    r"\b(?:and instead|instead|to (?:the )?(?:regional|combatant|level))\b|[;:]|$"
)
WHICH = patterns.compile(r",\s+which\b")
CLAUSE = patterns.compile(r",\s+(?=(?:an?|the)\s+(?:goal|objective|aim|decision)\b)|,\s+which\b")
# A cue right after these words is being undone or forbidden, not stated ("rolling back
# prohibitions on production", "banned the production of non-persistent mines").
REVERSAL = patterns.compile(
    r"\b(?:roll(?:ing|s|ed)? back|revers\w*|lift\w*|rescind\w*|weaken\w*)\b[^.]{0,25}$|"
    r"\b(?:does|do|did|will|would) not\s+$|"
    r"\b(?:bann?(?:ed|ing|s)?|prohibit\w*)\s+(?:[\w-]+\s+){0,3}$"
)
NOT_NAMES = {
    "the",
    "this",
    "that",
    "its",
    "their",
    "new",
    "previous",
    "current",
    "revised",
    "any",
    "landmine",
    "a",
}
CONTEXT_WINDOW = 3000  # characters back in which "the policy" finds its antecedent


def provisions(text: str, cues: frozenset[str] | None = None) -> dict[str, str]:
    """The provisions a passage states, as {name: value} from the provision vocabulary.

    Each provision's cues run as one pattern; its first value in vocabulary
    order with a cue that counts wins. Only provisions whose keywords the
    passage holds are tried: ``cues`` are the cue groups of the sentence the
    passage is part of (``Sentence.cues``), else the passage is scanned for them.
    """
    return dict(_provisions(text, cues))


def _provisions(text: str, cues: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    found = {}
    low = text.lower()
    text = low if len(low) == len(text) else text
    if cues is None:
        cues = _provision_cues().find(low)
    if _every_provision_has_keywords() and cues.isdisjoint(_provision_groups()):
        return ()
    for name, values, group in _provision_patterns():
        if group is not None and group not in cues:
            continue
        for value, pattern, words in values:  # in vocabulary order: the first value that counts wins
            if words is not None and words not in cues:
                continue  # none of the words its cues open with
            if any(
                not REVERSAL.search(text[max(0, m.start() - 40) : m.start()]) for m in pattern.finditer(text)
            ):
                found[name] = value
                break
    return tuple(found.items())


@lru_cache(maxsize=1)
def _provision_cues() -> Cues:
    """The provisions' keywords, for a passage read on its own."""
    return Cues.of({k: v for k, v in CUES.items() if k in _provision_groups()})


@lru_cache(maxsize=1)
def _provision_groups() -> frozenset[str]:
    """The cue groups of the provisions' keywords (``provision.<name>``)."""
    return frozenset(k for k in CUES if k.startswith("provision."))


@lru_cache(maxsize=1)
def _every_provision_has_keywords() -> bool:
    return all(group is not None for _name, _values, group in _provision_patterns())


@lru_cache(maxsize=1)
def _provision_patterns() -> list[tuple[str, list[tuple[str, re.Pattern, str | None]], str | None]]:
    """Per provision: each value, its cues joined into one pattern and the cue group of their
    opening words (None if some cue opens otherwise); and the cue group of the provision's
    keywords (None for a provision without keywords, tried in every passage)."""
    out = []
    for name, p in load_provisions().items():
        values = []
        for value, cues in p.values:
            source, fold = _value_source(cues)
            group = f"provision.{name}={value}"
            pattern = patterns.compile(source) if fold else patterns.compile(source, re.IGNORECASE)
            values.append((value, pattern, group if group in CUES else None))
        out.append((name, values, f"provision.{name}" if p.keywords else None))
    return out


def scan(ctx: DocContext, sentences: list[Sentence]) -> None:
    """First pass: the versions a document names or dates, and its administrations' policies."""
    plain, low = ctx.plain()  # no-break spaces made plain: both are spaces to VERSION
    low = low if len(low) == len(plain) else ctx.doc.text
    found: list[tuple[int, int]] = [(m.start(), int(m.group("year"))) for m in VERSION.finditer(low)]
    for s in sentences:
        if s.footnote is not None or s.kind == "table":
            continue
        if "policy.issuing" not in s.cues or not ISSUING.search(s.low):
            continue
        for lo, hi in _sentence_clauses(s):
            year = _issued_year(s, lo, hi)
            if year:
                found.append((s.start + lo, year))
                for name in _admins(s.text[lo:hi]):
                    ctx.admins[name] = year
    ctx.versions = sorted(set(found))


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return []
    cues = s.cues
    if (
        s.footnote is None
        and "policy.version" not in cues
        and not s.low.lstrip().startswith("it ")
        and not (s.previous is not None and "policy.version" in s.previous.cues)
    ):
        return []  # nothing here or just before could name a version: no policy, administration, act or reference
    whole = provisions(s.low, cues)
    if "policy.acts" not in cues and not whole:
        return []  # no provision and no act on a policy: nothing a version could carry
    out: list[Fact] = []
    named: int | None = None  # the version the clause before named, for ", which …" after it
    for own, hi in _sentence_clauses(s):
        lo = own
        clause = s.low[lo:hi]
        if lo and re.match(r",\s+an?\s", clause):  # an appositive restates the phrase before it
            lo = max(0, lo - 40)
            clause = s.low[lo:hi]
        prev = PREVIOUS.search(clause) if "policy.previous" in cues else None
        current_text, previous_text = clause, ""
        if prev:
            end = PREVIOUS_END.search(clause, prev.end())
            previous_text = clause[prev.start() : end.start()]
            current_text = clause[: prev.start()] + " " * len(previous_text) + clause[end.start() :]
        issued = _issued_year(s, own, hi)
        m = VERSION.search(clause) if "polic" in clause else None
        version = _version(s, lo, hi, issued, m) or _continued_version(s, lo, current_text)
        if version is None and named and WHICH.match(clause):  # "the 2019 policy, which allowed production"
            version = named
        named = int(m.group("year")) if m else version
        found = (whole if current_text == s.low else provisions(current_text, cues)) if version else {}
        reaffirmed = bool(version) and _reaffirmed(clause, cues)
        if version and (found or (issued and not previous_text) or reaffirmed):
            when = _clause_period(s, own, hi, skip=(lo + prev.start(), lo + end.start()) if prev else None)
            if when is None and reaffirmed:
                before = [f.period for f in s.periods if f.start < s.start + own]
                when = before[-1] if before else None
            out.append(_fact(s, version, found, when or _year(version)))
        if previous_text:
            older = provisions(previous_text, cues)
            base = version or _context_version(s, s.start + lo)
            before = _predecessor(s.ctx, base) if base else None
            if older and before:
                p = [f.period for f in s.periods if s.start + lo + prev.start() <= f.start < s.start + hi]
                out.append(_fact(s, before, older, p[0] if p else _year(before), previous=True))
    return out


def _fact(
    s: Sentence, version: int, found: dict[str, str], when: Period | None, previous: bool = False
) -> Fact:
    attrs = {"version": version, "provisions": found}
    if previous:
        attrs["stated_as"] = "previous policy"
    return s.fact(
        "policy",
        f"{version} policy",
        "policy.provisions@2",
        0.75 if found else 0.6,
        when=when,
        attributes=attrs,
    )


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [m.start() for m in CLAUSE.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _sentence_clauses(s: Sentence) -> list[tuple[int, int]]:
    """``_clauses`` of the sentence, which scan and extract both read."""
    found = s.__dict__.get("_policy_clauses")
    if found is None:
        found = s.__dict__["_policy_clauses"] = _clauses(s.low)
    return found


def _clause_period(s: Sentence, lo: int, hi: int, skip: tuple[int, int] | None = None) -> Period | None:
    """The first period in the clause, leaving out the part about the previous policy."""
    a, b = (s.start + skip[0], s.start + skip[1]) if skip else (0, 0)
    inside = [f.period for f in s.periods if s.start + lo <= f.start < s.start + hi and not a <= f.start < b]
    return inside[0] if inside else None


def _issued_year(s: Sentence, lo: int, hi: int) -> int | None:
    """The year of an issuing act the clause dates ("in 2014 … issued a policy").

    The act must issue a policy: its object (a policy, a goal) stands next to the
    verb, or the clause states provisions ("announced that the US would no
    longer develop …"); "a fact sheet issued for 2015's Mine Action Day" issues none.
    """
    known = s.__dict__.setdefault("_issued_years", {})  # scan and extract both ask
    if (lo, hi) not in known:
        known[lo, hi] = _issuing_year(s, lo, hi)
    return known[lo, hi]


def _issuing_year(s: Sentence, lo: int, hi: int) -> int | None:
    clause = s.low[lo:hi]
    if not any(
        ISSUED_OBJECT.search(clause[max(0, v.start() - OBJECT_BEFORE) : v.end() + OBJECT_AFTER])
        or (re.match(r"\s+that\b", clause[v.end() :]) and provisions(clause, s.cues))
        for v in (ISSUING.finditer(clause) if "policy.issuing" in s.cues else ())
    ):
        return None
    named = {m.start("year") for m in VERSION.finditer(clause)} if "polic" in clause else set()
    for f in s.periods:
        local = f.start - s.start - lo
        if 0 <= local < hi - lo and local not in named and f.period.precision not in ("since", "until"):
            return f.period.year
    return None


def _version(s: Sentence, lo: int, hi: int, issued: int | None, m: re.Match | None) -> int | None:
    """The clause's version; ``m`` is VERSION's first match in it (None if none)."""
    clause = s.low[lo:hi]
    previous = "policy.previous" in s.cues
    if m and not (previous and PREVIOUS.search(clause[: m.start()])):
        return int(m.group("year"))
    for name in _admins(s.text[lo:hi]):
        if name in s.ctx.admins:
            return s.ctx.admins[name]
    if issued:
        return issued
    if previous and PREVIOUS.match(clause.lstrip()):
        return None  # the whole clause is about the policy before; handled by the caller
    if s.footnote is None and not _refers(clause):
        return None
    if s.footnote is not None:
        citing = _citing_sentence(s)
        m = VERSION.search(citing)
        if m:
            return int(m.group("year"))
        if not _refers(citing):
            return None
    if NEWEST.search(clause):
        seen = [y for off, y in s.ctx.versions if off < _position(s)]
        return max(seen) if seen else None
    return _context_version(s, s.start + lo)


def _refers(text: str) -> bool:
    """Whether ``text`` refers to a policy (see REFERENCE)."""
    return REFERENCE_IT.match(text) is not None or REFERENCE.search(text) is not None


def _continued_version(s: Sentence, lo: int, text: str) -> int | None:
    """Provisions in a sentence naming no version, right after one that named it ("Under the 2025
    policy, … . Mines may be used only on the Korean Peninsula …"): that version's."""
    if s.footnote is not None or s.previous is None or "polic" not in s.previous.low:
        return None
    found = provisions(text, s.cues) if VERSION.search(s.previous.low) else {}
    if not found or found.items() <= provisions(s.previous.low, s.previous.cues).items():
        return None  # nothing, or only what the sentence before said ("This caveat indicates …")
    return _context_version(s, s.start + lo)


def _reaffirmed(clause: str, cues: frozenset[str]) -> bool:
    m = REAFFIRMING.search(clause) if "policy.reaffirming" in cues else None
    return bool(m and ISSUED_OBJECT.search(clause[m.end() : m.end() + OBJECT_AFTER]))


def _admins(text: str) -> list[str]:
    """Administrations named, the one owning "policy"/"position" first ("the Trump administration's policy")."""
    if not ADMIN_GATE.search(text):
        return []
    found = []
    for m in ADMIN.finditer(text):
        name = (m.group("initial") + m.group("rest") if m.group("rest") else m.group("pname")).lower()
        if name in NOT_NAMES:
            continue
        owns = bool(
            re.match(r"[\w’'\s-]{0,20}?\b(?:polic(?:y|ies)|position|restraints)\b", text[m.end() :], re.I)
        )
        found.append((not owns, m.start(), name))
    return [n for _o, _s, n in sorted(found)]


def _citing_sentence(s: Sentence) -> str:
    """The body sentence that cites the note ``s`` sits in, up to the marker."""
    anchor = s.ctx.anchors.get(s.footnote)
    if anchor is None:
        return ""
    known = s.ctx.cache.setdefault("citing", {})
    if anchor in known:
        return known[anchor]
    text = s.doc.text[max(0, anchor - 400) : anchor]
    citing = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)[-1].lower()
    known[anchor] = citing
    return citing


def _position(s: Sentence) -> int:
    return s.ctx.anchors.get(s.footnote, s.start) if s.footnote is not None else s.start


def _context_version(s: Sentence, offset: int) -> int | None:
    """The version named last before the sentence (for a note, before its marker)."""
    pos = _position(s) if s.footnote is not None else offset
    versions = s.ctx.versions
    i = bisect_left(versions, (pos, 0))
    if i and pos - versions[i - 1][0] <= CONTEXT_WINDOW:
        return versions[i - 1][1]
    return None


def _predecessor(ctx: DocContext, version: int) -> int | None:
    older = [y for _o, y in ctx.versions if y < version]
    return max(older) if older else None


def _year(y: int) -> Period:
    return Period(f"{y}-01-01", f"{y}-12-31", "year", str(y))
