"""Holiday data: python-holidays' calendars by code, their English names, and zones' countries.

Everything here is looked up once and cached: the codes python-holidays knows, a
calendar per code and year, and the country of each time zone. ``holidays`` is
imported on first use only, so ``import followup`` stays light.
"""

from __future__ import annotations

import difflib
import importlib.resources
import re
import sys
import threading
import zoneinfo
from collections.abc import Mapping
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "canonical_code",
    "country_of_zone",
    "holidays_in",
    "place_name",
    "suggest_codes",
]

# Zones that name no country: UTC and its aliases, Etc/GMT+3 and the like, and the old
# generic zones of the tz database (CET, EST5EDT...), which recent tzdata releases turned into
# links to one city's zone (CET -> Europe/Brussels) although they were never Belgium's.
_GENERIC_ZONES = frozenset(
    {
        "CET",
        "CST6CDT",
        "EET",
        "EST",
        "EST5EDT",
        "Factory",
        "GMT",
        "GMT+0",
        "GMT-0",
        "GMT0",
        "Greenwich",
        "HST",
        "MET",
        "MST",
        "MST7MDT",
        "PST8PDT",
        "UCT",
        "UTC",
        "Universal",
        "WET",
        "Zulu",
    }
)

# Country names taken from python-holidays' class names need an article or a fix in a few cases.
_NAME_FIXES = {
    "CD": "the Democratic Republic of the Congo",
    "CG": "the Republic of the Congo",
    "GW": "Guinea-Bissau",
    "TL": "Timor-Leste",
    "CI": "Côte d'Ivoire",
}
# Names that take "the" ("the United Kingdom", "the Bahamas"); compiled on first use only.
_THE = (
    r"^(United|Isle|Central|Dominican|Syrian|British|Heard|Holy)\b"
    r"|(Islands|Republic|Territory|Territories|Netherlands|Philippines|Bahamas|Maldives"
    r"|Seychelles|Comoros|Gambia|Emirates)$"
)
_SMALL_WORDS = {"And": "and", "Of": "of", "The": "the", "Da": "da"}


@cache
def _countries() -> dict[str, str]:
    """Alpha-2 code -> python-holidays' class name, from its registry (no calendar loaded)."""
    # A dependency, imported on first use: `import followup` stays light.
    from holidays import registry

    return {entry[1]: entry[0] for entry in registry.COUNTRIES.values()}


@cache
def _entity(code: str) -> Any:
    """python-holidays' class for a country code (``US`` -> ``UnitedStates``)."""
    return _own_module_entity(code) or _public_entity(code)


def _public_entity(code: str) -> Any:
    """The class through python-holidays' own loader (which imports every country's module)."""
    import holidays

    return getattr(holidays, code).get_entity()


# Serialises the loads below, as python-holidays' own loader does with its IMPORT_LOCK.
_LOAD_LOCK = threading.Lock()


def _own_module_entity(code: str) -> Any | None:
    """The class from its own module alone, or None: then python-holidays' loader is used.

    python-holidays loads a country lazily, but through ``holidays.countries``, whose
    ``__init__`` imports all of its 250 country modules: about two thirds of ``followup ics``'s
    start-up went there. This executes the one module file the registry names, as the import
    system would (its cached bytecode, its ``__spec__``), under its own name but without putting
    it in ``sys.modules``: nothing of ``holidays.*`` that an application imports later changes,
    and an application that imports ``holidays.countries`` gets python-holidays' own modules.
    The private class is only used to build tables that a test proves equal to the public
    path's, country by country. Anything unexpected returns None, and the public path decides.
    """
    if "holidays.countries" in sys.modules:
        return None  # already paid for (an application imported it): use the real modules
    with _LOAD_LOCK:
        try:
            cls = _load_country_module(code)
        # A foreign module's code: whatever it raises, the public path loads it again
        # and reports the error, if there is one, as python-holidays itself would.
        except Exception:
            return None
    if "holidays.countries" in sys.modules:
        # The module imported another country's module (American Samoa takes the United
        # States' holidays), which loaded holidays.countries: use one copy of each class.
        return None
    return cls


def _load_country_module(code: str) -> Any | None:
    """Execute the one module of python-holidays that defines ``code``'s class; its class."""
    import importlib.machinery
    import importlib.util

    import holidays
    from holidays import registry

    found = [key for key, entry in registry.COUNTRIES.items() if entry[1] == code]
    if len(found) != 1:
        return None
    module_key = found[0]
    where = [str(Path(p) / "countries") for p in holidays.__path__]
    spec = importlib.machinery.PathFinder.find_spec(f"holidays.countries.{module_key}", where)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # The class python-holidays' loader gives for the code: the module's `US`, a subclass of
    # `UnitedStates` named after the code (registry.EntityLoader.load names them so).
    cls = getattr(module, code, None)
    if (
        not isinstance(cls, type)
        or not issubclass(cls, holidays.HolidayBase)
        or getattr(cls, "country", None) != code
    ):
        return None
    return cls


@cache
def _table_arguments() -> dict[str, Any]:
    """``holidays.country_holidays``'s defaults, so that the class is called as it calls it."""
    import inspect

    from holidays import utils

    bound = inspect.signature(utils.country_holidays).bind("XX")
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    del arguments["country"]
    arguments.pop("options", None)  # its **options: empty
    return arguments


@cache
def _subdivisions(code: str) -> dict[str, str]:
    """A country's subdivision codes, case-folded -> as python-holidays spells them."""
    return {sub.casefold(): sub for sub in getattr(_entity(code), "subdivisions", ()) or ()}


@cache
def _subdivision_names(code: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for alias, sub in (getattr(_entity(code), "subdivisions_aliases", None) or {}).items():
        # The first alias is the subdivision's own name (python-holidays lists it first).
        names.setdefault(sub, alias)
    return names


def _english_name(code: str, cls_name: str) -> str:
    if code in _NAME_FIXES:
        return _NAME_FIXES[code]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls_name).split()
    name = " ".join(_SMALL_WORDS.get(w, w) if i else w for i, w in enumerate(words))
    return f"the {name}" if re.search(_THE, name) else name


def canonical_code(value: str) -> str | None:
    """The code as python-holidays spells it ("de-by" -> "DE-BY"), or None if it knows none such."""
    country, dash, sub = value.strip().partition("-")
    country = country.upper()
    if country not in _countries():
        return None
    if not dash:
        return country
    known = _subdivisions(country).get(sub.casefold())
    return None if known is None else f"{country}-{known}"


@cache
def _codes() -> dict[str, str]:
    """Every accepted code, case-folded -> as python-holidays spells it (for suggestions)."""
    out: dict[str, str] = {}
    for code in _countries():
        out[code.casefold()] = code
        for sub in _subdivisions(code).values():
            out[f"{code}-{sub}".casefold()] = f"{code}-{sub}"
    return out


@cache
def _aliases() -> dict[str, str]:
    """Names and other spellings, case-folded -> a code: "germany" -> "DE", "bayern" -> "DE-BY"."""
    from holidays import registry

    out: dict[str, str] = {}
    for entry in registry.COUNTRIES.values():
        name, code, *others = entry
        out[_english_name(code, name).removeprefix("the ").casefold()] = code
        out[re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).casefold()] = code
        for other in others:
            if not other.startswith("Holidays"):
                out[other.casefold()] = code
    # Every country's class: python-holidays' own loader, which imports them all at once.
    import holidays.countries  # noqa: F401

    for code in _countries():
        for alias, sub in (getattr(_entity(code), "subdivisions_aliases", None) or {}).items():
            out.setdefault(alias.casefold(), f"{code}-{sub}")
            out.setdefault(f"{code}-{alias}".casefold(), f"{code}-{sub}")
    return out


def suggest_codes(value: str, n: int = 3) -> list[str]:
    """The valid codes nearest to a mistyped one, best first (more than ``n`` on a tie)."""
    folded = value.strip().casefold()
    codes = _codes()
    alias = _aliases().get(folded)
    if alias is not None:  # a name or another spelling: "UK", "Germany", "Bayern"
        return [alias]
    country, _, sub = folded.partition("-")
    if sub and country in codes:
        # A known country with an unknown subdivision: the nearest of that country's subdivisions.
        pool = {c.partition("-")[2]: c for c in codes if c.startswith(country + "-")}
        wanted = sub
    else:
        pool = {c: c for c in codes if "-" not in c}
        wanted = country
    return [codes[pool[k]] for k in _nearest(wanted, list(pool), n)]


def _nearest(wanted: str, pool: list[str], n: int) -> list[str]:
    def score(candidate: str) -> tuple[int, float]:
        prefix = 0
        for a, b in zip(wanted, candidate, strict=False):
            if a != b:
                break
            prefix += 1
        return prefix, difflib.SequenceMatcher(None, wanted, candidate).ratio()

    ranked = sorted(pool, key=lambda c: (*(-x for x in score(c)), c))
    if len(ranked) <= n:
        return ranked
    last = score(ranked[n - 1])
    out = ranked[:n]
    for c in ranked[n : n + 3]:  # keep ties with the last one shown, a few at most
        if score(c) == last:
            out.append(c)
    return out


@lru_cache(maxsize=1024)
def place_name(code: str) -> str:
    """Words for a canonical code: "the United Kingdom", "Bayern, Germany"."""
    country, _, sub = code.partition("-")
    name = _english_name(country, _countries()[country])
    if not sub:
        return name
    return f"{_subdivision_names(country).get(sub, sub)}, {name.removeprefix('the ')}"


def _language(cls: Any) -> str | None:
    """English names where python-holidays has them (US English first); else the country's own.

    Always a language the class has when it has any. Given ``None``, python-holidays reads
    the language from the environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``):
    ``LANGUAGE=th`` turned the United States' holidays Thai in every reason, and the names
    followed the machine's locale. The choice here is what ``None`` gave under ``C.UTF-8``
    (which gettext reads as ``en_US``), so names did not change where that was the locale.
    """
    default = getattr(cls, "default_language", None)
    langs = tuple(getattr(cls, "supported_languages", ()) or ())
    if default is None:
        return None  # no translations: the names as python-holidays writes them
    wanted = ("en_US",) if default.startswith("en") else ("en_US", "en_GB")
    for lang in wanted:
        if lang in langs:
            return lang
    if not default.startswith("en"):
        return next((lang for lang in langs if lang.startswith("en")), str(default))
    return str(default)


@lru_cache(maxsize=4096)
def holidays_in(code: str, year: int) -> Mapping[date, str]:
    """The holidays of a canonical code in one year, with their English names; built once."""
    country, _, sub = code.partition("-")
    cls = _entity(country)
    # Called as holidays.country_holidays(country, subdiv=..., years=..., language=...) calls
    # it, with that function's defaults for the rest; the class is python-holidays' own, loaded
    # without the 249 other countries' modules when that can be done (see _entity).
    arguments = {**_table_arguments(), "subdiv": sub or None, "years": year}
    table = cls(**{**arguments, "language": _language(cls)})
    # python-holidays joins two holidays on one day with "; ": the reasons list them with "and".
    return {day: name.replace("; ", " and ") for day, name in sorted(table.items())}


# --- zones -> countries ---------------------------------------------------------------------


def _tz_text(name: str) -> str:
    """A tz database table (zone.tab, tzdata.zi) from where zoneinfo itself finds its zones."""
    for base in zoneinfo.TZPATH:
        path = Path(base) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return (
            importlib.resources.files("tzdata")
            .joinpath("zoneinfo", name)
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


@cache
def _zone_countries() -> dict[str, str]:
    """zone.tab: each zone's own country (one per zone: Europe/London -> GB)."""
    out: dict[str, str] = {}
    for line in _tz_text("zone.tab").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            out[fields[2].strip()] = fields[0].strip()
    return out


@cache
def _zone_links() -> dict[str, str]:
    """Old names -> the zone they are a link to (Asia/Calcutta -> Asia/Kolkata), from tzdata.zi."""
    out: dict[str, str] = {}
    for line in _tz_text("tzdata.zi").splitlines():
        if line.startswith("L "):
            _l, target, link = line.split()[:3]
            out[link] = target
    return out


@cache
def _zones_per_country() -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in _zone_countries().values():
        counts[code] = counts.get(code, 0) + 1
    return counts


def covers_country(code: str) -> bool:
    """Whether the country has one zone only (GB: Europe/London), so a zone of it is all of it."""
    return _zones_per_country().get(code, 0) == 1


@lru_cache(maxsize=1024)
def country_of_zone(zone: str) -> str | None:
    """The country a zone belongs to, if it names exactly one python-holidays knows; else None.

    ``Europe/London`` -> ``GB``, ``Asia/Calcutta`` (an old name of ``Asia/Kolkata``) -> ``IN``;
    ``UTC``, ``Etc/GMT+3`` and the generic ``CET`` or ``EST5EDT`` -> None.
    """
    if zone in _GENERIC_ZONES or zone.startswith("Etc/"):
        return None
    table = _zone_countries()
    code = table.get(zone)
    if code is None:
        target = _zone_links().get(zone)
        seen = {zone}
        while code is None and target is not None and target not in seen:
            if target in _GENERIC_ZONES or target.startswith("Etc/"):
                return None
            seen.add(target)
            code = table.get(target)
            target = _zone_links().get(target)
    if code is None or code not in _countries():
        return None
    return code
