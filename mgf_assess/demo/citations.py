"""What demo evidence cites: the kind of national source an official would name for a question.

Titles are generic (an act, a policy, a survey, a report) with a section or table, never a real
document number: the demo says nothing about any real country's laws. Pure.
"""

from __future__ import annotations

from typing import NamedTuple

from mgf_assess.demo.answers import Profile, unit


class Topic(NamedTuple):
    words: tuple[str, ...]  # a question whose id contains one of these words has this topic
    law: str
    policy: str
    statistics: str


TOPICS = [
    Topic(("agreements", "treaties", "icrmw", "ratified"),
          "Register of international agreements, Ministry of Foreign Affairs, {y} edition",
          "Foreign policy guidelines on migration cooperation {y}, section {p}",
          "Ministry of Foreign Affairs, register of international agreements, {y} edition"),
    Topic(("health",), "Public Health Act, section {n}", "Health Sector Strategic Plan {y}–{z}, objective {p}",
          "Ministry of Health, annual health statistics {y}, table {n}"),
    Topic(("education", "enrolment", "student"), "Education Act, section {n}",
          "Education Sector Plan {y}–{z}, chapter {p}", "Ministry of Education, statistical yearbook {y}, table {n}"),
    Topic(("justice",), "Legal Aid Act, section {n}", "Access to Justice Strategy {y}–{z}, objective {p}",
          "Judiciary, annual statistics {y}, table {n}"),
    Topic(("identity", "statelessness", "naturalisation"), "Citizenship and Civil Registration Act, section {n}",
          "National Civil Registration Strategy {y}–{z}", "Civil registration office, annual report {y}, table {n}"),
    Topic(("social_security", "benefit"), "Social Security Act, section {n}",
          "Social Protection Strategy {y}–{z}, pillar {p}", "Social security institute, annual report {y}, table {n}"),
    Topic(("discrimination",), "Anti-Discrimination Act, section {n}",
          "National Action Plan against Racism and Xenophobia {y}–{z}", "Equality body, annual report {y}, table {n}"),
    Topic(("trafficking", "smuggling"), "Counter-Trafficking in Persons Act, part {p}",
          "National Action Plan against Trafficking in Persons {y}–{z}", "National anti-trafficking report {y}, table {n}"),
    Topic(("remittance", "financial", "investment"), "Payment Services Act, section {n}",
          "National Financial Inclusion Strategy {y}, pillar {p}", "Central bank, remittance prices survey {y}"),
    Topic(("diaspora", "abroad", "consular"), "Consular Services Act, section {n}",
          "Diaspora Engagement Strategy {y}, section {p}", "Ministry of Foreign Affairs, consular statistics {y}"),
    Topic(("labour", "recruit", "skills", "language", "unemployment", "equal_treatment", "pre_departure"),
          "Labour Code, chapter on foreign workers, article {n}", "National Labour Migration Policy {y}, section {p}",
          "National Statistics Office, Labour Force Survey {y}, table {n}"),
    Topic(("residence", "reunification", "regularisation", "visa", "pathways"),
          "Immigration and Residence Act, section {n}", "Immigration Regulations {y}, schedule {p}",
          "Ministry of the Interior, residence and visa statistics {y}, table {n}"),
    Topic(("border", "detention", "return", "readmission", "rescue", "missing", "deaths"),
          "Immigration and Residence Act, section {n}", "National Border Management Strategy {y}, section {p}",
          "Border agency, annual statistics {y}, table {n}"),
    Topic(("crises", "contingency", "warning", "evacuation", "drr", "relocation", "climate", "recovery",
           "durable", "displacement"),
          "Disaster Risk Management Act, section {n}", "National Disaster Risk Reduction Strategy {y}, pillar {p}",
          "National disaster management agency, annual report {y}, table {n}"),
    Topic(("census", "data", "statistics", "profile", "disaggregation"), "Statistics Act, section {n}",
          "National Strategy for the Development of Statistics {y}–{z}",
          "Population and Housing Census {y}, migration module"),
]
FALLBACK = Topic((), "Decree establishing the national coordination mechanism on migration, article {n}",
                 "National Migration Policy {y}, section {p}", "Migration coordination secretariat, annual report {y}")
IMPLEMENTATION = ["Annual report of the responsible ministry, {y}, chapter {p}",
                  "Minutes of the national coordination committee on migration, {y}",
                  "Programme budget of the responsible ministry, {y}, line {n}"]
OTHER = "Report of the national consultation with civil society and social partners, {y}"


def citation(kind: str, profile: Profile, qid: str) -> str:
    """A citation of ``kind`` (an evidence kind) for this country's answer to question ``qid``."""
    if kind == "implementation":
        template = IMPLEMENTATION[_pick(profile, qid, "template", len(IMPLEMENTATION))]
    elif kind == "other":
        template = OTHER
    else:
        topic = next((t for t in TOPICS if any(word in qid for word in t.words)), FALLBACK)
        template = getattr(topic, kind)
    year = profile.cycle - 1 - _pick(profile, qid, "year", 6)  # sources predate the cycle
    return template.format(n=2 + _pick(profile, qid, "n", 60), p=1 + _pick(profile, qid, "p", 8),
                           y=year, z=year + 4)


def _pick(profile: Profile, qid: str, purpose: str, size: int) -> int:
    """A steady whole number in [0, size) for this country, question and purpose."""
    return int(size * unit(profile.code, qid, purpose))
