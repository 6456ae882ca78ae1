"""The review queue's rows as the page shows them: every text prepared once per distinct
value, so that a queue of hundreds of assessments renders in a plain template loop (no
translation, date formatting or URL building per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask import url_for
from flask_babel import format_date, ngettext

from mgf_assess.i18n import localized
from mgf_assess.review.queue import QueueGroup, QueueItem

PLACEHOLDER = 987654321  # an id no URL contains otherwise, replaced by each assessment's id


@dataclass(frozen=True)
class Row:
    """One queue row's texts and links."""

    country: str
    cycle: int
    questionnaire: str
    version: str
    open_queries: int
    activity_iso: str | None
    activity: str
    waiting: str
    overview_url: str
    review_url: str | None


class RowTexts:
    """Turns queue items into rows in the request's language, remembering each text made."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.titles: dict[int, str] = {}
        self.dates: dict[date, str] = {}
        self.days: dict[int, str] = {}
        self.show = url_for("assessments.show", assessment_id=PLACEHOLDER)
        self.section = url_for("assessments.section", assessment_id=PLACEHOLDER, area_id="AREA")

    def rows(self, groups: tuple[QueueGroup, ...]) -> dict[str, list[Row]]:
        """State → its rows, in the groups' order."""
        return {group.state: [self.row(item) for item in group.items] for group in groups}

    def row(self, item: QueueItem) -> Row:
        assessment, number = item.assessment, str(item.assessment.id)
        version = assessment.questionnaire
        review = self.section.replace(str(PLACEHOLDER), number).replace("AREA", item.first_area) \
            if item.first_area else None
        return Row(assessment.country.name(self.language), assessment.cycle, self.title(version),
                   version.version, item.open_queries, _iso(item.last_activity), self.date(item.last_activity),
                   self.waiting(item.days_since_submission), self.show.replace(str(PLACEHOLDER), number), review)

    def title(self, version) -> str:
        if version.id not in self.titles:
            self.titles[version.id] = localized(version.title, self.language)
        return self.titles[version.id]

    def date(self, moment: datetime | None) -> str:
        if moment is None:
            return "—"
        day = moment.date()
        if day not in self.dates:
            self.dates[day] = format_date(moment, "medium")
        return self.dates[day]

    def waiting(self, days: int | None) -> str:
        if days is None:
            return "—"
        if days not in self.days:
            self.days[days] = ngettext("%(num)d day", "%(num)d days", days)
        return self.days[days]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
