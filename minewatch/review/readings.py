"""Which facts report acts, restraints or "the last time": read from ``readings.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from minewatch.model import Fact


@dataclass(frozen=True)
class Reading:
    acts: bool = False
    restraint: tuple[str, ...] = ()
    last: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def readings() -> dict[str, Reading]:
    raw = yaml.safe_load((Path(__file__).parent / "readings.yaml").read_text(encoding="utf-8"))
    return {
        k: Reading(bool(v.get("acts")), tuple(v.get("restraint", ())), tuple(v.get("last", ())))
        for k, v in raw.items()
    }


PLAIN = Reading()  # how an indicator not in readings.yaml is read


def reading(indicator: str) -> Reading:
    return readings().get(indicator, PLAIN)


def is_restraint(fact: Fact) -> bool:
    return str(fact.value) in reading(fact.indicator).restraint


def is_last(fact: Fact) -> bool:
    """ "The last one was then": a listed value, or an act the extractor marked ``attributes["last"]``."""
    if fact.polarity != "affirmed":
        return False
    return bool(fact.attributes.get("last")) or str(fact.value) in reading(fact.indicator).last


def is_act(fact: Fact) -> bool:
    """An affirmed report that the act happened (not a restraint)."""
    return reading(fact.indicator).acts and fact.polarity == "affirmed" and not is_restraint(fact)
