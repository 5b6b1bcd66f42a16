"""The states overview: every state in the vocabulary, its treaty standing, votes and meetings."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from typer.testing import CliRunner

from minewatch.analyze.overview import select, state_overview
from minewatch.cli import app
from minewatch.sources.meetings import import_attendance
from minewatch.sources.treaty import import_shipped
from minewatch.sources.unga import import_votes
from minewatch.vocab import load

TITLE = "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction"  # noqa: E501


@pytest.fixture
def loaded(store):
    import_shipped(store)
    votes = "rcid,date,unres,descr,Country,vote\n" + "".join(
        f'{rc},{d},{res},"{TITLE}",USA,{v}\n'
        for rc, d, res, v in [(1, "2018-12-05", "A/RES/73/61", 2), (2, "2019-12-12", "A/RES/74/61", 3)]
    )
    import_votes(store, votes, "votes.csv")
    import_attendance(store, 'state,meetings,citation\nUSA,"1RC, 4RC",Monitor\n', "att.csv")
    return store


def test_every_state_has_a_row(loaded):
    rows = state_overview(loaded, today=date(2026, 11, 23))
    assert [r.state for r in rows] == sorted(load().states)


def test_statuses_and_latest_items(loaded):
    rows = {r.state: r for r in state_overview(loaded, today=date(2026, 11, 23))}
    usa = rows["USA"]
    assert (usa.status, usa.apii, usa.latest_vote, usa.latest_vote_resolution) == (
        "non-party",
        "party",
        "no",
        "A/RES/74/61",
    )
    assert (usa.last_meeting, usa.last_meeting_date) == ("4RC", "2019-11-25")
    assert usa.counts == {"treaty_status": 3, "diplomacy": 4} and usa.facts == 7
    assert (rows["AFG"].status, rows["AFG"].entry_into_force) == ("party", "2003-03-01")
    assert rows["UKR"].status == "party" and rows["UKR"].withdrawal == "announced 2025-06-29"
    assert rows["LTU"].status == "withdrawn" and rows["LTU"].withdrawal == "effective 2025-12-27"
    assert rows["TWN"].status == "unknown" and rows["TWN"].facts == 0
    before = {r.state: r for r in state_overview(loaded, today=date(2025, 8, 1))}
    assert before["LTU"].status == "withdrawing" and before["MHL"].status == "joining"


def test_filter_and_sort(loaded):
    rows = state_overview(loaded, today=date(2026, 11, 23))
    withdrawn = select(rows, status="withdrawn", sort="entry_into_force")
    assert [r.state for r in withdrawn] == ["LTU", "EST", "LVA", "FIN", "POL"]
    outside = {r.state for r in select(rows, status="non-party")}
    assert {"USA", "CHN", "LTU"} <= outside and "CAN" not in outside
    assert select(rows, sort="latest_vote", descending=True)[0].state == "USA"
    with pytest.raises(ValueError, match="unknown status"):
        select(rows, status="friendly")


def test_cli_states_csv_has_one_row_per_state(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--db", db]).exit_code == 0
    result = runner.invoke(app, ["states", "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(load().states) == len({r["state"] for r in rows})
    assert next(r for r in rows if r["state"] == "AFG")["entry_into_force"] == "2003-03-01"
    party = runner.invoke(app, ["states", "--db", db, "--format", "csv", "--status", "party"])
    assert 150 < len(list(csv.DictReader(io.StringIO(party.stdout)))) < len(rows)
