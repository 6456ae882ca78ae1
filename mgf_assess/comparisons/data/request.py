"""What a comparison is asked for, read and checked from a query string (page, API, CLI).

``read_request(args)`` turns the parameters (``questionnaire``, ``cycle``, ``baseline``,
``countries``, ``regions``, ``corridor``, ``source``, ``rank``, ``peer``) into a
``ComparisonRequest``, or raises ``RequestProblems`` listing every problem, each located by
its parameter. Lists are comma-separated or repeated (``countries=KEN,MEX`` or
``countries=KEN&countries=MEX``). Whether the user may ask for ``source=latest`` and whether
the named questionnaire, regions, corridor and domain exist is checked by the builder
(``sources.check_request``), which knows the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

SOURCES = ("validated", "latest")
MAX_COUNTRIES = 250  # more than there are countries and territories: a longer list is a mistake
MAX_REGIONS = 40  # every M49 region and sub-region code
NAME_MAX = 100  # a corridor's name
CYCLE_RANGE = (2000, 2100)
COUNTRY = re.compile(r"^[A-Z]{3}$")
REGION = re.compile(r"^[0-9]{3}$")
FAMILY = re.compile(r"^[a-z0-9_]{1,64}$")
NODE = re.compile(r"^[a-z0-9_]{1,64}$")


class RequestProblems(Exception):
    """The parameters cannot be used; ``problems`` maps a parameter to what to send instead.
    ``status`` is 422 for invalid input, 403 when the user may not ask for it."""

    def __init__(self, problems: dict[str, object], status: int = 422):
        self.problems = {name: str(message) for name, message in problems.items()}
        self.status = status
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.problems.items()))


@dataclass(frozen=True)
class ComparisonRequest:
    """A comparison: questionnaire family and cycle, scope, source and the optional views.

    An empty scope (no countries, regions or corridor) means every country.
    """

    questionnaire: str
    cycle: int | None
    baseline: int | None = None
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    corridor: str | None = None
    source: str = "validated"
    rank: str | None = None
    peer: str | None = None

    @property
    def everything(self) -> bool:
        return not (self.countries or self.regions or self.corridor)

    def query(self) -> dict[str, str]:
        """The request as query-string parameters (for links to the downloads)."""
        pairs = {"questionnaire": self.questionnaire, "cycle": self.cycle, "baseline": self.baseline,
                 "countries": ",".join(self.countries), "regions": ",".join(self.regions),
                 "corridor": self.corridor, "source": self.source if self.source != "validated" else None,
                 "rank": self.rank, "peer": self.peer}
        return {key: str(value) for key, value in pairs.items() if value not in (None, "")}


def values(args: Mapping, name: str) -> list[str]:
    """Every comma-separated item of a parameter given once or repeated, without blanks."""
    given = args.getlist(name) if hasattr(args, "getlist") else [args.get(name) or ""]
    items = (item.strip() for value in given for item in str(value or "").split(","))
    return list(dict.fromkeys(item for item in items if item))


def single(args: Mapping, name: str) -> str | None:
    found = values(args, name)
    return found[0] if len(found) == 1 else (",".join(found) or None)


def read_request(args: Mapping, default_questionnaire: str | None = None,
                 default_cycle: int | None = None) -> ComparisonRequest:
    """The request the parameters describe; RequestProblems listing every problem otherwise."""
    problems: dict[str, object] = {}
    family = single(args, "questionnaire") or default_questionnaire or ""
    if not FAMILY.match(family):
        problems["questionnaire"] = _l("Give a questionnaire id such as mgf.")
    cycle = _year(args, "cycle", problems, default_cycle)
    baseline = _year(args, "baseline", problems, None)
    if cycle is not None and baseline is not None and baseline >= cycle:
        problems["baseline"] = _l("The baseline is an earlier cycle than %(cycle)s.", cycle=cycle)
    countries = _codes(args, "countries", COUNTRY, MAX_COUNTRIES, problems,
                       _l("Country codes are ISO 3166 alpha-3 codes such as KEN."))
    regions = _codes(args, "regions", REGION, MAX_REGIONS, problems,
                     _l("Region codes are UN M49 codes of three digits such as 002."))
    corridor, source = single(args, "corridor"), single(args, "source") or "validated"
    if corridor is not None and len(corridor) > NAME_MAX:
        problems["corridor"] = _l("A corridor's name has at most %(n)s characters.", n=NAME_MAX)
    if source not in SOURCES:
        problems["source"] = _l("The source is validated or latest.")
    rank, peer = single(args, "rank"), single(args, "peer")
    if rank is not None and not NODE.match(rank):
        problems["rank"] = _l("Rank by overall or by a domain id.")
    if peer is not None and not COUNTRY.match(peer):
        problems["peer"] = _l("Country codes are ISO 3166 alpha-3 codes such as KEN.")
    if problems:
        raise RequestProblems(problems)
    return ComparisonRequest(family, cycle, baseline, tuple(countries), tuple(regions), corridor, source,
                             rank, peer)


def _year(args: Mapping, name: str, problems: dict, default: int | None) -> int | None:
    text = single(args, name)
    if text is None:
        return default
    low, high = CYCLE_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        problems[name] = _l("A cycle is a year from %(low)s to %(high)s.", low=low, high=high)
        return None
    return int(text)


def _codes(args: Mapping, name: str, pattern: re.Pattern, limit: int, problems: dict, message) -> list[str]:
    codes = [code.upper() if pattern is COUNTRY else code for code in values(args, name)]
    if len(codes) > limit:
        problems[name] = _l("At most %(n)s codes may be given at once.", n=limit)
    elif any(not pattern.match(code) for code in codes):
        bad = ", ".join(code for code in codes if not pattern.match(code))[:200]
        problems[name] = _l("%(message)s Not understood: %(codes)s.", message=message, codes=bad)
    return codes
