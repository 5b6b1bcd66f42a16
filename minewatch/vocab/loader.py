"""Read the YAML files under ``vocab/data`` into typed, immutable records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pycountry
import yaml

from minewatch.vocab.lexicon import Lexicon

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    description: str
    section: str
    freshness_years: int | None
    unit: str | None
    cues: tuple[re.Pattern, ...]

    def cued(self, text: str) -> bool:
        return any(c.search(text) for c in self.cues)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    headings: tuple[re.Pattern, ...]
    content: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class MineType:
    id: str
    name: str
    category: str
    persistent: bool
    delivery: str
    aliases: tuple[str, ...]
    family: str | None = None


@dataclass(frozen=True)
class State:
    code: str
    name: str
    status: str  # un_member, observer or other
    aliases: tuple[str, ...] = field(default_factory=tuple)
    fiscal_start: int = 1  # the month its fiscal year opens


@dataclass(frozen=True)
class ProfileSection:
    id: str
    title: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    indicators: dict[str, Indicator]
    sections: dict[str, Section]
    mine_types: dict[str, MineType]
    states: dict[str, State]
    profile: tuple[ProfileSection, ...] = ()

    @cached_property
    def _state_names(self) -> dict[str, str]:
        return {a.lower(): s.code for s in self.states.values() for a in (s.name, *s.aliases)}

    @cached_property
    def state_lexicon(self) -> Lexicon:
        return Lexicon.of({s.code: (s.name, *s.aliases) for s in self.states.values()})

    @cached_property
    def mine_lexicon(self) -> Lexicon:
        return Lexicon.of({m.id: m.aliases for m in self.mine_types.values()})

    def find_states(self, text: str) -> list[tuple[int, int, str]]:
        """Every mention of a state in ``text`` as (start, end, ISO3 code), longest name first.

        Whole words only; aliases written in capitals (US, DPRK) match case-sensitively so
        that "us" in prose does not count; the rest ignore case.
        """
        return self.state_lexicon.find(text)

    def find_mine_types(self, text: str) -> list[tuple[int, int, str]]:
        """Every mention of a catalogued mine type as (start, end, id), with the same rules."""
        return self.mine_lexicon.find(text)

    def state_code(self, name_or_code: str) -> str | None:
        """ISO3 code for a code, a name or an alias; None when unknown."""
        key = name_or_code.strip()
        if key.upper() in self.states:
            return key.upper()
        return self._state_names.get(key.lower())


def _yaml(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _regexes(items: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


def _states() -> dict[str, State]:
    raw = _yaml("states.yaml")
    aliases = {k: tuple(v) for k, v in raw["aliases"].items()}
    fiscal = raw.get("fiscal_year_start", {})
    out: dict[str, State] = {}
    for status, codes in (("un_member", raw["un_members"]), ("observer", raw["observers"])):
        for code in codes:
            c = pycountry.countries.get(alpha_3=code)
            if c is None:
                raise ValueError(f"states.yaml: {code} is not an ISO 3166-1 alpha-3 code")
            name = getattr(c, "common_name", None) or c.name
            out[code] = State(code, name, status, aliases.get(code, ()), fiscal.get(code, 1))
    for code, extra in raw["other_areas"].items():
        out[code] = State(code, extra["name"], "other", aliases.get(code, ()))
    for key, given in (("aliases", aliases), ("fiscal_year_start", fiscal)):
        unknown = set(given) - set(out)
        if unknown:
            raise ValueError(f"states.yaml: {key} for unknown codes {sorted(unknown)}")
    bad = {code: m for code, m in fiscal.items() if m not in range(1, 13)}
    if bad:
        raise ValueError(f"states.yaml: fiscal_year_start months must be 1-12, not {bad}")
    return out


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    """Load the whole vocabulary (cached: the files ship with the package)."""
    indicators = {
        key: Indicator(
            id=key,
            label=v["label"],
            description=v["description"],
            section=v["section"],
            freshness_years=v.get("freshness_years"),
            unit=v.get("unit"),
            cues=_regexes(v.get("cues", [])),
        )
        for key, v in _yaml("indicators.yaml").items()
    }
    sections = {
        key: Section(key, v["title"], _regexes(v["headings"]), _regexes(v["content"]))
        for key, v in _yaml("sections.yaml").items()
    }
    mine_types = {
        key: MineType(
            id=key,
            name=v["name"],
            category=v["category"],
            persistent=v["persistent"],
            delivery=v["delivery"],
            aliases=tuple(v["aliases"]),
            family=v.get("family"),
        )
        for key, v in _yaml("mine_types.yaml").items()
    }
    for ind in indicators.values():
        if ind.section not in sections:
            raise ValueError(f"indicators.yaml: {ind.id} names unknown section {ind.section}")
    profile = tuple(
        ProfileSection(p["id"], p["title"], tuple(p["indicators"])) for p in _yaml("profile.yaml")
    )
    covered = {i for p in profile for i in p.indicators}
    if covered != set(indicators):
        raise ValueError(f"profile.yaml: indicators not placed {sorted(set(indicators) - covered)}")
    return Vocabulary(indicators, sections, mine_types, _states(), profile)


@dataclass(frozen=True)
class Provision:
    """One provision a policy version can state, with its values in match order."""

    id: str
    label: str
    description: str
    values: tuple[tuple[str, tuple[re.Pattern, ...]], ...]
    keywords: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_provisions() -> dict[str, Provision]:
    """The policy provision vocabulary (provisions.yaml), which policy facts are written in."""
    return {
        key: Provision(
            key,
            v["label"],
            v["description"],
            tuple((val, _regexes(cues)) for val, cues in v["values"].items()),
            tuple(v.get("keywords", ())),
        )
        for key, v in _yaml("provisions.yaml").items()
    }
