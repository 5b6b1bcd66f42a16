"""Treaty membership: the shipped file against its cited dates, the entry-into-force rules, re-imports."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from minewatch.sources import treaty
from minewatch.sources.rows import read_rows
from minewatch.vocab import load

ROWS = list(csv.DictReader(treaty.SHIPPED.read_text(encoding="utf-8").splitlines()))
HEADER = treaty.SHIPPED.read_text(encoding="utf-8").splitlines()[0]


def row(state: str, code: str = "MBT") -> dict:
    return next(r for r in ROWS if r["state"] == state and r["treaty"] == code)


# (state, signature, deposit, method, entry into force, withdrawal deposited, withdrawal effective),
# each as the depositary (UN Treaty Collection XXVI-5) and the pages in the row's corroborated_by give it.
SAMPLE = [
    ("USA", "", "", "none", None, "", ""),  # non-signatory
    ("CHN", "", "", "none", None, "", ""),
    ("RUS", "", "", "none", None, "", ""),
    ("CAN", "1997-12-03", "1997-12-03", "ratification", "1999-03-01", "", ""),  # among the first 40
    ("BFA", "1997-12-03", "1998-09-16", "ratification", "1999-03-01", "", ""),  # the 40th
    ("GIN", "1997-12-04", "1998-10-08", "ratification", "1999-04-01", "", ""),  # just after the 40th
    ("AFG", "", "2002-09-11", "accession", "2003-03-01", "", ""),  # acceded after 1999
    ("BLR", "", "2003-09-03", "accession", "2004-03-01", "", ""),
    ("PSE", "", "2017-12-29", "accession", "2018-06-01", "", ""),
    ("MHL", "1997-12-04", "2025-03-12", "ratification", "2025-09-01", "", ""),  # signed 1997, ratified 2025
    ("UKR", "1999-02-24", "2005-12-27", "ratification", "2006-06-01", "", ""),  # withdrawal announced
    ("LTU", "1999-02-26", "2003-05-12", "ratification", "2003-11-01", "2025-06-27", "2025-12-27"),
    ("LVA", "", "2005-07-01", "accession", "2006-01-01", "2025-06-27", "2025-12-27"),
    ("EST", "", "2004-05-12", "accession", "2004-11-01", "2025-06-27", "2025-12-27"),
    ("FIN", "", "2012-01-09", "accession", "2012-07-01", "2025-07-10", "2026-01-10"),
    ("POL", "1997-12-04", "2012-12-27", "ratification", "2013-06-01", "2025-08-20", "2026-02-20"),
]


@pytest.mark.parametrize(("state", "signed", "deposit", "method", "eif", "w_dep", "w_eff"), SAMPLE)
def test_sample_rows_match_their_cited_dates(state, signed, deposit, method, eif, w_dep, w_eff):
    r = row(state)
    assert (r["signature"], r["deposit"], r["method"]) == (signed, deposit, method)
    assert (r["withdrawal_deposit"], r["withdrawal_effective"]) == (w_dep, w_eff)
    assert "XXVI-5" in r["citation"] and r["url"].startswith("https://treaties.un.org/")
    if eif:
        assert treaty.mbt_entry_into_force(date.fromisoformat(deposit)).isoformat() == eif


def test_ukraine_announced_but_not_deposited():
    r = row("UKR")
    assert r["withdrawal_announced"] == "2025-06-29" and r["withdrawal_deposit"] == ""


def test_every_row_is_sourced_known_and_in_force_by_rule():
    vocab = load()
    _, rows = read_rows(treaty.SHIPPED.read_text(encoding="utf-8"))
    for r in rows:
        f = r.fields
        assert f["state"] in vocab.states, f
        assert f["citation"] and f["url"], f
        if not f["deposit"]:
            continue
        rule = treaty.TREATIES[f["treaty"]].entry_into_force
        computed = rule(date.fromisoformat(f["deposit"]))
        assert computed >= date.fromisoformat(f["deposit"])
        if f["entry_into_force"]:
            assert computed.isoformat() == f["entry_into_force"], f
        if f["treaty"] == "MBT":
            assert computed.day == 1 and computed >= date(1999, 3, 1)
        facts = treaty.row_facts(r, "doc", vocab)  # raises on any inconsistency
        assert any(x.value == "entry_into_force" and x.when.start == computed.isoformat() for x in facts)


def test_coverage_of_the_shipped_file():
    mbt = [r for r in ROWS if r["treaty"] == "MBT"]
    parties = [r for r in mbt if r["method"] != "none"]
    assert len({r["state"] for r in mbt}) == len(mbt)  # one row per state
    assert len(parties) >= 160
    assert {r["state"] for r in mbt if r["method"] == "none"} >= {"USA", "CHN", "RUS", "IND", "PAK"}
    assert row("USA", "CCW-APII")["deposit"] == "1999-05-24"


@pytest.mark.parametrize(
    ("deposit", "eif"),
    [
        ("1997-12-03", "1999-03-01"),
        ("1998-09-16", "1999-03-01"),
        ("1998-10-08", "1999-04-01"),
        ("1999-08-31", "2000-02-01"),
        ("2017-12-29", "2018-06-01"),
    ],
)
def test_mbt_entry_into_force_rule(deposit, eif):
    assert treaty.mbt_entry_into_force(date.fromisoformat(deposit)) == date.fromisoformat(eif)


@pytest.mark.parametrize(
    ("deposit", "eif"),
    [("1997-08-22", "1998-12-03"), ("1998-10-21", "1999-04-21"), ("2002-08-30", "2003-02-28")],
)
def test_apii_entry_into_force_rule(deposit, eif):
    assert treaty.apii_entry_into_force(date.fromisoformat(deposit)) == date.fromisoformat(eif)


def test_shipped_import_is_accepted_with_row_spans_and_idempotent(store):
    report = treaty.import_shipped(store)
    assert report.added > 500 and not report.left_out
    doc = store.document(report.doc)
    facts = store.facts(state="AFG")
    assert {f.value for f in facts} == {"accession", "entry_into_force"}
    for f in facts:
        assert f.status == "accepted" and f.confidence == 1.0 and f.extractor == "treaty.membership@1"
        assert doc.text[f.start : f.end] == f.quote and f.quote.startswith("AFG,MBT,")
        assert f.citations[0].number == 1 and "XXVI-5" in f.citations[0].text
    usa = store.facts(state="USA")
    assert any(f.value == "signature" and f.polarity == "denied" for f in usa)
    assert treaty.import_shipped(store).added == 0


def test_newer_file_adds_changed_rows_and_supersedes(store):
    treaty.import_shipped(store)
    tonga = "TON,MBT,,2025-06-25,accession,,,,,Depositary record XXVI-5: TON,https://treaties.un.org/,\n"
    usa = "USA,MBT,,,none,,,,,Depositary record XXVI-5: USA,https://treaties.un.org/,\n"
    # the same USA row as before, Tonga now acceded: only Tonga's facts are new
    text = HEADER + "\n" + usa + tonga
    report = treaty.import_membership(store, text, "newer.csv")
    assert report.added == 2 and report.superseded == 0
    # a correction: Tonga's deposit date changes; the old facts are superseded, not deleted
    report = treaty.import_membership(
        store, HEADER + "\n" + tonga.replace("2025-06-25", "2025-07-02"), "fix.csv"
    )
    assert report.added == 2 and report.superseded == 2
    ton = store.facts(state="TON")
    assert sorted(f.status for f in ton) == ["accepted", "accepted", "superseded", "superseded"]
    old = next(f for f in ton if f.status == "superseded")
    assert store.revisions(old.id)[-1]["action"] == "supersede"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("XXX,MBT,,2002-09-11,accession,,,,,cite,,", "unknown state"),
        ("AFG,CCM,,2002-09-11,accession,,,,,cite,,", "unknown treaty"),
        ("AFG,MBT,,2002-09-11,accession,,,,,,,", "no citation"),
        ("AFG,MBT,,2002-13-11,accession,,,,,cite,,", "bad date"),
        ("AFG,MBT,,2002-09-11,accession,2003-04-01,,,,cite,,", "disagrees"),
        ("AFG,MBT,,,accession,,,,,cite,,", "without a deposit date"),
    ],
)
def test_rows_left_out_are_reported(store, line, problem):
    report = treaty.import_membership(store, HEADER + "\n" + line + "\n", "bad.csv")
    assert report.added == 0
    assert len(report.left_out) == 1 and problem in report.left_out[0].message
