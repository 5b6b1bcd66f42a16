"""UNGA vote tables in the public datasets' layouts: only the Mine Ban Treaty roll calls become facts."""

from __future__ import annotations

import pytest

from minewatch.sources.unga import import_votes, symbol

TITLE = (
    "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production "
    "and Transfer of Anti-Personnel Mines and on Their Destruction"
)
VOETEN = "\n".join(
    [
        "rcid,session,date,unres,descr,Country,Countryname,vote",
        f'6001,74,2019-12-12,A/RES/74/61,"{TITLE}",USA,United States of America,2',
        f'6001,74,2019-12-12,A/RES/74/61,"{TITLE}",RUS,Russia,2',
        f'6001,74,2019-12-12,A/RES/74/61,"{TITLE}",CAN,Canada,1',
        f'6001,74,2019-12-12,A/RES/74/61,"{TITLE}",SYR,Syria,3',
        f'6001,74,2019-12-12,A/RES/74/61,"{TITLE}",TWN,Taiwan,9',
        "6002,74,2019-12-12,A/RES/74/50,Nuclear disarmament,USA,United States of America,3",
        "5900,73,2018-12-05,R/73/61,Anti-personnel mines,USA,United States of America,8",
    ]
)


def test_voeten_layout_keeps_mine_ban_rows_only(store):
    report = import_votes(store, VOETEN + "\n", "UNVotes.csv")
    assert report.rows == 5 and report.added == 4 and not report.left_out  # "not a member" adds nothing
    usa = store.facts(state="USA", indicator="diplomacy")
    assert len(usa) == 1
    f = usa[0]
    assert (f.value, f.when.start, f.attributes["resolution"]) == ("abstain", "2019-12-12", "A/RES/74/61")
    assert f.attributes["rcid"] == "6001" and f.status == "accepted"
    doc = store.document(f.doc)
    assert doc.text[f.start : f.end] == f.quote and "USA,United States of America,2" in f.quote
    assert "Nuclear disarmament" not in doc.text  # the stored extract holds only the kept rows
    assert store.facts(state="SYR")[0].value == "no"
    assert import_votes(store, VOETEN + "\n", "UNVotes.csv").added == 0


def test_resolution_number_selects_rows_without_the_title(store):
    report = import_votes(store, VOETEN, "UNVotes.csv", resolutions=["73/61"])
    assert report.added == 5
    old = [f for f in store.facts(state="USA") if f.attributes["resolution"] == "A/RES/73/61"]
    assert old[0].value == "absent"


def test_un_digital_library_layout(store):
    text = "\n".join(
        [
            "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title",
            f'4071030,CHN,CHINA,A,2024-12-02,79,A/RES/79/52,"{TITLE}"',
            f'4071030,FRA,FRANCE,Y,2024-12-02,79,A/RES/79/52,"{TITLE}"',
        ]
    )
    report = import_votes(store, text, "undl.csv")
    assert report.added == 2
    assert store.facts(state="CHN")[0].value == "abstain" and store.facts(state="FRA")[0].value == "yes"


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ("XYZ,Nowhere,1", "unknown state"),
        ("USA,United States,7", "unknown vote"),
        ("USA,United States,Y", None),
    ],
)
def test_bad_rows_are_reported(store, cells, problem):
    text = f'rcid,date,unres,descr,Country,Countryname,vote\n1,2019-12-12,A/RES/74/61,"{TITLE}",{cells}\n'
    report = import_votes(store, text, "t.csv")
    if problem:
        assert report.added == 0 and problem in report.left_out[0].message
    else:
        assert report.added == 1


def test_bad_date_is_reported(store):
    text = f'rcid,date,unres,descr,Country,vote\n1,12/12/2019,A/RES/74/61,"{TITLE}",USA,1\n'
    assert "bad date" in import_votes(store, text, "t.csv").left_out[0].message


def test_not_a_vote_table(store):
    with pytest.raises(ValueError, match="not a vote table"):
        import_votes(store, "a,b\n1,2\n", "t.csv")


def test_symbol():
    assert symbol("R/74/61") == symbol("74/61") == symbol("A/RES/74/61") == "A/RES/74/61"
