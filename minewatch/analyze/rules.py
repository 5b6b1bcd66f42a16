"""The per-indicator rules of compare and the scorecard, read from ``rules.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

PRACTICES = ("event", "level", "steady")


@dataclass(frozen=True)
class Rule:
    indicator: str
    practice: str
    group_by: str | None = None
    compare_on: str = "value"
    provisions: tuple[str, ...] = ()
    scorecard: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def _raw() -> dict:
    return yaml.safe_load((Path(__file__).parent / "rules.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Indicator id → rule, in the file's order; checked against the vocabulary."""
    from minewatch.vocab import load

    known = load().indicators
    out = {}
    for key, v in _raw().items():
        if key in ("provision_order", "provision_names"):
            continue
        if key not in known:
            raise ValueError(f"rules.yaml: unknown indicator {key}")
        if v["practice"] not in PRACTICES:
            raise ValueError(f"rules.yaml: {key} has unknown practice {v['practice']}")
        out[key] = Rule(
            key,
            v["practice"],
            v.get("group_by"),
            v.get("compare_on", "value"),
            tuple(v.get("provisions", ())),
            v.get("scorecard") or {},
        )
    return out


def provision_order() -> dict[str, dict[str, int]]:
    """Provision → value → rank, most restrictive lowest."""
    return {k: dict(v) for k, v in (_raw().get("provision_order") or {}).items()}


def provision_names() -> list[str]:
    return list(_raw().get("provision_names") or [])
