"""Tests for holiday calendars: codes and subdivisions, names, zones' countries, whose calendar applies."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import textwrap
import warnings
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import ZONES

from followup import HolidayCalendar, Recurrence, SendWindow, ValidationError
from followup import _holidays as hol
from followup.timing import (
    NO_HOLIDAYS,
    AppliedHolidays,
    BusinessDays,
    HolidaySource,
    apply_offset,
    candidate_holidays,
    country_of_zone,
    fit_window,
    holiday_calendar,
    recipient_holidays,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
BERLIN = ZoneInfo("Europe/Berlin")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
FAST = settings(max_examples=60, deadline=None)


class TestCodes:
    @pytest.mark.parametrize(
        ("code", "day", "name"),
        [
            ("GB-SCT", date(2026, 11, 30), "Saint Andrew's Day"),
            ("US-CA", date(2026, 3, 31), "Cesar Chavez Day"),
            ("CA-QC", date(2026, 6, 24), "Saint John the Baptist Day"),
            ("AU-NSW", date(2026, 10, 5), "Labor Day"),
            ("DE-BY", date(2026, 6, 4), "Corpus Christi"),
        ],
    )
    def test_subdivisions_keep_their_own_days(self, code: str, day: date, name: str) -> None:
        sub = HolidayCalendar(country=code)
        country = HolidayCalendar(country=code.split("-", maxsplit=1)[0])
        assert day in sub
        assert sub.name_of(day) == name
        assert day not in country

    def test_codes_are_kept_as_python_holidays_spells_them(self) -> None:
        cal = HolidayCalendar(country="de-by")
        assert cal.country == "DE-BY"
        assert (cal.country_code, cal.subdivision) == ("DE", "BY")
        assert HolidayCalendar(country=" gb ").country == "GB"
        assert HolidayCalendar(country="GB").subdivision is None

    def test_names_are_english(self) -> None:
        de = HolidayCalendar(country="DE")
        assert de.name_of(date(2026, 10, 3)) == "German Unity Day"
        assert de.name_of(date(2026, 10, 5)) is None

    @pytest.mark.parametrize(
        ("code", "place"),
        [
            ("GB", "the United Kingdom"),
            ("US", "the United States"),
            ("DE", "Germany"),
            ("DE-BY", "Bayern, Germany"),
            ("GB-SCT", "Scotland, United Kingdom"),
            ("NL", "the Netherlands"),
        ],
    )
    def test_place(self, code: str, place: str) -> None:
        assert HolidayCalendar(country=code).place == place

    @pytest.mark.parametrize(
        ("typo", "first"),
        [
            ("DE-BX", '"DE-BB"'),  # ties with DE-BE, DE-BW, DE-BY: all are shown
            ("GB-SCO", '"GB-SCT"'),
            ("US-CAL", '"US-CA"'),
            ("UK", '"GB"'),
            ("Germany", '"DE"'),
            ("Bayern", '"DE-BY"'),
        ],
    )
    def test_typos_name_the_nearest_valid_codes(self, typo: str, first: str) -> None:
        with pytest.raises(ValidationError) as exc:
            HolidayCalendar(country=typo)
        assert exc.value.field == "holidays"
        assert exc.value.value == typo
        assert f"(did you mean {first}" in exc.value.expected
        assert 'such as "GB", "US-CA" or "DE-BY"' in exc.value.expected

    def test_an_unknown_subdivision_lists_that_countrys_nearest(self) -> None:
        with pytest.raises(ValidationError) as exc:
            HolidayCalendar(country="DE-BX")
        assert '"DE-BY"' in exc.value.expected
        assert '"DE-BB"' in exc.value.expected

    @pytest.mark.parametrize("bad", ["", "  ", 42])
    def test_not_a_code(self, bad: object) -> None:
        with pytest.raises(ValidationError):
            HolidayCalendar(country=bad)  # type: ignore[arg-type]

    def test_calendars_are_built_once_per_code_and_year(self) -> None:
        hol.holidays_in.cache_clear()
        cal = HolidayCalendar(country="FR")
        for _ in range(3):
            for day in (date(2026, 7, 14), date(2026, 7, 15), date(2027, 7, 14)):
                _ = day in cal
        info = hol.holidays_in.cache_info()
        assert info.misses == 2  # 2026 and 2027
        assert info.hits == 7

    def test_import_followup_does_not_load_holidays(self) -> None:
        code = "import sys, followup; print('holidays' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        assert out.stdout.strip() == "False"


@functools.cache
def _alone(code: str) -> Any:
    """A country's class from its own module alone (followup's fast path), once per code."""
    cls = hol._load_country_module(code)
    assert cls is not None, code
    return cls


def _public(code: str) -> Any:
    import holidays

    return getattr(holidays, code).get_entity()


def _country_codes() -> list[str]:
    from holidays import registry

    return sorted(entry[1] for entry in registry.COUNTRIES.values())


Table = tuple[list[tuple[date, str]], list[str]]


def _table(cls: Any, **arguments: Any) -> Table:
    """Every (day, name) in python-holidays' order, built as followup builds a table; warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(cls(**{**hol._table_arguments(), **arguments}).items())
    return items, [f"{w.category.__name__}: {w.message}" for w in caught]


def _public_table(code: str, **arguments: Any) -> Table:
    import holidays

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(holidays.country_holidays(code, **arguments).items())
    return items, [f"{w.category.__name__}: {w.message}" for w in caught]


class TestEachCountryFromItsOwnModule:
    """followup loads one country's module, not python-holidays' 250: the same tables, always."""

    @pytest.mark.parametrize("code", _country_codes())
    def test_every_country_every_year_as_the_public_path(self, code: str) -> None:
        alone, public = _alone(code), _public(code)
        assert alone is not public  # really the module loaded alone
        assert alone.__name__ == public.__name__
        assert alone.__module__ == public.__module__
        for attribute in ("country", "default_language", "supported_languages", "subdivisions"):
            assert getattr(alone, attribute) == getattr(public, attribute), attribute
        assert getattr(alone, "subdivisions_aliases", None) == getattr(public, "subdivisions_aliases", None)
        language = hol._language(public)
        for year in (1995, 2024, 2025, 2026, 2027, 2028, 2031, 2040):
            public_table = _public_table(code, years=year, language=language)
            assert _table(alone, years=year, language=language) == public_table, year

    @pytest.mark.parametrize("code", _country_codes())
    def test_every_subdivision_and_language(self, code: str) -> None:
        alone = _alone(code)
        for sub in alone.subdivisions:
            for year in (2026, 2027):
                assert _table(alone, subdiv=sub, years=year) == _public_table(code, subdiv=sub, years=year)
        for language in alone.supported_languages:
            assert _table(alone, years=2026, language=language) == _public_table(
                code, years=2026, language=language
            )

    @FAST
    @given(data=st.data(), year=st.integers(1950, 2080))
    def test_any_code_subdivision_year_and_language(self, data: st.DataObject, year: int) -> None:
        code = data.draw(st.sampled_from(_country_codes()), label="code")
        alone = _alone(code)
        sub = data.draw(st.sampled_from([None, *alone.subdivisions]), label="subdiv")
        language = data.draw(st.sampled_from([None, "en_US", *alone.supported_languages]), label="lang")
        arguments = {"subdiv": sub, "years": year, "language": language}
        assert _table(alone, **arguments) == _public_table(code, **arguments)

    def test_holidays_in_is_the_public_table(self) -> None:
        # The table followup keeps: python-holidays' own, in date order, "; " read as "and".
        for code, year in (("US", 2026), ("DE-BY", 2026), ("GB-SCT", 2027), ("JP", 2026), ("IL", 2028)):
            country, _, sub = code.partition("-")
            public = _public_table(
                country, subdiv=sub or None, years=year, language=hol._language(_public(country))
            )
            expected = {day: name.replace("; ", " and ") for day, name in sorted(public[0])}
            assert hol.holidays_in(code, year) == expected

    def test_anything_unexpected_falls_back_to_python_holidays_loader(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(code: str) -> Any:
            raise ImportError(code)

        monkeypatch.delitem(sys.modules, "holidays.countries", raising=False)  # as if fresh
        monkeypatch.setattr(hol, "_load_country_module", broken)
        assert hol._own_module_entity("NZ") is None
        monkeypatch.setattr(hol, "_load_country_module", lambda code: None)
        assert hol._own_module_entity("NZ") is None

    def test_a_fresh_process_loads_one_country_and_an_app_imports_holidays_after(self) -> None:
        code = textwrap.dedent(
            """
            import pickle, sys
            from datetime import date
            from followup import _holidays as hol

            us = hol.holidays_in("US", 2026)
            by = hol.holidays_in("DE-BY", 2026)
            assert hol.canonical_code("us-ca") == "US-CA"
            print(sorted(m for m in sys.modules if m.startswith("holidays.countries")))
            assert date(2026, 7, 3) in us and date(2026, 6, 4) in by

            # An application that uses python-holidays itself, after followup: all of it works.
            import holidays
            import holidays.countries.germany
            from holidays.countries.united_states import US, UnitedStates

            assert holidays.countries.united_states.UnitedStates is UnitedStates
            assert holidays.US.get_entity() is US and issubclass(US, UnitedStates)
            app = holidays.country_holidays("US", years=2026)
            assert isinstance(app, UnitedStates) and isinstance(app, holidays.HolidayBase)
            assert pickle.loads(pickle.dumps(app)) == app
            assert {d: n for d, n in sorted(app.items())} == us
            assert holidays.DE(subdiv="BY", years=2026)[date(2026, 6, 4)] == "Corpus Christi"
            assert len(holidays.list_supported_countries()) > 200
            print("ok")
            """
        )
        out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == ["[]", "ok"]

    def test_an_app_that_imported_holidays_first_shares_its_classes(self) -> None:
        code = textwrap.dedent(
            """
            import holidays
            app = holidays.country_holidays("FR", years=2026)
            from holidays.countries.france import FR
            from followup import _holidays as hol

            assert hol._entity("FR") is FR
            assert hol.holidays_in("FR", 2026) == dict(sorted(app.items()))
            print("ok")
            """
        )
        out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "ok"

    def test_a_country_built_on_another_uses_python_holidays_loader(self) -> None:
        # American Samoa's module imports the United States' module, which loads every country:
        # then followup takes the classes python-holidays loaded, one copy of each.
        code = textwrap.dedent(
            """
            import holidays
            from followup import _holidays as hol

            table = hol.holidays_in("AS", 2026)
            from holidays.countries.american_samoa import AS
            assert hol._entity("AS") is AS
            assert table == dict(sorted(holidays.country_holidays("AS", years=2026).items()))
            print("ok")
            """
        )
        out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "ok"


class TestNamesDoNotDependOnTheLocale:
    def test_every_country_reads_the_same_whatever_the_environments_language(self) -> None:
        # python-holidays reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG when it is given no
        # language: LANGUAGE=th once made the United States' holidays Thai in every reason.
        code = textwrap.dedent(
            """
            from holidays import registry
            from followup import _holidays as hol

            for entry in sorted(registry.COUNTRIES.values(), key=lambda e: e[1]):
                print(entry[1], sorted(hol.holidays_in(entry[1], 2026).items()))
            """
        )
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
        outputs = []
        for env in (
            {**clean, "LANG": "C.UTF-8"},
            {**clean, "LANGUAGE": "th:uk:de:fr", "LC_ALL": "th_TH.UTF-8", "LANG": "th_TH.UTF-8"},
        ):
            out = subprocess.run(
                [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env
            )
            assert out.returncode == 0, out.stderr
            outputs.append(out.stdout)
        assert outputs[0] == outputs[1]
        assert "'Independence Day (observed)')" in outputs[0]

    def test_the_names_are_those_a_c_utf8_locale_gave(self) -> None:
        # Before the language was chosen here, a C.UTF-8 machine (CI, containers) got US
        # English where a country has it: gettext reads C.UTF-8 as en_US. Nothing changed there.
        code = textwrap.dedent(
            """
            import warnings
            warnings.simplefilter("ignore")
            import holidays, holidays.countries
            from holidays import registry
            from followup import _holidays as hol

            for entry in registry.COUNTRIES.values():
                cls = getattr(holidays, entry[1]).get_entity()
                for sub in (None, *cls.subdivisions):
                    def table(language):
                        return list(holidays.country_holidays(
                            entry[1], subdiv=sub, years=2026, language=language
                        ).items())
                    if table(None) != table(hol._language(cls)):
                        print(entry[1], sub)
            print("done")
            """
        )
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=False,
            capture_output=True,
            text=True,
            env={**clean, "LANG": "C.UTF-8"},
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == ["done"]

    def test_a_country_with_a_language_is_always_given_one(self) -> None:
        import holidays

        for code in _country_codes():
            cls = _public(code)
            language = hol._language(cls)
            if cls.default_language is not None:
                assert language in cls.supported_languages, code
        assert hol._language(holidays.US.get_entity()) == "en_US"


class TestValues:
    def test_a_code_and_extra_dates(self) -> None:
        cal = holiday_calendar(["GB", date(2026, 12, 24)])
        assert cal == HolidayCalendar(country="GB", dates=[date(2026, 12, 24)])
        assert date(2026, 12, 24) in cal
        assert date(2026, 12, 25) in cal
        assert cal.name_of(date(2026, 12, 24)) == "a listed holiday"

    @pytest.mark.parametrize(
        ("cal", "value"),
        [
            (HolidayCalendar(country="DE-BY"), "DE-BY"),
            (HolidayCalendar(country="DE-BY", dates=[date(2026, 12, 24)]), ["DE-BY", "2026-12-24"]),
            (HolidayCalendar(dates=[date(2026, 12, 31), date(2026, 12, 24)]), ["2026-12-24", "2026-12-31"]),
            (HolidayCalendar(), None),
        ],
    )
    def test_round_trip_through_json_values(self, cal: HolidayCalendar, value: object) -> None:
        assert cal.to_value() == value
        assert holiday_calendar(value) == cal  # type: ignore[arg-type]

    def test_two_codes_are_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            holiday_calendar(["GB", "US"])
        assert "one code per calendar" in exc.value.expected

    def test_a_datetime_is_not_a_date(self) -> None:
        with pytest.raises(ValidationError):
            holiday_calendar([datetime(2026, 12, 24, tzinfo=UTC)])


class TestZones:
    @pytest.mark.parametrize(
        ("zone", "code"),
        [
            ("Europe/London", "GB"),
            ("Asia/Kolkata", "IN"),
            ("Asia/Calcutta", "IN"),  # an old name, a link to Asia/Kolkata
            ("US/Eastern", "US"),
            ("Europe/Berlin", "DE"),
            ("Europe/Oslo", "NO"),
            ("America/New_York", "US"),
            ("Australia/Lord_Howe", "AU"),
            ("UTC", None),
            ("Etc/GMT+3", None),
            ("CET", None),  # a generic zone, not Belgium's although tzdata now links it there
            ("EST5EDT", None),
        ],
    )
    def test_country_of_zone(self, zone: str, code: str | None) -> None:
        assert country_of_zone(zone) == code


PLAN_US = HolidayCalendar(country="US")


class TestWhoseHolidays:
    def test_recipient_own_first(self) -> None:
        own = HolidayCalendar(country="DE-BY")
        applied = recipient_holidays(own, "Europe/London", PLAN_US, "Jane Doe")
        assert applied.calendar == own
        assert applied.source is HolidaySource.CONTACT
        assert applied.describe() == "holidays of Bayern, Germany (DE-BY, Jane Doe's own)"

    def test_recipient_zone_second(self) -> None:
        applied = recipient_holidays(None, "Europe/London", PLAN_US)
        assert applied.calendar == HolidayCalendar(country="GB")
        assert (applied.source, applied.zone) == (HolidaySource.ZONE, "Europe/London")
        assert applied.describe() == "holidays of the United Kingdom (GB, from Europe/London)"

    def test_recipient_plan_last(self) -> None:
        applied = recipient_holidays(None, "Etc/GMT+3", PLAN_US)
        assert applied.calendar == PLAN_US
        assert applied.source is HolidaySource.PLAN
        assert applied.describe() == "holidays of the United States (US, the plan's)"

    def test_listed_dates_are_added_to_the_country(self) -> None:
        plan = HolidayCalendar(country="US", dates=[date(2026, 12, 24)])
        own = HolidayCalendar(dates=[date(2026, 12, 31)])
        applied = recipient_holidays(own, "Europe/London", plan)
        assert applied.calendar == HolidayCalendar(
            country="GB", dates=[date(2026, 12, 24), date(2026, 12, 31)]
        )
        assert applied.describe() == "holidays of the United Kingdom (GB, from Europe/London, plus 2 listed dates)"

    def test_candidate_own_then_plan_then_zone(self) -> None:
        own = HolidayCalendar(country="DE-BE")
        assert candidate_holidays(own, "Europe/Berlin", PLAN_US).calendar == own
        assert candidate_holidays(None, "Europe/Berlin", PLAN_US).source is HolidaySource.PLAN
        from_zone = candidate_holidays(None, "Europe/Berlin", NO_HOLIDAYS)
        assert (from_zone.calendar.country, from_zone.source) == ("DE", HolidaySource.ZONE)
        nothing = candidate_holidays(None, "UTC", NO_HOLIDAYS)
        assert not nothing.calendar
        assert nothing.describe() == "no holidays"

    def test_to_dict(self) -> None:
        applied = recipient_holidays(None, "Europe/London", PLAN_US)
        data = applied.to_dict()
        assert data == {
            "code": "GB",
            "place": "the United Kingdom",
            "dates": [],
            "from": "zone",
            "zone": "Europe/London",
            "person": None,
        }
        assert AppliedHolidays.from_dict(data) == applied


GB = HolidayCalendar(country="GB")
WINDOW = SendWindow()


class TestSkippedHolidaysAreNamed:
    def test_business_days_name_what_they_skipped(self) -> None:
        moment, notes = apply_offset(date(2026, 12, 24), BusinessDays(1), LONDON, WINDOW, GB, time(10))
        assert moment == datetime(2026, 12, 29, 10, tzinfo=LONDON)
        assert notes == [
            ("Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (observed) in the United Kingdom, "
            "so Tue 29 Dec")
        ]

    def test_nothing_to_name(self) -> None:
        moment, notes = apply_offset(date(2026, 12, 24), BusinessDays(1), NEW_YORK, WINDOW, NO_HOLIDAYS, time(10))
        assert moment == datetime(2026, 12, 25, 10, tzinfo=NEW_YORK)
        assert notes == []

    def test_zero_business_days_on_a_holiday(self) -> None:
        moment, notes = apply_offset(date(2026, 12, 25), BusinessDays(0), LONDON, WINDOW, GB, time(10))
        assert moment.date() == date(2026, 12, 29)
        assert notes[0].startswith("Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (observed)")

    def test_window_moves_name_the_holidays(self) -> None:
        fitted, note = fit_window(datetime(2026, 12, 24, 18, tzinfo=LONDON), LONDON, WINDOW, GB)
        assert fitted == datetime(2026, 12, 29, 9, tzinfo=LONDON)
        assert note == (
            "Thu 24 Dec 18:00 is after the window closes; Fri 25 Dec is Christmas Day and Mon 28 Dec "
            "is Boxing Day (observed) in the United Kingdom, so it moves to Tue 29 Dec 09:00, the next "
            "opening of the 09:00–17:00 weekday window in Europe/London"
        )

    def test_listed_dates_and_country_days_together(self) -> None:
        cal = HolidayCalendar(country="GB", dates=[date(2026, 12, 24)])
        assert cal.explain([date(2026, 12, 24), date(2026, 12, 25)]) == (
            "Fri 25 Dec is Christmas Day in the United Kingdom and Thu 24 Dec is a listed holiday"
        )
        assert cal.explain([date(2026, 12, 23)]) is None

    def test_recurrence_moves_name_the_holiday(self) -> None:
        rec = Recurrence(every=relativedelta(months=12), count=2)
        exp = rec.expand(datetime(2025, 12, 25, 10, tzinfo=LONDON), WINDOW, GB)
        assert exp.moves == (
            ("Thu 25 Dec is Christmas Day and Fri 26 Dec is Boxing Day in the United Kingdom, "
            "so that one moves to Mon 29 Dec"),
        )


class TestSeriesAcrossDST:
    """A series keeps one local time of day that happens exactly once on every date."""

    def _weekly(self, start: datetime, count: int = 4) -> tuple[list[datetime], str | None]:
        rec = Recurrence(every=relativedelta(weeks=1), count=count)
        window = SendWindow(days=range(7), start=time(0, 0), end=time(23, 59))
        exp = rec.expand(start, window)
        assert exp.planned == exp.occurrences
        return list(exp.occurrences), exp.dst

    def test_sydney_autumn(self) -> None:
        occ, note = self._weekly(datetime(2027, 3, 21, 2, 45, tzinfo=SYDNEY))
        assert [o.astimezone(UTC) for o in occ] == [
            datetime(2027, 3, 20, 16, 0, tzinfo=UTC),  # 03:00 AEDT
            datetime(2027, 3, 27, 16, 0, tzinfo=UTC),
            datetime(2027, 4, 3, 17, 0, tzinfo=UTC),  # 03:00 AEST: 02:45 happens twice that night
            datetime(2027, 4, 10, 17, 0, tzinfo=UTC),
        ]
        assert note == (
            "02:45 happens twice in Australia/Sydney on Sun 4 Apr 2027 (clocks go back), so the series "
            "runs at 03:00, the first minute after it that happens exactly once on every date of the series"
        )

    def test_new_york_spring_gap(self) -> None:
        occ, note = self._weekly(datetime(2027, 3, 7, 2, 30, tzinfo=NEW_YORK))
        assert {(o.hour, o.minute) for o in occ} == {(3, 0)}
        assert note is not None
        assert "02:30 does not exist in America/New_York on Sun 14 Mar 2027 (clocks go forward)" in note

    def test_berlin_autumn(self) -> None:
        occ, note = self._weekly(datetime(2027, 10, 24, 2, 15, tzinfo=BERLIN))
        assert {(o.hour, o.minute) for o in occ} == {(3, 0)}
        assert note is not None
        assert "Sun 31 Oct 2027" in note

    def test_lord_howe_half_hour(self) -> None:
        back, note = self._weekly(datetime(2027, 3, 28, 1, 40, tzinfo=LORD_HOWE))
        assert {(o.hour, o.minute) for o in back} == {(2, 0)}
        assert note is not None
        forward, note = self._weekly(datetime(2027, 9, 26, 2, 10, tzinfo=LORD_HOWE))
        assert {(o.hour, o.minute) for o in forward} == {(2, 30)}

    def test_a_series_clear_of_dst_keeps_its_time(self) -> None:
        occ, note = self._weekly(datetime(2027, 3, 21, 10, 0, tzinfo=SYDNEY))
        assert {(o.hour, o.minute) for o in occ} == {(10, 0)}
        assert note is None

    @FAST
    @given(
        zone=st.sampled_from(ZONES).map(ZoneInfo),
        day=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
        at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
        weeks=st.sampled_from([1, 2]),
    )
    @example(zone=ZoneInfo("America/Santiago"), day=date(2026, 2, 7), at=time(23, 0), weeks=1)
    @example(zone=ZoneInfo("America/New_York"), day=date(2026, 10, 25), at=time(1, 0), weeks=1)
    def test_every_occurrence_is_clear_and_shares_one_time(
        self, zone: ZoneInfo, day: date, at: time, weeks: int
    ) -> None:
        rec = Recurrence(every=relativedelta(weeks=weeks), count=30)
        window = SendWindow(days=range(7), start=time(0, 0), end=time(23, 59))
        exp = rec.expand(datetime.combine(day, at, tzinfo=zone), window)
        times = {o.replace(tzinfo=None).time() for o in exp.planned}
        assert len(times) == 1
        for o in exp.planned:
            wall = o.replace(tzinfo=None)
            assert wall.replace(tzinfo=zone, fold=0).utcoffset() == wall.replace(tzinfo=zone, fold=1).utcoffset()
            assert wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall
        chosen = next(iter(times))
        if exp.dst is None:
            assert chosen == at
            return

        def clear(t: time) -> bool:
            for o in exp.planned:
                wall = datetime.combine(o.date(), t)
                if wall.replace(tzinfo=zone, fold=0).utcoffset() != wall.replace(tzinfo=zone, fold=1).utcoffset():
                    return False
                if wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
                    return False
            return True

        # The nearest clear minute: no minute between the wanted time and the chosen one is clear.
        lo, hi = sorted([datetime.combine(day, at), datetime.combine(day, chosen)])
        minute = lo + timedelta(minutes=1)
        while minute < hi:
            assert not clear(minute.time()), minute
            minute += timedelta(minutes=1)
        if chosen < at:
            assert "the last minute before it" in exp.dst

    def test_chile_autumn_midnight(self) -> None:
        # Santiago's clocks go back from 24:00 to 23:00 on Sat 4 Apr 2026: 23:00-23:59 happens
        # twice and nothing after it is left that day, so the series takes the minute before.
        santiago = ZoneInfo("America/Santiago")
        occ, note = self._weekly(datetime(2026, 3, 28, 23, 30, tzinfo=santiago))
        assert {(o.hour, o.minute) for o in occ} == {(22, 59)}
        assert note == (
            "23:30 happens twice in America/Santiago on Sat 4 Apr 2026 (clocks go back), and no later "
            "minute that day happens exactly once on every date of the series, so it runs at 22:59, "
            "the last minute before it that does"
        )


FILE = """\
[candidate]
name = "Sam Rivera"
timezone = "Europe/Berlin"
holidays = ["DE-BE", 2026-12-31]

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"

[[interview.interviewers]]
name = "Jane Doe"
email = "jane@acme.example"
holidays = "us-ca"

[[interview.interviewers]]
name = "Fiona Reid"
email = "fiona@acme.example"
timezone = "Europe/London"
holidays = "GB-SCT"

[plan]
holidays = ["US", 2026-12-24]
"""


class TestInterviewFile:
    def test_subdivision_codes_are_read(self) -> None:
        from followup.interview_file import loads

        f = loads(FILE)
        assert f.interview.candidate.holidays == HolidayCalendar(country="DE-BE", dates=[date(2026, 12, 31)])
        jane, fiona = f.interview.interviewers
        assert jane.holidays == HolidayCalendar(country="US-CA")
        assert fiona.holidays == HolidayCalendar(country="GB-SCT")
        assert f.holidays == HolidayCalendar(country="US", dates=[date(2026, 12, 24)])

    def test_codes_round_trip_through_the_timeline_json(self) -> None:
        from followup import Timeline
        from followup.interview_file import loads

        tl = loads(FILE).schedule(now=datetime(2026, 11, 20, 20, tzinfo=UTC))
        data = tl.to_dict()
        fiona = next(a for a in data["actions"] if a["id"] == "thank-you.fiona-reid")
        assert fiona["recipient"]["holidays"] == "GB-SCT"
        assert fiona["message"]["sender"]["holidays"] == ["DE-BE", "2026-12-31"]
        back = Timeline.from_dict(data)
        assert back["thank-you.fiona-reid"].recipient == tl["thank-you.fiona-reid"].recipient
        assert back == tl

    @pytest.mark.parametrize(
        ("old", "new", "field", "near"),
        [
            ('holidays = "us-ca"', 'holidays = "US-CAL"', "interview.interviewers[1].holidays", '"US-CA"'),
            ('holidays = "GB-SCT"', 'holidays = "GB-SCO"', "interview.interviewers[2].holidays", '"GB-SCT"'),
            ('holidays = ["DE-BE", 2026-12-31]', 'holidays = ["DE-BX", 2026-12-31]', "candidate.holidays[1]", '"DE-BY"'),
            ('holidays = ["US", 2026-12-24]', 'holidays = "UK"', "plan.holidays", '"GB"'),
        ],
    )
    def test_an_unknown_code_names_file_line_value_and_nearest(
        self, old: str, new: str, field: str, near: str
    ) -> None:
        from followup import InputFileError
        from followup.interview_file import loads

        text = FILE.replace(old, new)
        assert text != FILE
        with pytest.raises(InputFileError) as exc:
            loads(text, path="acme.toml")
        line = text.splitlines().index(new) + 1
        message = str(exc.value)
        assert message.startswith(f'acme.toml:{line}: {field}: "{new.split(chr(34))[1]}" is not valid: ')
        assert "did you mean" in message
        assert near in message
        assert exc.value.field == field


def _interview(*people: object, start: datetime, candidate: object = None, **kw: object) -> object:
    from followup import Candidate, Interview

    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=start,
        candidate=candidate or Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=people,
        careers_url="https://acme.example/careers",
        **kw,
    )


class TestWhoseHolidaysInAPlan:
    """A message skips its recipient's holidays; the candidate's tasks skip the candidate's."""

    def test_london_skips_uk_bank_holidays_new_york_does_not(self) -> None:
        # The case: a US candidate, a "no" from London on Thu 24 Dec 2026, holidays = "US".
        from followup import Contact, Outcome, presets

        oliver = Contact(name="Oliver Bennett", email="oliver@acme.example", timezone="Europe/London")
        jane = Contact(name="Jane Doe", email="jane@acme.example")
        iv = _interview(oliver, jane, start=datetime(2026, 12, 14, 10, tzinfo=NEW_YORK))
        plan = presets.after_rejection()
        now = datetime(2026, 12, 24, 12, tzinfo=NEW_YORK)

        london = plan.schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 12, 24), contact=oliver), now=now, holidays="US"
        )["rejection-reply"]
        assert london.due == datetime(2026, 12, 29, 10, tzinfo=LONDON)
        assert london.reason == (
            "1 business day after the rejection on Thu 24 Dec; Fri 25 Dec is Christmas Day and Mon 28 Dec "
            "is Boxing Day (observed) in the United Kingdom, so Tue 29 Dec, at 10:00 in Europe/London; "
            "holidays of the United Kingdom (GB, from Europe/London); "
            # 10:00 in London is 05:00 for the candidate in New York: reminded the evening before.
            "the reminder is at Mon 28 Dec 21:00 in America/New_York, within your hours "
            "(08:00–21:00 daily): schedule it to send at Tue 29 Dec 10:00 London time"
        )
        assert london.holidays is not None
        assert london.holidays.to_dict()["code"] == "GB"

        new_york = plan.schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 12, 24), contact=jane), now=now, holidays="US"
        )["rejection-reply"]
        assert new_york.due == datetime(2026, 12, 28, 10, tzinfo=NEW_YORK)  # Boxing Day is not a US holiday
        assert new_york.reason == (
            "1 business day after the rejection on Thu 24 Dec; Fri 25 Dec is Christmas Day in the "
            "United States, so Mon 28 Dec, at 10:00 in America/New_York; holidays of the United States "
            "(US, from America/New_York)"
        )

    def test_bavaria_skips_corpus_christi_berlin_does_not(self) -> None:
        from followup import Contact, Outcome, presets

        bavarian = Contact(name="Anna Huber", email="anna@acme.example", timezone="Europe/Berlin", holidays="DE-BY")
        berliner = Contact(name="Jonas Weber", email="jonas@acme.example", timezone="Europe/Berlin")
        iv = _interview(bavarian, berliner, start=datetime(2026, 5, 26, 10, tzinfo=BERLIN))
        now = datetime(2026, 6, 3, 12, tzinfo=BERLIN)
        # The "no" arrives on Wed 3 Jun 2026; Thu 4 Jun is Corpus Christi, kept in Bavaria only.
        by_bavarian = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 6, 3), contact=bavarian), now=now
        )["rejection-reply"]
        assert by_bavarian.due == datetime(2026, 6, 5, 10, tzinfo=BERLIN)
        assert by_bavarian.reason == (
            "1 business day after the rejection on Wed 3 Jun; Thu 4 Jun is Corpus Christi in Bayern, Germany, "
            "so Fri 5 Jun, at 10:00 in Europe/Berlin; holidays of Bayern, Germany (DE-BY, Anna Huber's own)"
        )
        by_berliner = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 6, 3), contact=berliner), now=now
        )["rejection-reply"]
        assert by_berliner.due == datetime(2026, 6, 4, 10, tzinfo=BERLIN)
        assert by_berliner.reason.endswith("; holidays of Germany (DE, from Europe/Berlin)")

    def test_a_plan_naming_part_of_the_recipients_country_refines_it(self) -> None:
        # Found by a writer of new interview files: a Glasgow plan said "GB-SCT", yet a
        # message to someone in Europe/London counted St Andrew's Day (Mon 30 Nov 2026)
        # as a working day, because the zone's country (GB) came first.
        from followup import Contact, Outcome, presets

        glaswegian = Contact(name="Morag Sinclair", email="morag@college.example")
        iv = _interview(glaswegian, start=datetime(2026, 11, 27, 10, tzinfo=LONDON))
        now = datetime(2026, 11, 27, 18, tzinfo=LONDON)
        # The "no" arrives on Fri 27 Nov; the reply waits 1 business day: not Mon 30 Nov.
        reply = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 27), contact=glaswegian), now=now, holidays="GB-SCT"
        )["rejection-reply"]
        assert reply.due == datetime(2026, 12, 1, 10, tzinfo=LONDON)
        assert reply.reason.endswith("; holidays of Scotland, United Kingdom (GB-SCT, the plan's)")
        assert "Mon 30 Nov is Saint Andrew's Day in Scotland, United Kingdom, so Tue 1 Dec" in reply.reason
        # A plan naming another country does not override the zone's.
        other = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 27), contact=glaswegian), now=now, holidays="DE-BY"
        )["rejection-reply"]
        assert other.due == datetime(2026, 11, 30, 10, tzinfo=LONDON)
        assert other.reason.endswith("; holidays of the United Kingdom (GB, from Europe/London)")
        # A country with several zones: a Californian candidate's plan ("US-CA") does not
        # move a New Yorker's dates (another zone may lie outside the plan's region).
        from followup import Candidate

        yorker = Contact(name="Ana Ruiz", email="ana@acme.example", timezone="America/New_York")
        californian = Candidate(name="Sam Rivera", email="sam@example.com", timezone="America/Los_Angeles")
        iv2 = _interview(yorker, start=datetime(2026, 3, 27, 10, tzinfo=NEW_YORK), candidate=californian)
        ny_reply = presets.after_rejection().schedule(
            iv2, outcome=Outcome.rejected(at=date(2026, 3, 30), contact=yorker),
            now=datetime(2026, 3, 30, 18, tzinfo=NEW_YORK), holidays="US-CA",
        )["rejection-reply"]
        assert ny_reply.due == datetime(2026, 3, 31, 10, tzinfo=NEW_YORK)  # not Cesar Chavez Day
        assert "; holidays of the United States (US, from America/New_York); the reminder" in ny_reply.reason

    def test_a_plan_region_reaches_people_in_the_candidates_own_zone(self, tmp_path: Path) -> None:
        # Found by a writer of new interview files: a Toronto plan said "CA-ON", yet a message
        # to someone in Toronto was due on Family Day (Mon 15 Feb 2027), an Ontario holiday
        # that Canada as a whole does not keep. A recipient in the candidate's zone (here the
        # interview's, as the candidate gives none) shares the plan's region; one in another
        # zone of Canada keeps the zone's country.
        text = (
            '[candidate]\nname = "Sam Rivera"\nemail = "sam@example.com"\n\n'
            '[interview]\ncompany = "Acme Corp"\nrole = "Data Engineer"\n'
            'start = 2027-02-08T10:00:00\ntimezone = "America/Toronto"\n\n'
            '[[interview.interviewers]]\nname = "Jane Doe"\nemail = "jane@acme.example"\n\n'
            '[[interview.interviewers]]\nname = "Lee Wong"\nemail = "lee@acme.example"\n'
            'timezone = "America/Vancouver"\n\n'
            '[outcome]\nstatus = "rejected"\nat = 2027-02-12\ncontact = "Jane Doe"\n\n'
            '[plan]\nholidays = "CA-ON"\n'
        )
        from followup.interview_file import loads

        f = loads(text)
        reply = f.schedule(now=datetime(2027, 2, 12, 18, tzinfo=ZoneInfo("America/Toronto")))["rejection-reply"]
        assert reply.due == datetime(2027, 2, 16, 10, tzinfo=ZoneInfo("America/Toronto"))
        assert "Mon 15 Feb is Family Day in Ontario, Canada, so Tue 16 Feb" in reply.reason
        assert reply.reason.endswith("; holidays of Ontario, Canada (CA-ON, the plan's)")
        moved = loads(text.replace('contact = "Jane Doe"', 'contact = "Lee Wong"')).schedule(
            now=datetime(2027, 2, 12, 18, tzinfo=ZoneInfo("America/Toronto"))
        )["rejection-reply"]
        # Someone whose zone is written America/Montreal (a link to Toronto) says Quebec:
        # Quebec does not keep Family Day, so the plan's Ontario is not theirs.
        montreal = loads(
            text.replace('contact = "Jane Doe"', 'contact = "Lee Wong"').replace("America/Vancouver", "America/Montreal")
        ).schedule(now=datetime(2027, 2, 12, 18, tzinfo=ZoneInfo("America/Toronto")))["rejection-reply"]
        assert montreal.due == datetime(2027, 2, 15, 10, tzinfo=ZoneInfo("America/Montreal"))
        assert montreal.reason.endswith("; holidays of Canada (CA, from America/Montreal)")
        # British Columbia keeps Family Day on the same Monday, but the plan's Ontario is not
        # applied to Vancouver: its dates are Canada's.
        assert moved.due == datetime(2027, 2, 15, 10, tzinfo=ZoneInfo("America/Vancouver"))
        assert moved.reason.endswith("; holidays of Canada (CA, from America/Vancouver)")

    @pytest.mark.parametrize("year", [2028, 2029, 2030, 2031])
    @pytest.mark.parametrize("own", [None, "DE-BE"])
    def test_a_candidate_in_berlin_never_networks_on_german_unity_day(self, year: int, own: str | None) -> None:
        from followup import Candidate, Contact, Outcome, presets

        sam = Candidate(name="Sam Rivera", timezone="Europe/Berlin", holidays=own)
        iv = _interview(
            Contact(name="Jane Doe", email="jane@acme.example"),
            candidate=sam,
            start=datetime(year, 9, 1, 10, tzinfo=NEW_YORK),
        )
        unity = date(year, 10, 3)
        assert unity.weekday() < 5
        rejected = unity - timedelta(days=7)  # the networking task is due 1 week later, on 3 Oct
        # With the plan's "US" too: the candidate's own calendar comes first.
        holidays = "US" if own else None
        tl = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=rejected), now=datetime(year, 9, 20, tzinfo=UTC), holidays=holidays
        )
        network = tl["network"]
        assert network.timezone == "Europe/Berlin"
        assert network.due == datetime.combine(
            unity + timedelta(days=1 if unity.weekday() < 4 else 3), time(9), tzinfo=BERLIN
        )
        assert "Sat 3 Oct" not in network.reason
        assert f"{unity:%a} 3 Oct 09:00 is a holiday" in network.reason
        assert network.holidays is not None
        assert network.holidays.calendar.country_code == "DE"
        for a in tl:
            if a.recipient is None:
                assert all(o.astimezone(BERLIN).date() != unity for o in a.occurrences)

    def test_a_zone_without_one_country_falls_back_to_the_plan(self) -> None:
        from followup import Contact, Outcome, presets

        nomad = Contact(name="Kim Lee", email="kim@acme.example", timezone="Etc/GMT+3")
        iv = _interview(nomad, start=datetime(2026, 11, 18, 10, tzinfo=NEW_YORK))
        reply = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 25)), now=datetime(2026, 11, 25, tzinfo=UTC),
            holidays="US",
        )["rejection-reply"]
        assert reply.due.date() == date(2026, 11, 27)  # Thanksgiving skipped: the plan's US calendar
        assert reply.reason.endswith("; holidays of the United States (US, the plan's)")

    def test_plan_dates_are_added_to_every_calendar(self) -> None:
        from followup import Contact, Outcome, presets

        oliver = Contact(name="Oliver Bennett", email="oliver@acme.example", timezone="Europe/London")
        iv = _interview(oliver, start=datetime(2026, 11, 18, 10, tzinfo=NEW_YORK))
        reply = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 12, 22)), now=datetime(2026, 12, 1, tzinfo=UTC),
            holidays=[date(2026, 12, 23), date(2026, 12, 24)],
        )["rejection-reply"]
        assert reply.due == datetime(2026, 12, 29, 10, tzinfo=LONDON)
        assert reply.reason == (
            "1 business day after the rejection on Tue 22 Dec; Fri 25 Dec is Christmas Day and Mon 28 Dec is "
            "Boxing Day (observed) in the United Kingdom and Wed 23 Dec and Thu 24 Dec are listed holidays, "
            "so Tue 29 Dec, at 10:00 in Europe/London; holidays of the United Kingdom (GB, from "
            "Europe/London, plus 2 listed dates); the reminder is at Mon 28 Dec 21:00 in "
            "America/New_York, within your hours (08:00–21:00 daily): schedule it to send at "
            "Tue 29 Dec 10:00 London time"
        )

    def test_json_names_the_calendar(self) -> None:
        from followup import Contact, Outcome, presets

        oliver = Contact(name="Oliver Bennett", email="oliver@acme.example", timezone="Europe/London", holidays="GB-SCT")
        iv = _interview(oliver, start=datetime(2026, 11, 18, 10, tzinfo=NEW_YORK))
        tl = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 27)), now=datetime(2026, 11, 27, tzinfo=UTC)
        )
        data = tl["rejection-reply"].to_dict()
        assert data["due"] == "2026-12-01T10:00:00+00:00"  # Mon 30 Nov is Saint Andrew's Day
        assert data["holidays"] == {
            "code": "GB-SCT",
            "place": "Scotland, United Kingdom",
            "dates": [],
            "from": "contact",
            "person": "Oliver Bennett",
        }
        network = tl["network"].to_dict()
        assert network["holidays"]["code"] == "US"
        assert network["holidays"]["from"] == "zone"


class TestCalendarTimesAreClear:
    """What the calendar writes (DTSTART, RECURRENCE-ID with a TZID) never names a time twice or not at all."""

    @staticmethod
    def _night_series(zone: ZoneInfo, start: datetime, at: time, history: tuple[object, ...] = ()) -> object:
        import attrs

        from followup import Candidate, Interview, Plan
        from followup.model import OutcomeStatus
        from followup.timing import Anchor, When

        @attrs.frozen(kw_only=True)
        class NightSeries:
            id: str = "night-series"
            outcomes: frozenset[OutcomeStatus] = frozenset({OutcomeStatus.PENDING})

            def actions(self, ctx: object) -> object:
                return [
                    ctx.action(  # type: ignore[attr-defined]
                        self,
                        when=When(anchor=Anchor.INTERVIEW_START, offset=relativedelta(days=3), at=at),
                        title="Night series",
                        channel="task",
                        window=SendWindow(days=range(7), start=time(0, 0), end=time(23, 59)),
                        recurrence=Recurrence(every=relativedelta(weeks=1), count=6),
                    )
                ]

        iv = Interview(company="Acme", role="Eng", start=start, candidate=Candidate(name="Sam Rivera"))
        return Plan.of(NightSeries()).schedule(iv, now=start - timedelta(days=30), history=history)

    @staticmethod
    def _local_times(ics: bytes) -> list[tuple[str, datetime]]:
        out = []
        for line in ics.decode().replace("\r\n ", "").split("\r\n"):
            name, _, rest = line.partition(";TZID=")
            if name in ("DTSTART", "RECURRENCE-ID", "DTEND") and rest:
                zone, _, value = rest.partition(":")
                # The wall time as written, read without a zone on purpose: it is checked in its TZID.
                out.append((zone, datetime.strptime(value, "%Y%m%dT%H%M%S")))  # noqa: DTZ007
        return out

    @pytest.mark.parametrize(
        ("zone", "start", "at"),
        [
            ("Australia/Sydney", date(2027, 3, 18), time(2, 45)),  # autumn, southern
            ("Australia/Sydney", date(2027, 9, 16), time(2, 15)),  # spring gap, southern
            ("America/New_York", date(2027, 2, 25), time(2, 30)),  # spring gap, northern
            ("Europe/Berlin", date(2027, 10, 14), time(2, 30)),  # autumn, northern
            ("Australia/Lord_Howe", date(2027, 3, 18), time(1, 45)),  # 30-minute fold
            ("Australia/Lord_Howe", date(2027, 9, 23), time(2, 10)),  # 30-minute gap
        ],
    )
    def test_series_across_dst(self, zone: str, start: date, at: time) -> None:
        from followup.ical import to_ical_bytes

        tz = ZoneInfo(zone)
        tl = self._night_series(tz, datetime.combine(start, time(10), tzinfo=tz), at)
        action = tl["night-series"]  # type: ignore[index]
        assert action.recurrence is not None
        assert "so the series runs at" in action.reason
        times = self._local_times(to_ical_bytes(tl, stamp=datetime(2027, 1, 1, tzinfo=UTC)))  # type: ignore[arg-type]
        assert len(times) >= 2
        for name, wall in times:
            z = ZoneInfo(name)
            assert wall.replace(tzinfo=z, fold=0).utcoffset() == wall.replace(tzinfo=z, fold=1).utcoffset(), wall
            assert wall.replace(tzinfo=z).astimezone(UTC).astimezone(z).replace(tzinfo=None) == wall, wall

    def test_a_snooze_into_the_repeated_hour_moves_on(self) -> None:
        from followup import Snoozed
        from followup.ical import to_ical_bytes

        tz = ZoneInfo("Australia/Sydney")
        history = (Snoozed(step="night-series", until=datetime(2027, 4, 4, 2, 30, fold=1, tzinfo=tz)),)
        tl = self._night_series(tz, datetime(2027, 3, 1, 10, tzinfo=tz), time(10, 0), history)
        action = tl["night-series"]  # type: ignore[index]
        assert datetime(2027, 4, 4, 3, 0, tzinfo=tz) in action.occurrences
        assert "02:30 happens twice in Australia/Sydney on Sun 4 Apr" in action.reason
        for name, wall in self._local_times(to_ical_bytes(tl, stamp=datetime(2027, 1, 1, tzinfo=UTC))):  # type: ignore[arg-type]
            z = ZoneInfo(name)
            assert wall.replace(tzinfo=z, fold=0).utcoffset() == wall.replace(tzinfo=z, fold=1).utcoffset(), wall


class TestCommandLine:
    def test_an_unknown_subdivision_exits_1_naming_file_line_value_and_nearest(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from followup.cli import main

        path = tmp_path / "acme.toml"
        path.write_text(FILE.replace('holidays = "GB-SCT"', 'holidays = "GB-SCO"'), encoding="utf-8")
        assert main(["plan", str(path), "--now", "2026-11-20T20:00:00Z"]) == 1
        err = capsys.readouterr().err
        line = FILE.splitlines().index('holidays = "GB-SCT"') + 1
        assert err.startswith(f'error: {path}:{line}: interview.interviewers[2].holidays: "GB-SCO" is not valid: ')
        assert 'did you mean "GB-SCT"' in err

    def test_plan_json_gives_each_actions_calendar(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import json

        from followup.cli import main

        path = tmp_path / "acme.toml"
        path.write_text(FILE, encoding="utf-8")
        assert main(["plan", str(path), "--now", "2026-11-20T20:00:00Z", "--format", "json"]) == 0
        actions = {a["id"]: a for a in json.loads(capsys.readouterr().out)["actions"]}
        fiona = actions["thank-you.fiona-reid"]
        assert fiona["holidays"]["code"] == "GB-SCT"
        assert fiona["holidays"]["from"] == "contact"
        assert fiona["holidays"]["dates"] == ["2026-12-24"]  # the plan's listed date, added
        assert fiona["reason"].endswith("; holidays of Scotland, United Kingdom (GB-SCT, Fiona Reid's own, plus 1 listed date)")


class TestConverter:
    """Subdivision codes round-trip through followup.to_dict/from_dict and the interview file's writer."""

    def test_people(self) -> None:
        from followup import Candidate, Contact, from_dict, to_dict

        anna = Contact(name="Anna Huber", email="anna@acme.example", timezone="Europe/Berlin", holidays="de-by")
        assert to_dict(anna)["holidays"] == "DE-BY"
        assert from_dict(to_dict(anna), Contact) == anna
        sam = Candidate(name="Sam Rivera", holidays=["DE-BE", date(2026, 12, 31)])
        assert to_dict(sam)["holidays"] == ["DE-BE", "2026-12-31"]
        assert from_dict(to_dict(sam), Candidate) == sam

    def test_a_mistyped_code_in_data_names_the_path(self) -> None:
        from followup import Contact, from_dict

        with pytest.raises(ValidationError) as exc:
            from_dict({"name": "Anna Huber", "holidays": "DE-BX"}, Contact)
        assert "holidays" in exc.value.field
        assert '"DE-BY"' in str(exc.value)

    def test_the_interview_file_and_the_case(self) -> None:
        from followup import Case, from_dict, to_dict
        from followup.interview_file import dumps, loads

        case = loads(FILE).case
        people = {c.name: c.holidays for c in case.interview.interviewers}
        assert people == {"Jane Doe": HolidayCalendar(country="US-CA"), "Fiona Reid": HolidayCalendar(country="GB-SCT")}
        text = dumps(case)
        assert 'holidays = "US-CA"' in text
        assert 'holidays = "GB-SCT"' in text
        assert loads(text).case == case
        assert from_dict(to_dict(case), Case) == case

    def test_a_timeline_keeps_each_actions_calendar(self) -> None:
        from followup import Timeline, from_dict, to_dict
        from followup.interview_file import loads

        tl = loads(FILE).schedule(now=datetime(2026, 11, 20, 20, tzinfo=UTC))
        back = from_dict(to_dict(tl), Timeline)
        assert back == tl
        fiona = back["thank-you.fiona-reid"]
        assert fiona.holidays is not None
        assert fiona.holidays.calendar == HolidayCalendar(country="GB-SCT", dates=[date(2026, 12, 24)])
        assert fiona.holidays.source is HolidaySource.CONTACT
