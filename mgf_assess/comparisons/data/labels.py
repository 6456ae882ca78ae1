"""The words of comparison reports and public profiles: headings, fields, marks, sentences.

Lazy gettext strings with named placeholders, turned into text inside
``force_locale(language)`` by the builder and the renderers (see ``reports.data.labels``,
whose ``text`` helper and shared field names are reused here).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.reports.data.labels import FIELDS as REPORT_FIELDS
from mgf_assess.reports.data.labels import text

__all__ = ["FIELDS", "HEADINGS", "LABELS", "MARKS", "METHOD", "text"]

HEADINGS = {
    "title": _l("Member-state comparison"),
    "profiles": _l("Profiles"),
    "heatmap": _l("Scores by country and domain"),
    "radars": _l("Domain profiles"),
    "distribution": _l("Distribution of states by band"),
    "distribution_chart": _l("Share of states in each band, by domain"),
    "regions": _l("Distribution by region"),
    "change": _l("Change between cycles"),
    "change_summary": _l("States that improved, stayed or declined"),
    "dumbbell": _l("Change per country: %(domain)s"),
    "ranking": _l("Ranking"),
    "peers": _l("Peer learning"),
    "corridor": _l("Corridor: %(name)s"),
    "weakest": _l("Weakest link per domain"),
    "method": _l("Method"),
    "annex": _l("Annex: snapshots, versions and comparability"),
    "snapshots": _l("Score snapshots used"),
    "scope": _l("Scope"),
    "contents": _l("Contents"),
    "public_profiles": _l("Published country profiles"),
    "country_profile": _l("Country profile"),
    "corridors": _l("Corridors"),
}

FIELDS = {
    **REPORT_FIELDS,
    "region": _l("Region"),
    "subregion": _l("Sub-region"),
    "overall": _l("Overall"),
    "states": _l("States"),
    "share": _l("Share"),
    "meeting": _l("Meeting the target"),
    "median": _l("Median"),
    "iqr": _l("Interquartile range"),
    "q1": _l("First quartile"),
    "q3": _l("Third quartile"),
    "baseline": _l("Baseline"),
    "current": _l("Current"),
    "delta": _l("Change in score"),
    "movement": _l("Band movement"),
    "comparability": _l("Comparability"),
    "coverage": _l("Coverage"),
    "improved": _l("Improved"),
    "same": _l("Same band"),
    "declined": _l("Declined"),
    "rank": _l("Rank"),
    "role": _l("Role"),
    "holder": _l("Held by"),
    "source": _l("Source"),
    "published": _l("Published"),
    "assessment": _l("Assessment"),
    "kind": _l("Kind"),
    "recommendations": _l("Open recommendations"),
    "peer_countries": _l("Countries meeting the target here"),
    "node": _l("Domain or area"),
    "mapping": _l("Version mapping"),
}

MARKS = {
    "preliminary": _l("PRELIMINARY — latest results, not all validated"),
    "suppressed": _l("fewer than 3 states"),
    "no_ranking": _l("MGI does not rank countries: profiles are compared side by side. This ranking "
                     "is an option you asked for (rank=%(node)s)."),
    "nothing": _l("No result to show for this choice."),
    "no_change": _l("No baseline cycle chosen: choose one to see the change between cycles."),
    "no_peers": _l("Choose a country to see which countries meet the target where it does not."),
    "peer_unavailable": _l("There is no result of %(country)s in this cycle that you may see, so its peers "
                           "cannot be listed. Country users look for the peers of their own country."),
    "peers_none": _l("Every domain and area of %(country)s meets its target."),
    "more_peers": _l("and %(n)s more"),
    "not_comparable": _l("not comparable"),
    "radars_limit": _l("Small-multiple radars are drawn for up to %(n)s countries; the heatmap shows all."),
    "hidden_counted": _l("%(hidden)s of the %(total)s states counted in the aggregates are not shown "
                         "individually: their results are not yours to see."),
    "page_of": _l("Page %(page)s of %(pages)s"),
    "generated": _l("Built on %(date)s"),
    "no_published": _l("No country profile is published yet."),
    "published_on": _l("Published on %(date)s"),
    "gap_report": _l("Gap report (PDF)"),
    "no_result": _l("no result"),
    "rank_ids": _l("Rank by one of: %(ids)s."),
    "no_mapping": _l("no version mapping: not comparable"),
    "all_countries": _l("All countries"),
    "scope_countries": _l("Countries: %(names)s"),
    "scope_regions": _l("Regions: %(names)s"),
    "scope_corridor": _l("Corridor: %(name)s"),
}

LABELS = {
    "source": {"validated": _l("Validated results"), "latest": _l("Latest results (any state)")},
    "comparability": {"direct": _l("Direct"), "indirect": _l("Comparable with caution"),
                      "none": _l("Not comparable")},
    "movement": {"improved": _l("Improved"), "same": _l("Same band"), "declined": _l("Declined")},
    "role": {"origin": _l("Origin"), "transit": _l("Transit"), "destination": _l("Destination")},
    "level": {"global": _l("All states"), "region": _l("Region"), "subregion": _l("Sub-region")},
}

METHOD = {
    "scope": _l("Questionnaire %(questionnaire)s, cycle %(cycle)s; %(source)s; %(count)s states."),
    "baseline": _l("Baseline cycle %(cycle)s."),
    "profiles": _l("Profiles show each state's stored result: the score snapshot named in the annex. "
                   "Rows are sorted by region, then by country name."),
    "shares": _l("Aggregates are shares of states, not averages of scores: the number of states in "
                 "each band of a domain divided by the states with a score there. A state meets the "
                 "target when its band is the domain's target band or a higher one."),
    "median": _l("Median and interquartile range are of the states' scores, by linear interpolation "
                 "between ranks (first and third quartile)."),
    "regions": _l("Regions and sub-regions are those of UN M49; a region's figures pool the states "
                  "of its sub-regions."),
    "suppression": _l("An aggregate that rests on fewer than 3 states, or on 1 or 2 states whose "
                      "results you may not see, is not shown (\"fewer than 3 states\"), so that no "
                      "single state's result can be inferred."),
    "change_same": _l("Same questionnaire version: the change is direct and rests on every scored "
                      "question of the domain."),
    "change_versions": _l("Different versions: the baseline answers are carried forward through the "
                          "version mapping and both cycles are scored on only the questions the mapping "
                          "marks direct or indirect. A domain is direct when all of them map directly, "
                          "comparable with caution otherwise, and not comparable (no number) without "
                          "any. Coverage: the questions the change rests on, of the domain's scored "
                          "questions."),
    "movement": _l("A state improved when its band rose, declined when it fell; the delta is the "
                   "current score minus the baseline score, as reported."),
    "ranking": _l("Ranking: by score, highest first; states with equal scores share a rank."),
    "preliminary": _l("PRELIMINARY: built from each state's latest score snapshot, whatever the "
                      "state of its assessment; figures may still change in review."),
    "corridor": _l("The weakest link of a domain is the lowest band along the corridor, and the "
                   "states that hold it."),
    "na": _l("Not-applicable answers count as the questionnaire declares: left out (na: exclude) "
             "or as 0 with a fixed denominator (na: zero)."),
}
