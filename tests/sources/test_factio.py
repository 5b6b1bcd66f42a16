"""Facts out and back in: a lossless round trip, and every validation error named by row."""

from __future__ import annotations

import json

import pytest

from minewatch.model import Citation, Document, Fact, Period
from minewatch.sources.factio import export_csv, export_jsonl, import_facts
from minewatch.store import open_store

TEXT = "In 2014 the US held just over 3,000,000 antipersonnel mines.[1] It voted no on 74/61."


def _doc() -> Document:
    return Document(text=TEXT, source="t.txt", title="t")


def _facts(doc_id: str) -> list[Fact]:
    q1 = TEXT[:61]
    return [
        Fact(
            state="USA",
            indicator="stockpile",
            value=3000000,
            unit="mines",
            approx="just over",
            quote=q1,
            doc=doc_id,
            start=0,
            end=61,
            when=Period("2014-01-01", "2014-12-31", "year", "In 2014"),
            mine_types=["M16A1"],
            citations=[Citation(1, "DoD briefing, 27 June 2014"), Citation(2, None)],
            extractor="stockpile.count@1",
            confidence=0.9,
            status="accepted",
            attributes={"scope": "active", "nested": {"a": [1, 2]}},
        ),
        Fact(
            state="USA",
            indicator="diplomacy",
            value="no",
            quote=TEXT[65:],
            doc=doc_id,
            start=65,
            end=len(TEXT),
            polarity="denied",
            extractor="diplomacy.vote@1",
        ),
    ]


def _canon(facts: list[Fact]) -> list[dict]:
    return sorted(
        ({k: v for k, v in f.to_dict().items() if k not in ("id", "version")} for f in facts),
        key=lambda d: d["start"],
    )


@pytest.fixture
def pair(store, tmp_path):
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    for s in (store, other):
        s.save_document(_doc())
    store.save_facts(_facts(_doc().id))
    yield store, other
    other.close()


@pytest.mark.parametrize(("fmt", "export"), [("jsonl", export_jsonl), ("csv", export_csv)])
def test_round_trip_is_lossless(pair, fmt, export):
    a, b = pair
    text = export(a.facts())
    report = import_facts(b, text, fmt)
    assert report.added == 2 and not report.left_out
    assert _canon(b.facts()) == _canon(a.facts())
    got = next(f for f in b.facts() if f.indicator == "stockpile")
    assert got.value == 3000000 and isinstance(got.value, int)
    assert got.citations[1].text is None and got.attributes["nested"] == {"a": [1, 2]}
    assert import_facts(b, text, fmt).added == 0  # re-import adds nothing


def _bad(pair, **changes) -> list[str]:
    a, b = pair
    rows = [json.loads(line) for line in export_jsonl(a.facts()).splitlines()]
    rows[1].update(changes)
    report = import_facts(b, "".join(json.dumps(r) + "\n" for r in rows), "jsonl")
    assert not report.written and b.facts() == []  # nothing written for a failing file
    assert {e.row for e in report.left_out} == {2}
    return [e.message for e in report.left_out]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"state": "XXX"}, "bad state code"),
        ({"indicator": "landmines"}, "unknown indicator"),
        ({"when": {"start": "2014-02-30", "end": None, "precision": "day", "text": ""}}, "bad date"),
        ({"when": {"start": None, "end": None, "precision": "fortnight", "text": ""}}, "bad period"),
        ({"status": "maybe"}, "bad status"),
        ({"polarity": "perhaps"}, "bad polarity"),
        ({"mine_types": ["NOPE"]}, "unknown mine types"),
        ({"confidence": 3}, "bad confidence"),
        ({"doc": "0" * 64}, "unknown document"),
        ({"end": 9999}, "bad span"),
        ({"quote": "something else"}, "quote does not match"),
    ],
)
def test_each_validation_error(pair, changes, message):
    assert any(message in m for m in _bad(pair, **changes))


def test_skip_invalid_writes_the_good_rows(pair):
    a, b = pair
    lines = export_jsonl(a.facts()).splitlines()
    report = import_facts(b, lines[0] + "\n{not json\n", "jsonl", skip_invalid=True)
    assert report.written and report.added == 1
    assert report.left_out[0].row == 2 and "bad JSON" in report.left_out[0].message


def test_csv_missing_columns(pair):
    _, b = pair
    report = import_facts(b, "state,indicator\nUSA,use\n", "csv")
    assert not report.written and "missing columns" in report.left_out[0].message


def test_missing_fields_are_named(pair):
    _, b = pair
    report = import_facts(b, '{"state": "USA", "indicator": "use"}\n', "jsonl")
    messages = {e.message for e in report.left_out}
    assert {"missing field quote", "missing field doc"} <= messages and report.summary().endswith(
        "--skip-invalid)"
    )
