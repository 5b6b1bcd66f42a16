"""Facts built in code for review and analysis tests: no reader, no extractor."""

from __future__ import annotations

from datetime import date

from minewatch.model import Citation, Document, Fact, Period


def document(
    store,
    name: str = "a",
    when: date = date(2020, 11, 16),
    title: str | None = None,
    state: str = "USA",
    source: str | None = None,
    body: str | None = None,
) -> str:
    """Store a small document and return its id."""
    text = body or f"Source {name}. A passage about mines, written for tests.\n"
    doc = Document(
        text=text,
        source=source or f"tests/{name}.txt",
        title=title or f"Source {name}",
        date=when,
        date_source="given",
        subject_state=state,
    )
    doc_id, _ = store.save_document(doc)
    return doc_id


def period(text: str | None) -> Period | None:
    """ "2014" → that year; "2014-06-27" → that day; "1991.." → since 1991 (to 2021-07-01)."""
    if text is None:
        return None
    if text.endswith(".."):
        return Period(f"{text[:4]}-01-01", "2021-07-01", "since", f"since {text[:4]}")
    if ".." in text:
        a, b = text.split("..")
        return Period(f"{a}-01-01", f"{b}-12-31", "range", text)
    if len(text) == 4:
        return Period(f"{text}-01-01", f"{text}-12-31", "year", text)
    return Period(text, text, "day", text)


def fact(
    doc: str,
    indicator: str = "stockpile",
    value=3_000_000,
    when: str | None = "2014",
    *,
    state: str = "USA",
    polarity: str = "affirmed",
    start: int = 0,
    confidence: float = 0.9,
    mine_types: list[str] | None = None,
    unit: str | None = "mines",
    **attributes,
) -> Fact:
    return Fact(
        state=state,
        indicator=indicator,
        value=value,
        unit=unit if isinstance(value, int | float) else None,
        quote=f"passage {start} about {indicator}",
        doc=doc,
        start=start,
        end=start + 20,
        when=period(when),
        mine_types=mine_types or [],
        polarity=polarity,
        citations=[Citation(start + 1, f"Note {start + 1}.")],
        extractor="test@1",
        confidence=confidence,
        attributes=attributes,
    )


def save(store, *facts: Fact) -> list[int]:
    store.save_facts(list(facts))
    return [f.id for f in facts]
