"""Public country profiles: what anyone may read of a validated, published assessment.

The profile shows the stored result of the validated snapshot: overall and domain scores,
bands, completeness and confidence, the questionnaire version and the cycle. Its gap report
is the assessment's own, without internal comments (evaluators' override justifications are
left out; the government's answers, justifications and evidence citations stay, since
publishing them is what the government consented to).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from flask_babel import force_locale

from mgf_assess.assessments.models import Assessment
from mgf_assess.comparisons.data.builder import nodes_of
from mgf_assess.comparisons.data.model import Node, Profile
from mgf_assess.comparisons.data.places import region_name
from mgf_assess.comparisons.data.profiles import cells_of
from mgf_assess.config import RTL_LANGUAGES
from mgf_assess.i18n import localized
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.reports.data import build_gap_report
from mgf_assess.reports.data.model import GapReport
from mgf_assess.results.models import ScoreSnapshot
from mgf_assess.results.queries import stored_figures


@dataclass(frozen=True)
class ProfileView:
    """One published profile, shaped like a one-country comparison for the charts."""

    language: str
    direction: str
    questionnaire: str
    title: str
    version: str
    nodes: tuple[Node, ...]
    profiles: tuple[Profile, ...]
    published_at: datetime

    @property
    def domains(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.id != "overall")

    @property
    def profile(self) -> Profile:
        return self.profiles[0]


def profile_view(assessment: Assessment, snapshot: ScoreSnapshot, language: str) -> ProfileView:
    definition = definition_of(assessment.questionnaire)
    with force_locale(language):
        bands = {band.code: localized(band.label, language) for band in definition.bands}
        country = assessment.country
        item = Profile(country.code, country.name(language), country.region_code,
                       region_name(country.region_code, language), country.sub_region_code,
                       region_name(country.sub_region_code, language), assessment.cycle, definition.version,
                       assessment.id, snapshot.id, snapshot.kind, snapshot.created_at, assessment.state, True,
                       False, cells_of(stored_figures(snapshot), bands))
        return ProfileView(language, "rtl" if language in RTL_LANGUAGES else "ltr", definition.id,
                           localized(definition.title, language), definition.version, nodes_of(definition, language),
                           (item,), assessment.published_at)


def public_gap_report(assessment: Assessment, language: str) -> GapReport:
    """The assessment's gap report without the evaluators' internal comments."""
    report = build_gap_report(assessment, language)
    domains = tuple(replace(section, questions=tuple(replace(row, override_justification=None)
                                                     for row in section.questions),
                            well_developed=tuple(replace(row, override_justification=None)
                                                 for row in section.well_developed))
                    for section in report.domains)
    overrides = tuple(replace(item, justification=None) for item in report.overrides)
    return replace(report, domains=domains, overrides=overrides)
