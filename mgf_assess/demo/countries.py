"""The demo countries: who takes part in which cycle, and how far each assessment has gone.

The answers seeded for these countries are fictitious: they are generated to give every screen
realistic content and say nothing about any real government's migration governance.
"""

from __future__ import annotations

from dataclasses import dataclass

FAMILY = "mgf"
# (cycle, questionnaire version) in the order they are seeded: carrying forward needs the older one.
CYCLES = ((2019, "2015.1"), (2026, "2026.1"))


@dataclass(frozen=True)
class DemoCountry:
    code: str  # ISO 3166-1 alpha-3, present in the countries table
    roles: tuple[str, ...]  # migration profile: origin, transit, destination
    plan_2019: str | None
    plan_2026: str | None

    def plan(self, cycle: int) -> str | None:
        return {2019: self.plan_2019, 2026: self.plan_2026}.get(cycle)


def _c(code: str, roles: str, plan_2019: str | None, plan_2026: str | None) -> DemoCountry:
    return DemoCountry(code, tuple(roles.split()), plan_2019, plan_2026)


# What each demo assessment becomes. ``carried`` starts from the previous cycle through the
# version mapping (a partly filled draft when no mapping exists); ``None``: no assessment. The
# plans after ``submitted`` are fully answered, submitted, then taken through the review by
# ``demo.review`` (``reopened``: validated, then reopened by an admin, so in review again).
SUB, DRAFT, CARRIED = "submitted", "draft", "carried"
IN_REVIEW, RETURNED, REVIEWED, VALIDATED, REOPENED = "in_review", "returned", "reviewed", "validated", "reopened"
REVIEW_PLANS = (IN_REVIEW, RETURNED, REVIEWED, VALIDATED, REOPENED)
SUBMITTED_PLANS = (SUB, *REVIEW_PLANS)  # every plan whose assessment is submitted first
VAL = VALIDATED
COUNTRIES = [
    # Africa (002): Eastern, Western, Northern, Southern and Middle Africa
    _c("KEN", "origin transit destination", VAL, DRAFT),
    _c("SEN", "origin transit", VAL, IN_REVIEW),
    _c("NGA", "origin transit", VAL, IN_REVIEW),
    _c("ETH", "origin transit destination", VAL, CARRIED),
    _c("MAR", "origin transit destination", VAL, RETURNED),
    _c("ZAF", "transit destination", VAL, CARRIED),
    _c("GHA", "origin", VAL, SUB),
    _c("CMR", "origin transit", DRAFT, DRAFT),
    # Americas (019): Central America, South America, Northern America, Caribbean
    _c("MEX", "origin transit destination", VAL, SUB),
    _c("GTM", "origin transit", None, DRAFT),
    _c("COL", "origin destination", VAL, REVIEWED),
    _c("ECU", "origin transit destination", VAL, CARRIED),
    _c("BRA", "origin destination", VAL, VAL),
    _c("CHL", "destination", VAL, CARRIED),
    _c("CAN", "destination", VAL, VAL),
    _c("JAM", "origin", VAL, DRAFT),
    # Asia (142): Western, South-eastern, Southern, Central and Eastern Asia
    _c("JOR", "transit destination", VAL, REVIEWED),
    _c("PHL", "origin", VAL, IN_REVIEW),
    _c("BGD", "origin", VAL, CARRIED),
    _c("NPL", "origin", VAL, DRAFT),
    _c("KAZ", "origin transit destination", VAL, SUB),
    _c("KGZ", "origin", None, DRAFT),
    _c("JPN", "destination", VAL, DRAFT),
    _c("TUR", "origin transit destination", VAL, CARRIED),
    _c("THA", "origin transit destination", VAL, DRAFT),
    # Europe (150): Western, Southern, Northern and Eastern Europe
    _c("DEU", "destination", VAL, VAL),
    _c("ITA", "transit destination", VAL, CARRIED),
    _c("ESP", "transit destination", VAL, VAL),
    _c("SWE", "destination", VAL, VAL),
    _c("POL", "origin destination", VAL, CARRIED),
    _c("MDA", "origin", VAL, RETURNED),
    _c("GRC", "transit destination", REOPENED, DRAFT),
    # Oceania (009): Australia and New Zealand, Melanesia, Polynesia, Micronesia
    _c("AUS", "destination", VAL, VAL),
    _c("NZL", "destination", VAL, VAL),
    _c("FJI", "origin", VAL, CARRIED),
    _c("WSM", "origin", None, DRAFT),
    _c("KIR", "origin", DRAFT, DRAFT),
]
COUNTRY_CODES = [country.code for country in COUNTRIES]

# Countries whose evidence includes generated files, so the upload folder holds real documents.
FILE_COUNTRIES = ("KEN", "MEX", "SEN", "JOR", "DEU", "PHL")
# Share of the questions a draft has answered: each draft gets its own share in this range.
DRAFT_FILL = (0.4, 0.85)
CARRIED_EXTRA_FILL = 0.3  # fresh answers added on top of a carried-forward start
CONFIRMED_SHARE = 0.4  # carried answers the country has already confirmed
CONTRIBUTOR_FILL = 0.15  # the contributor's areas are mostly still to do
