"""``use``: who used antipersonnel mines, when, where, how many, of which type; and who holds minefields.

A use needs a use verb whose object is mines ("used 117,634 antipersonnel
mines", "the use of a single mine", "employment … a single munition"): "used a
1994 speech to call for the elimination of mines" is no use. Statements of
what a policy allows, intentions and conditionals are not practice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from minewatch.extract import patterns
from minewatch.extract.attribution import PLACES, non_state_subject, non_state_words
from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities, mines_by_pronoun

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = (
    "used",
    "using",
    "use",
    "employ",
    "emplaced",
    "laid",
    "planted",
    "deployed",
    "scatter",
    "fired",
    "dropp",
    "minefield",
    "responsibility",
    "laying",
    "planting",
    "fenced",
)
VERB = patterns.compile(
    r"\b(?:used|using|use of|(?:continues?|continued|still) to use|employ(?:ed|ment)|emplaced|laid|planted|deployed|"
    r"scatter(?:ed|ing|s)?|fired|dropp(?:ed|ing)|laying|planting)\b"
)
# In a profile's section on use, "use" needs no object: "no confirmed reports of new use since then".
BARE_USE = patterns.compile(r"\b(?:new |further |any )?use\b")
OBJECT = patterns.compile(
    r"\b(?:(?:anti-?personnel |anti-?vehicle |land)?(?:mines?|landmines?|munitions?|minefields?)|claymores?)\b"
)
OBJECT_WINDOW = 60
EXCEPTION = patterns.compile(
    r"\b(?:with (?:the |one )?(?:minor )?exception(?: of)?|except(?: for)?|save for|apart from|other than)\b"
)
ONGOING = patterns.compile(r"\b(?:still|currently|continues? to|actively)\b[^.]{0,20}\bus(?:ing|e)\b")
# "condemned the new use …": now
NEW_USE = patterns.compile(r"\b(?:new|recent|renewed|continued|ongoing)\s+use\b")
# "the use of antipersonnel mines by Russia and Myanmar": the states after "by" are the users
BY_USERS = patterns.compile(r"\buse of (?:[\w-]+\s+){0,3}?(?:land)?mines?\s+by\s+")
# "for not using mines", "against using mines": a gerund that states no use ("accused of using" does).
GERUND_AFTER_PREPOSITION = patterns.compile(
    r"\b(?:(?:for|of|on|by|from)\s+not|about|without|against|instead of)\s+$"
)
# "which prohibits any use of antipersonnel mines", "to limit the United States' use of": a rule, not an act.
FORBIDDEN = patterns.compile(
    r"\b(?:prohibit\w*|ban(?:s|ned|ning)?|outlaw\w*|forbid\w*|against|condemn\w*|end(?:s|ed|ing)?|"
    r"limit\w*|restrict\w*|curtail\w*|reduc\w*)\s+"
    r"(?:any\s+|all\s+|the\s+|further\s+|on\s+the\s+|(?:the\s+)?[\w.]+(?:\s\w+)?(?:'|’)s?\s+)?$"
)
# "Russian forces' use of", "Myanmar's use of": the owner of the use is its user.
OWNER = patterns.compile(r"(?:'s?|’s?)\s+(?:(?:apparent|alleged|continued|repeated|new|widespread)\s+)?$")
ACCUSED = patterns.compile(r"\b(?:accus\w*|blamed|charged)\s+(?:the\s+)?$")
ADJECTIVE = patterns.compile(r"(?:\b(?:of|the|its|their|a|an|newly|freshly|recently|previously)|\d)\s+$")
# "… found mines, and blamed Cambodia for laying them": a pronoun object standing for mines named before.
CLAUSE = patterns.compile(
    r",?\s+and\s+(?=(?:in|on|by|during|since)\b[^,]{0,30},?\s+\w+\s+(?:used|laid|emplaced|planted)\b)|;\s+"
)
# "The use of a mine … was disclosed in June 2014": a date after a reporting verb that
# follows the use dates the report, not the use.
REPORTED = patterns.compile(
    r"\b(?:disclos\w+|announc\w+|reveal\w+|report(?:ed|s)?|made public|confirm\w+|said|says|stated|alleged|claimed)\b"
)
MINEFIELDS = patterns.compile(r"\bminefields?\b")
KEEPS_MINEFIELDS = patterns.compile(
    r"\b(?:maintains|keeps|holds|guards|patrols)\s+(?:the\s+|its\s+|some\s+|\d[\d,]*\s+)?(?:\w+\s+)?minefields\b"
)
RESPONSIBLE_WORDS = patterns.compile(r"\b(?:responsibility of|control(?:led)? (?:of|by))\b")
# Groups of words the run's scan of a sentence looks for (see ``Sentence.cues``).
# "all mines laid by our forces are fenced, marked and monitored": minefields kept as Amended
# Protocol II requires, i.e. held and maintained.
MAINTAINED = patterns.compile(
    r"\b(?:fenced|marked)(?:,? (?:and )?(?:fenced|marked|monitored|guarded|patrolled))+\b"
)
CUES = {
    "use.minefields": ("minefield",),
    "use.responsible": ("responsibility of", "control"),
    "use.maintained": ("fenced", "marked"),
    "use.non_state": non_state_words(),
}
RESPONSIBLE = patterns.compile(r"\b(?:responsibility of|controlled by|under the control of)\s+(?:the\s+)?$")


def extract(s: Sentence) -> list:
    if s.kind == "table" or about_policy(s):
        return []
    return _minefields(s) + _use(s)


def _trigger(s: Sentence) -> re.Match | None:
    for m in VERB.finditer(s.low):
        after = s.low[m.end() : m.end() + OBJECT_WINDOW]
        if (
            not OBJECT.search(after)
            and not any(0 <= a - s.start - m.end() <= OBJECT_WINDOW for a, _b, _t in s.mine_types)
            and not mines_by_pronoun(s, m, OBJECT)
        ):
            continue
        before = s.low[max(0, m.start() - 15) : m.start()]
        if m.group(0).lower() == "using" and GERUND_AFTER_PREPOSITION.search(before):
            continue
        if m.group(0).lower().endswith("ed") and ADJECTIVE.search(before):
            continue  # "millions of deployed mines", "1,206 emplaced mines": a participle, not a verb
        if m.group(0).lower() == "use of" and FORBIDDEN.search(s.low, max(0, m.start() - 30), m.start()):
            continue
        return m
    if s.section == "use":
        return next((m for m in BARE_USE.finditer(s.low) if s.negated(m.start())), None)
    return None


def _use(s: Sentence) -> list:
    verb = _trigger(s)
    if not verb or hypothetical(s, verb.start()):
        return []
    cut = EXCEPTION.search(s.low, verb.end())
    main_end = s.start + cut.start() if cut else s.end
    out = []
    if s.negated(verb.start()):
        lo, hi = s.clause_bounds(s.start + verb.start())
        periods = [f.period for f in s.periods if f.start < min(main_end, hi)]
        out += s.per_subject(
            s.fact(
                "use", "use", "use.none@2", 0.8, polarity="denied", when=periods[0] if periods else s.as_of()
            )
        )
    else:
        # each clause ("…used X in 2022, and in May Russia laid 2,000 …") is its own event
        cuts = [s.start] + [
            s.start + c.start() for c in CLAUSE.finditer(s.low, verb.end(), main_end - s.start)
        ]
        for lo, hi in zip(cuts, [*cuts[1:], main_end], strict=True):
            out.extend(f for event in _events(s, lo, hi) for f in s.per_subject(event))
    if cut:
        out.extend(_events(s, s.start + cut.end(), s.end, exception=True))
    seen: set = set()
    return [
        f
        for f in out
        if not (
            (k := (f.state, f.value, f.when and (f.when.start, f.when.end), f.polarity)) in seen
            or seen.add(k)
        )
    ]


def _events(s: Sentence, lo: int, hi: int, exception: bool = False, users: list[str] | None = None) -> list:
    """One use fact per quantity of mines in [lo, hi), else one for the segment.

    "X accused Y of using mines": the alleged user is Y.
    """
    accused = [c for a, _b, c in s.states if ACCUSED.search(s.low[max(0, a - s.start - 20) : a - s.start])]
    if accused:
        return [
            replace(f, state=accused[0], attributes=f.attributes | {"alleged": True})
            for f in _events_of(s, lo, hi, exception, undated=True)
        ]
    if "use.non_state" in s.cues:
        verb = VERB.search(s.low, lo - s.start, hi - s.start)
        if verb and non_state_subject(s, lo, s.start + verb.start()):
            return []  # "Non-state armed groups also used mines": no state's use
    segments = [] if users else _more_users(s, lo, hi)
    if segments:
        return [f for a, b, named in segments for f in _events(s, a, b, exception, named)]
    owners = users or _owners(s, lo, hi)
    if owners:
        return [
            replace(f, state=code, attributes=_without_places(f.attributes, owners))
            for f in _events_of(s, lo, hi, exception, named_users=True)
            for code in owners
        ]
    if GOVERNMENT_FORCES.search(s.low, lo - s.start, hi - s.start):
        # "use … by government forces was recorded in Russia, Myanmar and Ukraine": each state's own forces
        named = list(dict.fromkeys(code for a, _b, code in s.states if lo <= a < hi))
        if len(named) > 1:
            return [
                replace(f, state=code, attributes={k: v for k, v in f.attributes.items() if k != "location"})
                for f in _events_of(s, lo, hi, exception)
                for code in named
            ]
    return _events_of(s, lo, hi, exception)


# "the use of mines by Russia … and by Myanmar's armed forces, which laid …": a clause naming more users
AND_BY = patterns.compile(r",?\s+and\s+by\s+(?:the\s+)?")
GOVERNMENT_FORCES = patterns.compile(r"\bby (?:government|state|national) (?:armed )?forces\b")


def _more_users(s: Sentence, lo: int, hi: int) -> list[tuple[int, int, list[str]]]:
    """[lo, hi) cut before each further user it names after the first ("the use of mines by Russia in
    Ukraine since 2022 and by Myanmar's armed forces, which laid … in 2024"): each part with its own
    users, read for its own dates; nothing where it names one."""
    first = BY_USERS.search(s.low, lo - s.start, hi - s.start)
    if not first:
        return []
    parts = [(lo, s.listed_from(first.end()))]
    for m in AND_BY.finditer(s.low, first.end(), hi - s.start):
        named = s.listed_from(m.end())
        if named:
            parts.append((s.start + m.start(), named))
    if len(parts) == 1:
        return []
    ends = [at for at, _named in parts[1:]] + [hi]
    return [(at, end, named) for (at, named), end in zip(parts, ends, strict=True)]


def _owners(s: Sentence, lo: int, hi: int) -> list[str]:
    """States whose use it is: "Russian forces' use of mines", "Myanmar's use of" in [lo, hi)."""
    out = []
    for m in re.finditer(r"\buse of\b", s.low[lo - s.start : hi - s.start]):
        at = lo - s.start + m.start()
        owner = OWNER.search(s.text, max(0, at - 25), at)
        if not owner:
            continue
        named = [c for a, b, c in s.states if 0 <= owner.start() - (b - s.start) <= 8]  # "Russian forces'"
        out += [c for c in named if c not in out]
    for m in BY_USERS.finditer(s.low, lo - s.start, hi - s.start):
        out += [c for c in s.listed_from(m.end()) if c not in out]
    return out


def _without_places(attributes: dict, users: list[str]) -> dict:
    """A fact's attributes with the users taken out of its places."""
    places = [c for c in attributes.get("location", []) if c not in users]
    rest = {k: v for k, v in attributes.items() if k != "location"}
    return rest | ({"location": places} if places else {})


def _use_dates(s: Sentence, lo: int, hi: int) -> list:
    """Periods in [lo, hi) that date the use itself, not a report of it.

    "… used mines, the ministry reported in June": a date after a reporting verb that follows
    the use; "In 2023, the group said forces had fired mines in 2022": a date before a
    reporting verb that precedes the use.
    """
    verb = VERB.search(s.low, lo - s.start, hi - s.start)
    if not verb:
        return [f for f in s.periods if lo <= f.start < hi]
    return [
        f
        for f in s.periods
        if lo <= f.start < hi
        and not (verb.end() < f.start - s.start and REPORTED.search(s.low, verb.end(), f.start - s.start))
        and not (f.end - s.start < verb.start() and REPORTED.search(s.low, f.end - s.start, verb.start()))
    ]


def _events_of(
    s: Sentence, lo: int, hi: int, exception: bool = False, undated: bool = False, named_users: bool = False
) -> list:
    """The use facts of [lo, hi); an accusation (``undated``) is kept without a date of its own, and
    "the new use of mines by Russia" (``named_users``) holds as of the source."""
    dated = _use_dates(s, lo, hi)
    periods = [f.period for f in dated]
    places = [
        c
        for c in s.locations
        if c not in s.subjects and any(lo <= a < hi for a, _b, code in s.states if code == c)
    ]
    text = s.low[lo - s.start : hi - s.start]
    places += [
        PLACES[p]
        for p in PLACES
        if p in s.text[lo - s.start : hi - s.start] and PLACES[p] not in places and PLACES[p] != s.state
    ]
    types = sorted({m for a, _b, m in s.mine_types if lo <= a < hi})
    attrs: dict = {"location": places} if places else {}
    if exception:
        attrs["exception"] = True
    quantities = [(q, t) for q, t in mine_quantities(s) if lo <= q.start < hi]
    if quantities:
        return [
            s.fact(
                "use",
                q.number,
                "use.quantity@2",
                0.85,
                unit="mines",
                approx=q.approx,
                mine_types=t or types,
                when=_nearest(dated, q.start),
                attributes=dict(attrs),
            )
            for q, t in quantities
        ]
    verb = VERB.search(s.low, lo - s.start, hi - s.start)
    when = _nearest(dated, s.start + verb.start()) if verb else (periods[0] if periods else None)
    if when is None and (ONGOING.search(text) or (named_users and NEW_USE.search(text))):
        when = s.as_of()
    report_dated = len(dated) < sum(1 for f in s.periods if lo <= f.start < hi)
    if when is None and not exception and not report_dated and not undated:
        return []  # an undated use is kept only where the sentence dates its report instead
    return [s.fact("use", "use", "use.event@2", 0.7, mine_types=types, when=when, attributes=attrs)]


def _nearest(found: list, offset: int):
    """The period closest to ``offset`` among ``found``, one after it winning a tie."""
    if not found:
        return None
    return min(found, key=lambda f: abs(f.start - offset) + (0 if f.start >= offset else 5)).period


def _minefields(s: Sentence) -> list:
    """Minefields a state maintains, or denies holding ("maintains no minefields")."""
    out = []
    cues = s.cues
    for m in MINEFIELDS.finditer(s.low) if "use.minefields" in cues else ():
        if s.negated(m.start(), window=40):
            out.append(
                s.fact("use", "minefields", "use.minefields@1", 0.75, polarity="denied", when=s.as_of())
            )
            break
    if not out and "use.maintained" in cues:
        m = MAINTAINED.search(s.low)
        if (
            m
            and OBJECT.search(s.low, 0, m.start())
            and not s.negated(m.start())
            and not hypothetical(s, m.start())
        ):
            out.append(s.fact("use", "minefields", "use.minefields@1", 0.65, when=s.as_of()))
    if not out and "use.minefields" in cues:
        m = KEEPS_MINEFIELDS.search(s.low)  # "maintains the minefields in the Demilitarized Zone"
        if m and not s.negated(m.start()) and not hypothetical(s, m.start()):
            out.append(s.fact("use", "minefields", "use.minefields@1", 0.65, when=s.as_of()))
    if "use.responsible" not in cues or not RESPONSIBLE_WORDS.search(s.low):
        return out
    for a, _b, code in s.states:
        if RESPONSIBLE.search(s.low[max(0, a - s.start - 30) : a - s.start]) and (
            MINEFIELDS.search(s.low) or OBJECT.search(s.low)
        ):
            places = [PLACES[p] for p in PLACES if p in s.text]
            out.append(
                s.fact(
                    "use",
                    "minefields",
                    "use.minefields@1",
                    0.7,
                    state=code,
                    when=s.as_of(),
                    attributes={"location": places} if places else {},
                )
            )
            break
    return out
