"""Two policy versions side by side, provision by provision, each with the passages behind it.

A policy fact has indicator ``policy`` and ``attributes = {"version": year,
"provisions": {name: value}}``. A provision holds from the version that states
it until a later version states it otherwise: so "the previous policy, since
1996, required Presidential authorization" (a provision of the 1996 version)
applies to the 2014 version too, until the 2020 version lowers it. A value a
later version only inherits is shown as "not restated", never as a finding of
that version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from minewatch.analyze.evidence import evidence
from minewatch.analyze.rules import provision_names, provision_order
from minewatch.model import Fact

ACCEPTED = ("accepted",)


@dataclass
class Version:
    version: int
    effective: str  # ISO date from which it is in force
    stated: dict[str, dict[str, list[Fact]]] = field(default_factory=dict)  # provision → value → facts
    facts: list[Fact] = field(default_factory=list)


def versions(facts: list[Fact]) -> list[Version]:
    """Policy versions named by ``facts``, oldest first.

    A version is in force from the earliest day-precise date its facts give
    (31 January 2020), else from 1 January of its year.
    """
    by_year: dict[int, Version] = {}
    for f in facts:
        if f.indicator != "policy" or not isinstance(f.attributes.get("version"), int):
            continue
        year = f.attributes["version"]
        v = by_year.setdefault(year, Version(year, f"{year}-01-01"))
        v.facts.append(f)
        for name, value in (f.attributes.get("provisions") or {}).items():
            v.stated.setdefault(name, {}).setdefault(str(value), []).append(f)
    for v in by_year.values():
        days = [
            f.when.start
            for f in v.facts
            if f.when and f.when.precision == "day" and f.when.start and f.when.start[:4] == str(v.version)
        ]
        if days:
            v.effective = min(days)
    return sorted(by_year.values(), key=lambda v: v.version)


def version_at(vs: list[Version], day: str) -> Version | None:
    """The version in force on ``day`` (ISO date): the latest one effective by then."""
    live = [v for v in vs if v.effective <= day]
    return live[-1] if live else None


def _ranked(values: dict[str, list[Fact]]) -> list[str]:
    """Values by support: more passages first, then higher confidence."""
    return sorted(values, key=lambda val: (-len(values[val]), -max(f.confidence for f in values[val]), val))


def effective(vs: list[Version], version: int) -> dict[str, dict]:
    """Provision → {values, stated_in, facts} in force under ``version``, inherited where not stated."""
    out: dict[str, dict] = {}
    for v in vs:
        if v.version > version:
            break
        for name, values in v.stated.items():
            ranked = _ranked(values)
            out[name] = dict(
                values=ranked, stated_in=v.version, facts=[f for val in ranked for f in values[val]]
            )
    return out


def _direction(name: str, old: str, new: str) -> str | None:
    """loosened or tightened by the ranks in rules.yaml; None when the ranks are equal (same rule, other words)."""
    rank = provision_order().get(name) or {}
    if old in rank and new in rank:
        if rank[new] == rank[old]:
            return None
        return "loosened" if rank[new] > rank[old] else "tightened"
    return "changed"


def _side(entry: dict | None, version: int, as_of: date | str | None) -> dict:
    if entry is None:
        return dict(value=None, values=[], stated_in=None, inherited=False, facts=[])
    return dict(
        value=entry["values"][0],
        values=entry["values"],
        stated_in=entry["stated_in"],
        inherited=entry["stated_in"] != version,
        facts=[evidence(f, as_of) for f in entry["facts"]],
    )


def diff_versions(vs: list[Version], old: int, new: int, as_of: date | str | None = None) -> dict:
    """Provision-by-provision rows for versions ``old`` and ``new`` of one state's policy.

    Row status: ``changed`` (with direction loosened, tightened or changed),
    ``unchanged`` (also when the values are ranked equal: the same rule in other
    words), ``not restated`` (the later version's evidence is silent and
    the value is carried over), or ``new`` (no earlier value known).
    """
    a, b = effective(vs, old), effective(vs, new)
    names = [n for n in provision_names() if n in a or n in b]
    names += sorted((set(a) | set(b)) - set(names))
    rows, directions = [], []
    for name in names:
        left, right = _side(a.get(name), old, as_of), _side(b.get(name), new, as_of)
        direction = None
        if right["stated_in"] is None or (right["inherited"] and right["stated_in"] <= old):
            status = "not restated"
        elif left["value"] is None:
            status = "new"
        elif set(left["values"]) != set(right["values"]) and (
            direction := _direction(name, left["value"], right["value"])
        ):
            status = "changed"
            directions.append(direction)
        else:
            status = "unchanged"
        rows.append(dict(provision=name, status=status, direction=direction, old=left, new=right))
    overall = overall_direction(directions)
    return dict(old=old, new=new, direction=overall, provisions=rows)


def overall_direction(directions: list[str]) -> str:
    """The common direction of the ranked changes; unranked ones alone just "changed"; both ways "mixed"."""
    ranked = set(directions) - {"changed"}
    if len(ranked) > 1:
        return "mixed"
    if ranked:
        return ranked.pop()
    return "changed" if directions else "unchanged"


def policy_diff(facts: list[Fact], old: int, new: int, as_of: date | str | None = None) -> dict:
    """Diff two versions named by year; raises KeyError when either has no facts."""
    vs = versions(facts)
    known = {v.version for v in vs}
    for year in (old, new):
        if year not in known:
            raise KeyError(f"no policy facts for version {year} (known: {sorted(known)})")
    out = diff_versions(vs, old, new, as_of)
    out["versions"] = [
        dict(version=v.version, effective=v.effective, facts=[f.id for f in v.facts]) for v in vs
    ]
    return out


def provisions_by_indicator(diff: dict, names: tuple[str, ...]) -> list[dict]:
    """The rows of ``diff`` for the provisions that govern one indicator."""
    return [r for r in diff["provisions"] if r["provision"] in names]
