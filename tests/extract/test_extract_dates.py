"""Date expressions resolved against the publication date (examples and hypothesis properties)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.dates import find_dates

PUB = date(2014, 6, 12)  # a Thursday
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def one(text: str, pub: date | None = PUB):  # type: ignore[no-untyped-def]
    ds = find_dates(text, pub)
    assert len(ds) == 1, ds
    return ds[0]


def test_relative_days() -> None:
    assert one("The strike hit today.").days == [PUB]
    assert one("It happened yesterday.").days == [PUB - timedelta(days=1)]
    assert one("on Wednesday").days == [date(2014, 6, 11)]
    assert one("late Monday").days == [date(2014, 6, 9)]
    assert one("the Taliban's Sunday attack").days == [date(2014, 6, 8)]
    assert one("on Thursday").days == [PUB]  # the publication day itself


def test_holidays_and_absolute_days() -> None:
    assert one("The last strike had been on Christmas Day.").days == [date(2013, 12, 25)]
    assert one("on 11 and 12 June").days == [date(2014, 6, 11), date(2014, 6, 12)]
    assert one("on June 11, 2014").days == [date(2014, 6, 11)]
    assert one("on 2014-06-11").days == [date(2014, 6, 11)]
    assert one("on August 18").days == [date(2013, 8, 18)]  # the latest August 18 on or before publication


def test_windows() -> None:
    d = one("the strike that killed him in November 2013")
    assert (d.days, d.earliest, d.latest) == ([], date(2013, 11, 1), date(2013, 11, 30))
    d = one("last month")
    assert (d.earliest, d.latest) == (date(2014, 5, 1), date(2014, 5, 31))
    d = one("strikes in 2009")
    assert (d.earliest, d.latest) == (date(2009, 1, 1), date(2009, 12, 31))
    d = one("between 11-13 June")
    assert (d.earliest, d.latest) == (date(2014, 6, 11), date(2014, 6, 13))


def test_without_publication_date_relative_expressions_stay_unknown() -> None:
    for t in ("today", "on Wednesday", "Christmas Day", "on August 18"):
        d = one(t, None)
        assert d.days == [] and d.earliest is None and d.relative
    assert one("on June 11, 2014", None).days == [date(2014, 6, 11)]


def test_not_dates() -> None:
    assert find_dates("Pakistan Today has learnt", PUB) == []
    assert find_dates("officials said they may act", PUB) == []
    assert find_dates("a six-month break", PUB) == []


def test_follows_previous_event() -> None:
    assert one("One day later, missiles hit a compound.").follows == 1
    assert one("the next day").follows == 1


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(_DAYS))
def test_weekday_is_latest_such_day_within_a_week(pub: date, day: str) -> None:
    d = one(f"on {day}", pub)
    assert len(d.days) == 1
    got = d.days[0]
    assert got.strftime("%A") == day
    assert pub - timedelta(days=6) <= got <= pub


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)))
def test_explicit_dates_round_trip_and_never_after_publication(day: date) -> None:
    text = f"on {_MONTHS[day.month - 1]} {day.day}, {day.year}"
    assert one(text, None).days == [day]
    pub_after = day + timedelta(days=3)
    assert one(text, pub_after).days == [day]
    # without a year: the latest such day on or before publication
    d = one(f"on {day.day} {_MONTHS[day.month - 1]}", pub_after)
    assert d.days and d.days[0] <= pub_after and d.days[0].month == day.month and d.days[0].day == day.day


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=1, max_value=12))
def test_month_year_window_covers_the_month(pub: date, month: int) -> None:
    year = pub.year - 1
    d = one(f"in {_MONTHS[month - 1]} {year}", pub)
    assert d.earliest == date(year, month, 1)
    assert d.latest is not None and d.latest.month == month and (d.latest + timedelta(days=1)).day == 1
