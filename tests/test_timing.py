"""Tests for followup.timing: offsets, business days, send windows, DST, recurrence."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import ZONES, windows

from followup import (
    Anchor,
    BusinessDays,
    FollowupError,
    HolidayCalendar,
    Recurrence,
    SendWindow,
    ValidationError,
    When,
)
from followup.timing import (
    describe_offset,
    fit_window,
    latest_in_window,
    localize,
    parse_offset,
    read_local,
    settle,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
NO_HOLIDAYS = HolidayCalendar()
FAST = settings(max_examples=100, deadline=None)


def _brute_add_business_days(window: SendWindow, day: date, n: int, holidays: HolidayCalendar) -> date:
    def business(d: date) -> bool:
        return d.weekday() in window.days and d not in holidays

    if n == 0:
        while not business(day):
            day += timedelta(days=1)
        return day
    count = 0
    while count < n:
        day += timedelta(days=1)
        if business(day):
            count += 1
    return day


class TestBusinessDays:
    def test_str(self) -> None:
        assert str(BusinessDays(1)) == "1 business day"
        assert str(BusinessDays(2)) == "2 business days"

    @pytest.mark.parametrize("n", [-1, 1.5, True])
    def test_negative_or_non_integer_is_refused(self, n: object) -> None:
        with pytest.raises(ValidationError) as exc:
            BusinessDays(n)  # type: ignore[arg-type]
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == "business_days"


class TestSendWindow:
    def test_defaults_are_weekdays_nine_to_five(self) -> None:
        w = SendWindow()
        assert w.days == frozenset(range(5))
        assert (w.start, w.end) == (time(9), time(17))
        assert w.describe() == "09:00–17:00 weekday"

    def test_describe_other_days(self) -> None:
        assert SendWindow(days=[0, 2], start=time(10), end=time(16)).describe() == "10:00–16:00 Mon, Wed"

    def test_contains_includes_both_ends(self) -> None:
        w = SendWindow()
        fri = date(2026, 11, 20)
        assert w.contains(datetime.combine(fri, time(9), tzinfo=NEW_YORK))
        assert w.contains(datetime.combine(fri, time(17), tzinfo=NEW_YORK))
        assert not w.contains(datetime.combine(fri, time(17, 1), tzinfo=NEW_YORK))
        assert not w.contains(datetime.combine(fri, time(8, 59), tzinfo=NEW_YORK))
        assert not w.contains(datetime(2026, 11, 21, 10, tzinfo=NEW_YORK))  # Saturday

    def test_holiday_is_not_a_business_day(self) -> None:
        thanksgiving = HolidayCalendar(dates=[date(2026, 11, 26)])
        w = SendWindow()
        assert not w.is_business_day(date(2026, 11, 26), thanksgiving)
        assert w.is_business_day(date(2026, 11, 26))
        assert w.next_business_day(date(2026, 11, 25), thanksgiving) == date(2026, 11, 27)

    def test_add_business_days_over_a_weekend(self) -> None:
        w = SendWindow()
        assert w.add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri -> Mon
        assert w.add_business_days(date(2026, 11, 21), 1) == date(2026, 11, 23)  # Sat -> Mon
        assert w.add_business_days(date(2026, 11, 20), 5) == date(2026, 11, 27)
        assert w.add_business_days(date(2026, 11, 21), 0) == date(2026, 11, 23)
        assert w.add_business_days(date(2026, 11, 20), 0) == date(2026, 11, 20)

    def test_add_business_days_over_holidays(self) -> None:
        christmas = HolidayCalendar(dates=[date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)])
        w = SendWindow()
        # Wed 23 Dec + 1: Thu 24 and Fri 25 are holidays, then the weekend.
        assert w.add_business_days(date(2026, 12, 23), 1, christmas) == date(2026, 12, 28)
        assert w.add_business_days(date(2026, 12, 23), 4, christmas) == date(2026, 12, 31)
        assert w.add_business_days(date(2026, 12, 23), 5, christmas) == date(2027, 1, 4)

    @FAST
    @given(
        window=windows,
        day=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
        n=st.integers(min_value=0, max_value=40),
        holidays=st.frozensets(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), max_size=60),
    )
    def test_add_business_days_matches_a_brute_force_count(
        self, window: SendWindow, day: date, n: int, holidays: frozenset[date]
    ) -> None:
        cal = HolidayCalendar(dates=holidays)
        got = window.add_business_days(day, n, cal)
        assert got == _brute_add_business_days(window, day, n, cal)
        assert window.is_business_day(got, cal)
        between = [day + timedelta(days=i) for i in range(1, (got - day).days)]
        if n > 0:
            assert sum(window.is_business_day(d, cal) for d in between) == n - 1

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"days": []}, "window.days"),
            ({"days": [7]}, "window.days"),
            ({"start": time(17), "end": time(9)}, "window.end"),
            ({"start": time(9), "end": time(9)}, "window.end"),
        ],
    )
    def test_bad_window_is_refused(self, kwargs: dict[str, object], field: str) -> None:
        with pytest.raises(ValidationError) as exc:
            SendWindow(**kwargs)  # type: ignore[arg-type]
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == field


class TestWhen:
    @pytest.mark.parametrize("offset", [timedelta(hours=-1), relativedelta(days=-1), relativedelta(months=-3)])
    def test_negative_offset_is_refused(self, offset: object) -> None:
        with pytest.raises(ValidationError) as exc:
            When(anchor=Anchor.OUTCOME, offset=offset)  # type: ignore[arg-type]
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == "offset"
        assert "zero or more" in str(exc.value)

    def test_absolute_relativedelta_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            When(anchor=Anchor.OUTCOME, offset=relativedelta(day=1))
        assert exc.value.field == "offset"

    def test_step_anchor_needs_a_step(self) -> None:
        with pytest.raises(ValidationError) as exc:
            When(anchor="step")
        assert exc.value.field == "when.step"
        assert When(anchor="step", step="rejection-reply").step == "rejection-reply"

    def test_only_step_anchor_names_a_step(self) -> None:
        with pytest.raises(ValidationError) as exc:
            When(anchor="outcome", step="rejection-reply")
        assert exc.value.field == "when.step"

    def test_aware_at_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            When(anchor="outcome", at=time(10, tzinfo=UTC))
        assert exc.value.field == "when.at"

    def test_anchor_converts_from_text(self) -> None:
        assert When(anchor="interview-end").anchor is Anchor.INTERVIEW_END


class TestOffsets:
    @pytest.mark.parametrize(
        ("text", "offset"),
        [
            ("45m", timedelta(minutes=45)),
            ("3 hours", timedelta(hours=3)),
            ("2 business days", BusinessDays(2)),
            ("1 business day", BusinessDays(1)),
            ("3 months", relativedelta(months=3)),
            ("1 week", relativedelta(weeks=1)),
            ("10 days", relativedelta(days=10)),
        ],
    )
    def test_parse(self, text: str, offset: object) -> None:
        assert parse_offset(text) == offset

    @pytest.mark.parametrize("text", ["soon", "3 fortnights", "-2 days", ""])
    def test_parse_refuses_nonsense(self, text: str) -> None:
        with pytest.raises(ValidationError) as exc:
            parse_offset(text)
        assert exc.value.field == "duration"

    @pytest.mark.parametrize(
        ("offset", "words"),
        [
            (timedelta(hours=3), "3 hours"),
            (timedelta(minutes=45), "45 minutes"),
            (timedelta(days=7), "1 week"),
            (BusinessDays(1), "1 business day"),
            (relativedelta(months=3), "3 months"),
            (relativedelta(weeks=1), "1 week"),
            (relativedelta(), "0 days"),
        ],
    )
    def test_describe(self, offset: object, words: str) -> None:
        assert describe_offset(offset) == words  # type: ignore[arg-type]


SYDNEY = ZoneInfo("Australia/Sydney")


class TestLocalize:
    """Scheduled times never sit at a local time that happens twice or not at all."""

    def test_nonexistent_time_moves_to_the_end_of_the_gap(self) -> None:
        moment, note = localize(date(2027, 3, 14), time(2, 30), NEW_YORK)
        assert moment == datetime(2027, 3, 14, 3, 0, tzinfo=NEW_YORK)
        assert moment.utcoffset() == timedelta(hours=-4)
        assert note == (
            "02:30 does not exist in America/New_York on Sun 14 Mar (clocks go forward), "
            "so it moves to 03:00, the first minute after it that does"
        )

    def test_repeated_time_moves_past_the_repeated_hour(self) -> None:
        moment, note = localize(date(2027, 11, 7), time(1, 30), NEW_YORK)
        assert (moment.hour, moment.minute) == (2, 0)
        assert moment.astimezone(UTC) == datetime(2027, 11, 7, 7, 0, tzinfo=UTC)
        assert note == (
            "01:30 happens twice in America/New_York on Sun 7 Nov (clocks go back), "
            "so it moves to 02:00, the first minute after it that happens once"
        )

    def test_sydney_autumn_night_is_not_read_two_ways(self) -> None:
        # 02:45 on Sun 4 Apr 2027 is 15:45Z by RFC 5545 and 16:45Z in ical.js and libical.
        moment, note = localize(date(2027, 4, 4), time(2, 45), SYDNEY)
        assert moment.astimezone(UTC) == datetime(2027, 4, 3, 17, 0, tzinfo=UTC)
        assert (moment.hour, moment.minute, moment.utcoffset()) == (3, 0, timedelta(hours=10))
        assert note is not None
        assert "02:45 happens twice in Australia/Sydney on Sun 4 Apr" in note

    def test_sydney_spring_gap(self) -> None:
        moment, note = localize(date(2027, 10, 3), time(2, 10), SYDNEY)
        assert moment.astimezone(UTC) == datetime(2027, 10, 2, 16, 0, tzinfo=UTC)  # 03:00 AEDT
        assert note is not None
        assert "moves to 03:00" in note

    def test_berlin_gap_and_fold(self) -> None:
        gap, gap_note = localize(date(2027, 3, 28), time(2, 30), BERLIN)
        assert gap == datetime(2027, 3, 28, 3, 0, tzinfo=BERLIN)
        assert gap_note is not None
        assert "does not exist in Europe/Berlin" in gap_note
        fold, fold_note = localize(date(2027, 10, 31), time(2, 30), BERLIN)
        assert fold.astimezone(UTC) == datetime(2027, 10, 31, 2, 0, tzinfo=UTC)  # 03:00 CET
        assert fold_note is not None
        assert "happens twice in Europe/Berlin" in fold_note

    def test_lord_howe_half_hour_gap(self) -> None:
        # Lord Howe Island moves its clocks by 30 minutes: 02:00 -> 02:30 on Sun 3 Oct 2027.
        moment, note = localize(date(2027, 10, 3), time(2, 15), LORD_HOWE)
        assert (moment.hour, moment.minute) == (2, 30)
        assert moment.utcoffset() == timedelta(hours=11)
        assert note is not None
        assert "moves to 02:30" in note

    def test_lord_howe_half_hour_fold(self) -> None:
        # ... and back on Sun 4 Apr 2027: 02:00 -> 01:30, so 01:30-01:59 happens twice.
        moment, note = localize(date(2027, 4, 4), time(1, 45), LORD_HOWE)
        assert (moment.hour, moment.minute) == (2, 0)
        assert moment.utcoffset() == timedelta(hours=10, minutes=30)
        assert note is not None
        assert "01:45 happens twice in Australia/Lord_Howe" in note
        assert localize(date(2027, 4, 4), time(1, 29), LORD_HOWE)[1] is None

    def test_ordinary_time_has_no_note(self) -> None:
        moment, note = localize(date(2027, 3, 15), time(2, 30), NEW_YORK)
        assert moment == datetime(2027, 3, 15, 2, 30, tzinfo=NEW_YORK)
        assert note is None

    @FAST
    @given(
        zone=st.sampled_from(ZONES).map(ZoneInfo),
        day=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
        at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    )
    def test_result_happens_exactly_once_and_never_earlier(self, zone: ZoneInfo, day: date, at: time) -> None:
        moment, note = localize(day, at, zone)
        wall = moment.replace(tzinfo=None)
        assert wall.replace(tzinfo=zone, fold=0) == wall.replace(tzinfo=zone, fold=1)  # same instant
        assert wall.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall
        assert wall.replace(tzinfo=zone, fold=0).utcoffset() == wall.replace(tzinfo=zone, fold=1).utcoffset()
        assert wall >= datetime.combine(day, at)
        if note is None:
            assert (moment.date(), moment.time()) == (day, at)
        else:
            assert at.strftime("%H:%M") in note
            assert zone.key in note
            assert wall - datetime.combine(day, at) <= timedelta(hours=1)


class TestReadLocal:
    """Facts given as local times are read the RFC 5545 way."""

    def test_nonexistent_time_uses_the_offset_before_the_gap(self) -> None:
        moment = read_local(date(2027, 3, 14), time(2, 30), NEW_YORK)
        assert moment == datetime(2027, 3, 14, 3, 30, tzinfo=NEW_YORK)

    def test_repeated_time_means_the_first(self) -> None:
        moment = read_local(date(2027, 11, 7), time(1, 30), NEW_YORK)
        assert moment.astimezone(UTC) == datetime(2027, 11, 7, 5, 30, tzinfo=UTC)


class TestSettle:
    def test_an_instant_in_the_repeated_hour_moves_on(self) -> None:
        second = datetime(2027, 11, 7, 6, 30, tzinfo=UTC)  # 01:30 EST, the second 01:30
        moment, note = settle(second, NEW_YORK)
        assert moment.astimezone(UTC) == datetime(2027, 11, 7, 7, 0, tzinfo=UTC)
        assert note is not None
        assert "01:30 happens twice" in note

    def test_an_ordinary_instant_stays(self) -> None:
        moment = datetime(2027, 11, 7, 12, 0, tzinfo=UTC)
        assert settle(moment, NEW_YORK) == (moment.astimezone(NEW_YORK), None)


class TestFitWindow:
    def test_inside_stays(self) -> None:
        moment = datetime(2026, 11, 20, 10, tzinfo=NEW_YORK)
        assert fit_window(moment, NEW_YORK, SendWindow(), NO_HOLIDAYS) == (moment, None)

    def test_weekend_moves_to_monday(self) -> None:
        fitted, note = fit_window(datetime(2026, 11, 21, 10, tzinfo=NEW_YORK), NEW_YORK, SendWindow(), NO_HOLIDAYS)
        assert fitted == datetime(2026, 11, 23, 9, tzinfo=NEW_YORK)
        assert note == (
            "Sat 21 Nov 10:00 is a weekend, so it moves to Mon 23 Nov 09:00, "
            "the next opening of the 09:00–17:00 weekday window in America/New_York"
        )

    def test_before_opening_moves_to_opening_same_day(self) -> None:
        fitted, note = fit_window(datetime(2026, 11, 20, 7, tzinfo=NEW_YORK), NEW_YORK, SendWindow(), NO_HOLIDAYS)
        assert fitted == datetime(2026, 11, 20, 9, tzinfo=NEW_YORK)
        assert note is not None
        assert "is before the window opens" in note

    def test_holiday_moves_to_next_business_day(self) -> None:
        cal = HolidayCalendar(dates=[date(2026, 11, 26)])
        fitted, note = fit_window(datetime(2026, 11, 26, 10, tzinfo=NEW_YORK), NEW_YORK, SendWindow(), cal)
        assert fitted == datetime(2026, 11, 27, 9, tzinfo=NEW_YORK)
        assert note is not None
        assert note.startswith("Thu 26 Nov 10:00 is a holiday")

    def test_converts_into_the_recipient_zone(self) -> None:
        # 14:00 in New York is 20:00 in Berlin: after the window there.
        fitted, note = fit_window(datetime(2026, 11, 20, 14, tzinfo=NEW_YORK), BERLIN, SendWindow(), NO_HOLIDAYS)
        assert fitted == datetime(2026, 11, 23, 9, tzinfo=BERLIN)
        assert note is not None
        assert "Fri 20 Nov 20:00 is after the window closes" in note
        assert "in Europe/Berlin" in note

    def test_latest_in_window(self) -> None:
        lo = datetime(2026, 11, 20, 15, tzinfo=NEW_YORK)
        hi = datetime(2026, 11, 21, 15, tzinfo=NEW_YORK)
        assert latest_in_window(lo, hi, NEW_YORK, SendWindow(), NO_HOLIDAYS) == datetime(
            2026, 11, 20, 17, tzinfo=NEW_YORK
        )
        sat = datetime(2026, 11, 21, 9, tzinfo=NEW_YORK)
        assert latest_in_window(sat, sat + timedelta(hours=20), NEW_YORK, SendWindow(), NO_HOLIDAYS) is None


class TestHolidayCalendar:
    def test_dates(self) -> None:
        cal = HolidayCalendar(dates=[date(2026, 12, 25)])
        assert date(2026, 12, 25) in cal
        assert date(2026, 12, 24) not in cal
        assert "2026-12-25" not in cal
        assert cal
        assert not HolidayCalendar()

    def test_country_uses_the_holidays_package(self) -> None:
        us = HolidayCalendar(country="US")
        assert date(2026, 11, 26) in us  # Thanksgiving
        assert date(2027, 7, 5) in us  # Independence Day, observed
        assert date(2026, 11, 27) not in us

    def test_unknown_country_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            HolidayCalendar(country="XX")
        assert exc.value.field == "holidays"


class TestRecurrence:
    def test_count_and_until_together_are_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Recurrence(every=relativedelta(months=1), count=3, until=date(2027, 6, 1))
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == "until"
        assert "never both" in str(exc.value)

    def test_needs_count_or_until(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Recurrence(every=relativedelta(months=1))
        assert exc.value.field == "count"

    @pytest.mark.parametrize("every", [relativedelta(days=3), relativedelta(months=-1), relativedelta(hours=2)])
    def test_every_must_be_weeks_or_months(self, every: relativedelta) -> None:
        with pytest.raises(ValidationError) as exc:
            Recurrence(every=every, count=2)
        assert exc.value.field == "every"

    @pytest.mark.parametrize("count", [0, -1, True])
    def test_count_must_be_positive(self, count: object) -> None:
        with pytest.raises(ValidationError) as exc:
            Recurrence(every=relativedelta(months=1), count=count)  # type: ignore[arg-type]
        assert exc.value.field == "count"

    def test_describe(self) -> None:
        assert Recurrence(every=relativedelta(months=3), count=4).describe() == "every 3 months, 4 times"
        assert Recurrence(every=relativedelta(months=1), count=6).describe() == "every month, 6 times"
        assert (
            Recurrence(every=relativedelta(weeks=2), until=date(2027, 3, 1)).describe()
            == "every 2 weeks, until Mon 1 Mar 2027"
        )

    def test_quarterly_keeps_local_time_across_us_dst(self) -> None:
        # Wed 10 Feb 2027 is the second Wednesday: the series keeps that place in the month.
        first = datetime(2027, 2, 10, 10, tzinfo=NEW_YORK)
        exp = Recurrence(every=relativedelta(months=3), count=4).expand(first, SendWindow())
        assert exp.rrule == "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE;COUNT=4"
        assert [o.date() for o in exp.occurrences] == [
            date(2027, 2, 10),
            date(2027, 5, 12),
            date(2027, 8, 11),
            date(2027, 11, 10),
        ]
        assert all(o.time() == time(10) for o in exp.occurrences)
        assert [o.utcoffset() for o in exp.occurrences] == [
            timedelta(hours=-5),
            timedelta(hours=-4),
            timedelta(hours=-4),
            timedelta(hours=-5),
        ]
        assert exp.planned == exp.occurrences

    def test_weekend_date_moves_to_the_next_weekday(self) -> None:
        # 24 Jan 2027 is a Sunday: the series starts Mon 25 Jan, the fourth Monday.
        exp = Recurrence(every=relativedelta(months=2), count=3).expand(
            datetime(2027, 1, 24, 10, tzinfo=NEW_YORK), SendWindow()
        )
        assert exp.rrule == "FREQ=MONTHLY;INTERVAL=2;BYDAY=4MO;COUNT=3"
        assert [o.date() for o in exp.occurrences] == [date(2027, 1, 25), date(2027, 3, 22), date(2027, 5, 24)]

    def test_weekly_keeps_its_weekday(self) -> None:
        exp = Recurrence(every=relativedelta(weeks=2), count=3).expand(
            datetime(2027, 3, 10, 10, tzinfo=NEW_YORK), SendWindow()
        )
        assert exp.rrule == "FREQ=WEEKLY;INTERVAL=2;COUNT=3"
        assert [o.date() for o in exp.occurrences] == [date(2027, 3, 10), date(2027, 3, 24), date(2027, 4, 7)]
        assert [o.utcoffset() for o in exp.occurrences] == [timedelta(hours=-5), timedelta(hours=-4), timedelta(hours=-4)]
        assert all(o.time() == time(10) for o in exp.occurrences)

    def test_until_is_written_in_utc(self) -> None:
        exp = Recurrence(every=relativedelta(weeks=1), until=date(2027, 1, 20)).expand(
            datetime(2027, 1, 6, 10, tzinfo=NEW_YORK), SendWindow()
        )
        assert exp.rrule == "FREQ=WEEKLY;UNTIL=20270121T045959Z"
        assert [o.date() for o in exp.occurrences] == [date(2027, 1, 6), date(2027, 1, 13), date(2027, 1, 20)]

    def test_holiday_moves_one_occurrence(self) -> None:
        # The second Wednesday of May 2027 is the 12th; a holiday then moves it to Thu 13 May.
        cal = HolidayCalendar(dates=[date(2027, 5, 12)])
        exp = Recurrence(every=relativedelta(months=3), count=3).expand(
            datetime(2027, 2, 10, 10, tzinfo=NEW_YORK), SendWindow(), cal
        )
        assert exp.planned[1] == datetime(2027, 5, 12, 10, tzinfo=NEW_YORK)
        assert exp.occurrences[1] == datetime(2027, 5, 13, 10, tzinfo=NEW_YORK)
        assert exp.occurrences[0] == exp.planned[0]
        assert exp.occurrences[2] == exp.planned[2] == datetime(2027, 8, 11, 10, tzinfo=NEW_YORK)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            # Tue 29 Feb 2028 is the last Tuesday of February.
            (date(2028, 2, 29), [date(2028, 2, 29), date(2028, 3, 28), date(2028, 4, 25), date(2028, 5, 30)]),
            # Fri 31 Dec 2027 is the last Friday of December.
            (date(2027, 12, 31), [date(2027, 12, 31), date(2028, 1, 28), date(2028, 2, 25), date(2028, 3, 31)]),
        ],
    )
    def test_late_month_start_falls_in_every_month(self, day: date, expected: list[date]) -> None:
        first = datetime.combine(day, time(10), tzinfo=NEW_YORK)
        exp = Recurrence(every=relativedelta(months=1), count=4).expand(first, SendWindow())
        assert [o.date() for o in exp.occurrences] == expected
        assert all(o.weekday() < 5 and o.time() == time(10) for o in exp.occurrences)
