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
# version mapping (a partly filled draft when no mapping exists); ``None``: no assessment.
SUB, DRAFT, CARRIED = "submitted", "draft", "carried"
COUNTRIES = [
    # Africa (002): Eastern, Western, Northern, Southern and Middle Africa
    _c("KEN", "origin transit destination", SUB, DRAFT),
    _c("SEN", "origin transit", SUB, SUB),
    _c("NGA", "origin transit", SUB, SUB),
    _c("ETH", "origin transit destination", SUB, CARRIED),
    _c("MAR", "origin transit destination", SUB, SUB),
    _c("ZAF", "transit destination", SUB, CARRIED),
    _c("GHA", "origin", SUB, SUB),
    _c("CMR", "origin transit", DRAFT, DRAFT),
    # Americas (019): Central America, South America, Northern America, Caribbean
    _c("MEX", "origin transit destination", SUB, DRAFT),
    _c("GTM", "origin transit", None, DRAFT),
    _c("COL", "origin destination", SUB, SUB),
    _c("ECU", "origin transit destination", SUB, CARRIED),
    _c("BRA", "origin destination", SUB, SUB),
    _c("CHL", "destination", SUB, CARRIED),
    _c("CAN", "destination", SUB, SUB),
    _c("JAM", "origin", SUB, DRAFT),
    # Asia (142): Western, South-eastern, Southern, Central and Eastern Asia
    _c("JOR", "transit destination", SUB, CARRIED),
    _c("PHL", "origin", SUB, SUB),
    _c("BGD", "origin", SUB, CARRIED),
    _c("NPL", "origin", SUB, DRAFT),
    _c("KAZ", "origin transit destination", SUB, SUB),
    _c("KGZ", "origin", None, DRAFT),
    _c("JPN", "destination", SUB, DRAFT),
    _c("TUR", "origin transit destination", SUB, CARRIED),
    _c("THA", "origin transit destination", SUB, DRAFT),
    # Europe (150): Western, Southern, Northern and Eastern Europe
    _c("DEU", "destination", SUB, SUB),
    _c("ITA", "transit destination", SUB, CARRIED),
    _c("ESP", "transit destination", SUB, SUB),
    _c("SWE", "destination", SUB, SUB),
    _c("POL", "origin destination", SUB, CARRIED),
    _c("MDA", "origin", SUB, DRAFT),
    _c("GRC", "transit destination", SUB, DRAFT),
    # Oceania (009): Australia and New Zealand, Melanesia, Polynesia, Micronesia
    _c("AUS", "destination", SUB, SUB),
    _c("NZL", "destination", SUB, SUB),
    _c("FJI", "origin", SUB, CARRIED),
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
