"""The meeting calendar and attendance lists: one fact per meeting attended, dated by the calendar."""

from __future__ import annotations

import pytest

from minewatch.sources.meetings import import_attendance, parse_attendance
from minewatch.vocab.meetings import load_meetings, meeting_id

CAL = load_meetings()


def test_calendar_has_review_conferences_in_their_cities_and_years():
    rcs = {m.id: (m.city, m.year) for m in CAL.values() if m.kind == "RC"}
    assert rcs == {
        "1RC": ("Nairobi", 2004),
        "2RC": ("Cartagena", 2009),
        "3RC": ("Maputo", 2014),
        "4RC": ("Oslo", 2019),
        "5RC": ("Siem Reap", 2024),
    }
    assert CAL["1MSP"].city == "Maputo" and CAL["1MSP"].year == 1999
    msp_years = [m.year for m in CAL.values() if m.kind == "MSP"]
    assert msp_years == sorted(msp_years) and not set(msp_years) & {y for _, y in rcs.values()}
    assert [m.number for m in CAL.values() if m.kind == "MSP"] == list(range(1, len(msp_years) + 1))


def test_meeting_ids():
    assert meeting_id(" 4 rc") == "4RC" and meeting_id("18MSP") == "18MSP" and meeting_id("Oslo") is None


def test_list_with_ellipsis():
    text = "1MSP, 2MSP, …, 4RC; 18MSP"
    found = parse_attendance(text, CAL)
    assert [m for m, _, _ in found] == ["1MSP", "2MSP", "4RC", "18MSP"]
    assert [text[a:b] for _, a, b in found] == ["1MSP", "2MSP", "4RC", "18MSP"]
    with pytest.raises(ValueError, match="unknown meeting"):
        parse_attendance("1MSP, 40MSP", CAL)
    with pytest.raises(ValueError, match="unknown meeting"):
        parse_attendance("3MSP-5MSP", CAL)


def test_import_one_fact_per_meeting(store):
    text = (
        "state,meetings,as,citation\n"
        'USA,"1RC, 2RC, 4RC, 18MSP",observer,"Landmine Monitor, United States profile"\n'
        'XXX,"1MSP",,"somewhere"\n'
        'CHN,"1MSP, 99RC",observer,"somewhere"\n'
    )
    report = import_attendance(store, text, "attendance.csv")
    assert report.added == 4 and [e.row for e in report.left_out] == [2, 3]
    facts = sorted(store.facts(state="USA", indicator="diplomacy"), key=lambda f: f.when.start)
    assert [f.attributes["meeting"] for f in facts] == ["1RC", "2RC", "4RC", "18MSP"]
    oslo = facts[2]
    assert (oslo.value, oslo.when.start, oslo.when.end, oslo.attributes["as"]) == (
        "attended",
        "2019-11-25",
        "2019-11-29",
        "observer",
    )
    assert store.document(oslo.doc).text[oslo.start : oslo.end] == oslo.quote == "4RC"
    assert import_attendance(store, text, "attendance.csv").added == 0
