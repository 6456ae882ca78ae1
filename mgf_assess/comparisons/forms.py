"""Forms of the comparisons feature: a corridor (name and countries with their roles), and
the choices offered by the comparison form (a GET form: its values are the query string)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from mgf_assess.comparisons import queries
from mgf_assess.comparisons.operations import MAX_CORRIDOR_COUNTRIES, NAME_MAX
from mgf_assess.core import policy
from mgf_assess.results import queries as results


class CorridorForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=NAME_MAX)])
    members = TextAreaField(
        _l("Countries and their roles"), validators=[DataRequired(), Length(max=2000)],
        description=_l("One country per line, in order along the corridor: its ISO 3166 alpha-3 code and "
                       "its role (origin, transit or destination), e.g. “ETH origin”. 2 to %(n)s countries.",
                       n=MAX_CORRIDOR_COUNTRIES))


@dataclass(frozen=True)
class Choices:
    """What the comparison form offers this user."""

    families: dict[str, list[int]]  # questionnaire family → cycles with results, newest first
    countries: list[tuple[str, str]]
    regions: list[tuple[str, str, list[tuple[str, str]]]]
    corridors: list[str]
    latest: bool  # may compare the latest results
    peers: list[tuple[str, str]]  # countries whose peers the user may look for


def form_choices(user, language: str) -> Choices:
    countries = queries.country_names(language)
    allowed = policy.peer_countries(user)
    peers = [pair for pair in countries if allowed is None or pair[0] in allowed]
    return Choices(results.result_cycles(), countries, queries.region_tree(language),
                   [c.name for c in queries.corridors()], policy.can(user, "comparisons.latest"), peers)


def defaults(choices: Choices) -> tuple[str | None, int | None]:
    """The questionnaire and cycle shown when none is asked for: mgf (else the first family with
    results) and its newest cycle."""
    if not choices.families:
        return None, None
    family = "mgf" if "mgf" in choices.families else sorted(choices.families)[0]
    return family, choices.families[family][0]
