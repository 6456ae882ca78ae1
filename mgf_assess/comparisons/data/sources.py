"""Where a comparison's figures come from: every country's stored result of a cycle, read
through ``results.queries``, with what the user may see of each; the scope asked for; the
version mappings between questionnaire versions.

Each country contributes one snapshot per cycle: its ``validated`` snapshot while the
assessment is validated (source ``validated``), or its latest snapshot in any state (source
``latest``, only the ones the user may see that way). With source ``validated``, results the
user may not see individually still count in the aggregates of regions, corridors and "all
countries" (never in a list of named countries), under the small-group rule of
``distribution``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.models import Assessment
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.places import region_name
from mgf_assess.comparisons.data.request import ComparisonRequest, RequestProblems
from mgf_assess.comparisons.models import Corridor
from mgf_assess.core import policy
from mgf_assess.core.models import Country
from mgf_assess.extensions import db
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.questionnaires.models import QuestionnaireVersion
from mgf_assess.results import queries as results
from mgf_assess.results.models import ScoreSnapshot
from scoring.api import Definition, DefinitionError, VersionMapping, load_mapping


@dataclass(frozen=True)
class Entry:
    """One country's result of one cycle, and whether the user may see it on its own."""

    assessment: Assessment
    snapshot: ScoreSnapshot
    definition: Definition
    visible: bool

    @property
    def country(self) -> Country:
        return self.assessment.country

    @property
    def code(self) -> str:
        return self.assessment.country_code

    @property
    def figures(self) -> dict:
        """The stored result's overall, domain and area figures."""
        return results.stored_figures(self.snapshot)


def load_cycle(user, family: str, cycle: int, source: str) -> list[Entry]:
    """Every country's result of ``cycle`` that may enter the comparison (see the module)."""
    kind = "validated" if source == "validated" else None
    entries = []
    for assessment, snapshot in results.cycle_snapshots(family, cycle, kind):
        if source == "latest":
            if not policy.can(user, "result.view_latest", assessment):
                continue
            visible = True
        else:
            visible = policy.can(user, "result.view", assessment)
        entries.append(Entry(assessment, snapshot, definition_of(assessment.questionnaire), visible))
    return entries


def in_scope(entries: list[Entry], request: ComparisonRequest, corridor: Corridor | None) -> list[Entry]:
    """The entries of the scope: named countries (visible ones only), regions, a corridor."""
    if request.everything:
        return list(entries)
    named = set(request.countries)
    regions = set(request.regions)
    members = {m.country_code for m in corridor.members} if corridor is not None else set()
    return [e for e in entries
            if (e.code in named and e.visible) or e.code in members
            or e.country.region_code in regions or e.country.sub_region_code in regions]


def check_request(user, request: ComparisonRequest) -> Corridor | None:
    """Refuse what the database does not know or the user may not ask for; the corridor."""
    if request.source == "latest" and not policy.can(user, "comparisons.latest"):
        raise RequestProblems({"source": _l("Only administrators and evaluators may compare the "
                                            "latest results; leave source at validated.")}, 403)
    problems = {}
    if db.session.scalar(db.select(QuestionnaireVersion.id).filter_by(family=request.questionnaire).limit(1)) is None:
        problems["questionnaire"] = _l("There is no questionnaire %(id)s.", id=request.questionnaire)
    problems |= _unknown_codes(request)
    corridor = None
    if request.corridor is not None:
        corridor = db.session.scalar(db.select(Corridor).filter_by(name=request.corridor))
        if corridor is None:
            problems["corridor"] = _l("There is no corridor called %(name)s.", name=request.corridor)
    if problems:
        raise RequestProblems(problems)
    return corridor


def _unknown_codes(request: ComparisonRequest) -> dict:
    known = known_codes()
    problems = {}
    for name, given, codes in (("countries", request.countries, known[0]), ("regions", request.regions, known[1]),
                               ("peer", (request.peer,) if request.peer else (), known[0])):
        unknown = [code for code in given if code not in codes]
        if unknown:
            problems[name] = _l("Unknown codes: %(codes)s.", codes=", ".join(unknown)[:200])
    return problems


@lru_cache(maxsize=1)
def _known(_key: int) -> tuple[frozenset[str], frozenset[str]]:
    rows = db.session.execute(db.select(Country.code, Country.region_code, Country.sub_region_code)).all()
    return frozenset(r[0] for r in rows), frozenset(r[1] for r in rows) | frozenset(r[2] for r in rows)


def known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """The country codes and the M49 region and sub-region codes of the countries table."""
    return _known(db.session.scalar(db.select(db.func.count(Country.code))))


def main_definition(entries: list[Entry]) -> Definition | None:
    """The version most countries of the cycle answered (the newest one on a tie)."""
    if not entries:
        return None
    counts: dict[int, list[Entry]] = {}
    for entry in entries:
        counts.setdefault(entry.assessment.questionnaire_version_id, []).append(entry)
    best = max(counts.values(), key=lambda group: (len(group), group[0].assessment.questionnaire.sort_key()))
    return best[0].definition


def mapping_between(old: Definition, new: Definition) -> tuple[VersionMapping | None, str | None]:
    """The version mapping from ``old`` to ``new`` and its file (relative), or (None, None)."""
    relative = f"{new.id}/mappings/{old.version}-to-{new.version}.yaml"
    path = Path(current_app.config["QUESTIONNAIRES_FOLDER"]) / relative
    if not path.is_file():
        return None, None
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size, id(old), id(new), old.version, new.version)
    if key not in _MAPPINGS:
        if len(_MAPPINGS) >= MAPPING_CACHE:
            _MAPPINGS.clear()
        _MAPPINGS[key] = _load_mapping(path, old, new)
    mapping = _MAPPINGS[key]
    return mapping, (relative if mapping is not None else None)


_MAPPINGS: dict[tuple, VersionMapping | None] = {}  # a file is read again when it changes
MAPPING_CACHE = 16


def _load_mapping(path: Path, old: Definition, new: Definition) -> VersionMapping | None:
    try:
        return load_mapping(path, old, new)
    except DefinitionError:  # an invalid mapping proves nothing: nothing compares then
        return None


def family_definition(family: str) -> Definition:
    """The definition of the family's newest registered version (for an empty comparison)."""
    versions = list(db.session.scalars(db.select(QuestionnaireVersion).filter_by(family=family)))
    return definition_of(max(versions, key=QuestionnaireVersion.sort_key))


def scope_text(request: ComparisonRequest, corridor: Corridor | None, language: str) -> str:
    """The scope in words: all countries, or the countries, regions and corridor named."""
    if request.everything:
        return labels.text(labels.MARKS, "all_countries")
    parts = []
    if request.countries:
        names = {c.code: c.name(language) for c in db.session.scalars(
            db.select(Country).where(Country.code.in_(request.countries)))}
        parts.append(labels.text(labels.MARKS, "scope_countries",
                                 names=", ".join(names.get(code, code) for code in request.countries)))
    if request.regions:
        parts.append(labels.text(labels.MARKS, "scope_regions",
                                 names=", ".join(region_name(code, language) for code in request.regions)))
    if corridor is not None:
        parts.append(labels.text(labels.MARKS, "scope_corridor", name=corridor.name))
    return "; ".join(parts)
