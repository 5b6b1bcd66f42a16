"""The vocabulary, defined once as data: indicators, sections, mine types, states.

Load it explicitly with :func:`load`; everything else (extractors, store checks,
profile sections, API schemas, docs) is driven from the returned object.
"""

from minewatch.vocab.loader import Indicator, MineType, ProfileSection, Section, State, Vocabulary, load

__all__ = ["Indicator", "MineType", "ProfileSection", "Section", "State", "Vocabulary", "load"]
