"""Dates and periods, with their precision, resolved against the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from minewatch.extract.dates import find
from minewatch.model import Period

REF = date(2021, 6, 30)


def period(text: str, **kw) -> Period:
    found = find(text, REF, **kw)
    assert found, text
    return found[0].period


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on 3 December 1997 in Ottawa", "1997-12-03", "1997-12-03", "day"),
        ("on March 1, 1999 it entered into force", "1999-03-01", "1999-03-01", "day"),
        ("in June 2014 at Maputo", "2014-06-01", "2014-06-30", "month"),
        ("destroyed in 2015", "2015-01-01", "2015-12-31", "year"),
        ("exported between 1969 and 1992", "1969-01-01", "1992-12-31", "range"),
        ("during 2009–2012", "2009-01-01", "2012-12-31", "range"),
        ("in 2019 and 2020 it led donors", "2019-01-01", "2020-12-31", "range"),
        ("has not used mines since 1991", "1991-01-01", "2021-06-30", "since"),
        ("since the start of 2020", "2020-01-01", "2021-06-30", "since"),
        ("since the late 1990s", "1997-01-01", "2021-06-30", "since"),
        ("in the mid-1990s", "1993-01-01", "1996-12-31", "decade"),
        ("In April, a spokesperson said", "2021-04-01", "2021-04-30", "month"),
        ("In September, the minister said", "2020-09-01", "2020-09-30", "month"),  # after the document date
        ("last year the army cleared", "2020-01-01", "2020-12-31", "year"),
        ("For more than 20 years, donors have paid", "2001-01-01", "2021-06-30", "since"),
        ("early 2016", "2016-01-01", "2016-04-30", "month"),
    ],
)
def test_periods(text: str, start: str, end: str, precision: str) -> None:
    p = period(text)
    assert (p.start, p.end, p.precision) == (start, end, precision)


def test_until() -> None:
    p = period("stocks become unusable by the early 2030s")
    assert (p.start, p.end, p.precision) == (None, "2033-12-31", "until")
    p = period("to be completed by June 2018")
    assert (p.start, p.end, p.precision) == (None, "2018-06-30", "until")


def test_fiscal_years_follow_the_state() -> None:
    us = period("the fiscal year 2021 budget", fiscal_start=10)
    assert (us.start, us.end) == ("2020-10-01", "2021-09-30")
    uk = period("in FY2019", fiscal_start=4)
    assert (uk.start, uk.end) == ("2018-04-01", "2019-03-31")
    calendar = period("fiscal year 2021")
    assert (calendar.start, calendar.end) == ("2021-01-01", "2021-12-31")


def test_fiscal_year_ranges_span_from_the_first_to_the_last() -> None:
    for text in (
        "funds requested between FY2019 and FY2023",
        "from fiscal year 2019 to 2023",
        "over FY2019–FY2023",
        "in fiscal years 2019 through 2023",
        "for FY19-23",
    ):
        p = period(text, fiscal_start=10)
        assert (p.start, p.end, p.precision) == ("2018-10-01", "2023-09-30", "range"), text
    two = [f.period.text for f in find("the FY2019 and FY2023 budgets", fiscal_start=10)]
    assert two == ["FY2019", "FY2023"]  # two years named, not the years between


def test_that_year_takes_the_period_before() -> None:
    before = Period("1997-01-01", "1997-12-31", "year")
    assert period("That year, the government set a goal", previous=before).start == "1997-01-01"
    assert find("That year, the government set a goal", REF) == []  # nothing to refer to
    since = period(
        "Since then, it has attended every meeting", previous=Period("2009-11-01", "2009-11-30", "month")
    )
    assert (since.start, since.precision) == ("2009-11-01", "since")


@pytest.mark.parametrize(
    "text", ["Resolution 74/61", "GAO-02-1003", "a 12-page reply", "about 1990s-era designs"]
)
def test_not_dates(text: str) -> None:
    assert [f for f in find(text, REF) if f.period.precision in ("day", "month", "year")] == []


def test_a_figure_is_not_a_year() -> None:
    assert find("it holds 2,000 mines and $2015 in cash", REF) == []


def test_today_is_the_document_date() -> None:
    p = period("The ministry announced today that it will act.")
    assert (p.start, p.precision) == ("2021-06-30", "day")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2014 and 2015", ["2014 and 2015"]),  # at the very start of the text
        ("7/2014 and $2015", []),  # after a slash or a currency sign: not a year
        ("1,2014", []),
        ("x2014", ["2014"]),  # after a letter, a year still (only a range needs a word boundary)
        ("a1999 or 2000", ["1999 or 2000"]),
        ("from 1999–2001", ["1999–2001"]),  # a range, not "since 1999"
        ("1999 - 2001", ["1999 - 2001"]),
        ("s1999-2001", []),
    ],
)
def test_the_character_before_a_year(text: str, found: list[str]) -> None:
    """Year patterns open with the digits and test the character before after them."""
    assert [f.period.text for f in find(text, REF)] == found


def test_this_and_last_month_are_resolved_against_the_document() -> None:
    assert period("pledged funds this month") == Period("2021-06-01", "2021-06-30", "month", "this month")
    assert period("Last month, the army said").start == "2021-05-01"
    assert find("pledged funds last month", date(2021, 1, 10))[0].period.start == "2020-12-01"


def test_since_then_after_an_open_ended_period_counts_from_its_year() -> None:
    found = find("no use since then", REF, previous=Period(None, "2004-12-31", "until", "by 2004"))
    assert (found[0].period.start, found[0].period.precision) == ("2004-01-01", "since")


@pytest.mark.parametrize(
    ("text", "fiscal_start", "start", "end", "precision"),
    [
        ("spent £38.2 million in 2022/23 on", 4, "2022-04-01", "2023-03-31", "year"),
        ("in 2023-24 the programme", 7, "2023-07-01", "2024-06-30", "year"),
        ("in 2021/22 the ministry", 1, "2021-01-01", "2022-12-31", "range"),
    ],
)
def test_a_budget_year_written_by_its_two_calendar_years(
    text: str, fiscal_start: int, start: str, end: str, precision: str
) -> None:
    p = period(text, fiscal_start=fiscal_start)
    assert (p.start, p.end, p.precision) == (start, end, precision)


def test_two_years_apart_are_not_one_budget_year() -> None:
    assert [f.period.precision for f in find("between 1997-99 the army", REF, fiscal_start=4)] == []


def test_since_a_month_runs_to_the_document_date() -> None:
    p = period("have cleared 2,300 mines since January")
    assert (p.start, p.end, p.precision) == ("2021-01-01", "2021-06-30", "since")


def test_a_range_after_from_keeps_its_end() -> None:
    p = period("destroyed from 1999–2001")
    assert (p.start, p.end, p.precision) == ("1999-01-01", "2001-12-31", "range")


def test_month_ranges() -> None:
    for text, start, end in (
        ("in August–September 2017 along the border", "2017-08-01", "2017-09-30"),
        ("between May and July 2019", "2019-05-01", "2019-07-31"),
        ("from June to August 2021", "2021-06-01", "2021-08-31"),
    ):
        p = period(text)
        assert (p.start, p.end, p.precision) == (start, end, "range"), text


def test_a_numbered_treaty_meeting_is_dated_from_the_calendar() -> None:
    (since,) = find("Since the Nineteenth Meeting of States Parties, we cleared land.", date(2025, 6, 18))
    assert (since.period.start, since.period.end, since.period.precision) == (
        "2021-11-15",
        "2025-06-18",
        "since",
    )
    (rc,) = find("at the 5th Review Conference in Siem Reap", date(2025, 6, 18))
    assert (rc.period.start, rc.period.end, rc.period.precision) == ("2024-11-25", "2024-11-29", "range")
    assert find("the Fortieth Meeting of States Parties", date(2025, 6, 18)) == []


def test_a_weekday_in_news_is_the_last_such_day_up_to_the_document() -> None:
    (f,) = find("The committee on Thursday adopted a draft resolution.", date(2024, 11, 1))
    assert (f.period.start, f.period.precision) == ("2024-10-31", "day")
    (same,) = find("Officials said on Friday that the talks had ended.", date(2024, 11, 1))
    assert same.period.start == "2024-11-01"


def test_a_year_earlier_moves_the_period_named_before_it_back():
    found = find("at the close of 2022 it held 900 mines, against 1,100 a year earlier", REF)
    assert [f.period.start[:4] for f in found] == ["2022", "2021"]
    two = find("In March 2019 the plant opened; two years before, the army had bought it.", REF)
    assert two[-1].period.start == "2017-03-01" and two[-1].period.precision == "month"


def test_a_year_earlier_with_nothing_before_it_resolves_against_the_text_before():
    before = Period("2020-01-01", "2020-12-31", "year")
    assert find("A year earlier the count was lower.", REF, previous=before)[0].period.start == "2019-01-01"
    assert find("A year earlier the count was lower.", REF) == []
