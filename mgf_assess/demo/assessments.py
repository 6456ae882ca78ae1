"""Demo assessments: the demo countries' 2019 and 2026 cycles in every state, with evidence.

Run as a ``SEED_STEPS`` step of ``flask --app wsgi mgf demo``. Idempotent: an assessment that
exists (country × family × cycle) is never touched, so a second run adds nothing. Answers come
from ``demo.answers``. Everything goes through the operations: creating, carrying forward,
saving and confirming answers, assigning, attaching evidence and submitting are checked and
audited like real ones, and one more audit event per assessment says it is demo data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import click
from flask import current_app

from mgf_assess.assessments import carry, evidence, operations
from mgf_assess.assessments.locking import lock_editable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.saving import answer_fields, write_answer
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import Country
from mgf_assess.demo.answers import Profile, answers_for, unit
from mgf_assess.demo.countries import (
    CARRIED,
    CARRIED_EXTRA_FILL,
    CONFIRMED_SHARE,
    CONTRIBUTOR_FILL,
    COUNTRIES,
    CYCLES,
    DRAFT,
    DRAFT_FILL,
    FAMILY,
    FILE_COUNTRIES,
    SUBMITTED_PLANS,
    DemoCountry,
)
from mgf_assess.demo.evidence import evidence_for
from mgf_assess.demo.summary import summary_line
from mgf_assess.extensions import db
from mgf_assess.questionnaires import queries
from mgf_assess.questionnaires.operations import load_folder
from scoring.api import Answer as TypedAnswer
from scoring.api import Definition, DefinitionError, MappingMismatchError, plan_for


@dataclass
class Job:
    """One demo assessment being seeded, and who works on it."""

    assessment: Assessment
    definition: Definition
    profile: Profile
    plan: str
    actor: object | None  # the country's focal point, if it has one among the demo accounts
    contributor: object | None = None
    scopes: list[str] = field(default_factory=list)


def seed_assessments(users: dict) -> None:
    """Add the demo assessments that do not exist yet, then print a summary line."""
    versions = questionnaire_versions()
    added = 0
    for cycle, version in CYCLES:  # oldest first: carrying forward reads the earlier cycle
        for country in COUNTRIES if version in versions else ():
            plan = country.plan(cycle)
            if plan and operations.existing_assessment(country.code, FAMILY, cycle) is None:
                seed_one(users, country, cycle, version, plan)
                added += 1
    db.session.flush()
    click.echo(summary_line(added))


def questionnaire_versions() -> set[str]:
    """The demo's questionnaire versions that are published, loading the folder if needed."""
    needed = [version for _cycle, version in CYCLES]
    if any(queries.version_or_none(FAMILY, version) is None for version in needed):
        result = load_folder(current_app.config["QUESTIONNAIRES_FOLDER"])
        for path, why in result.refused:
            click.echo(f"Questionnaire file {path} was not loaded: {why}")
    usable = set()
    for version in needed:
        found = queries.version_or_none(FAMILY, version)
        if found is not None and found.status == "published":
            usable.add(version)
        else:
            click.echo(f"{FAMILY} {version} is not a published questionnaire version: its demo cycle is skipped.")
    return usable


def seed_one(users: dict, country: DemoCountry, cycle: int, version: str, plan: str) -> Assessment:
    """Create one assessment and take it as far as its plan says."""
    job = _open(users, country, cycle, version, plan)
    if job.plan == CARRIED and not _carry(job):
        job.plan = DRAFT  # no usable mapping (yet): a partly filled draft instead
    answers = _generate(job)
    _store(job, answers)
    if job.plan == CARRIED:
        _confirm_some(job)
    if job.contributor is not None:
        operations.set_assignments(job.actor, job.assessment, job.contributor, job.scopes)
    items = _attach_evidence(job, answers)
    audit.record(job.actor, "assessment.demo_seed", "assessment", job.assessment.id,
                 country=country.code, reason="demo data (fictitious answers)",
                 new={"plan": job.plan, "answers": len(answers), "evidence": items})
    if job.plan in SUBMITTED_PLANS:  # the review's plans start from a submission (``demo.review``)
        operations.submit(job.actor, job.assessment, comment="Submitted with the demo data.")
    return job.assessment


def _open(users: dict, country: DemoCountry, cycle: int, version: str, plan: str) -> Job:
    actor = _demo_user(users, "focal_point", country.code)
    assessment = operations.create_assessment(actor, country=country.code, family=FAMILY,
                                              version=version, cycle=cycle)
    definition = definition_for(assessment)
    profile = Profile(country.code, db.session.get(Country, country.code).name_en, cycle, country.roles)
    job = Job(assessment, definition, profile, plan, actor)
    contributor = _demo_user(users, "contributor", country.code)
    if plan == DRAFT and contributor is not None:  # give the contributor work to do
        job.contributor, job.scopes = contributor, contributor_scopes(definition)
    return job


def _demo_user(users: dict, role: str, country: str):
    return next((u for u in users.values() if u.role == role and u.country_code == country), None)


def contributor_scopes(definition: Definition) -> list[str]:
    """Two areas of one domain that holds no profile question: a ministry's share of the work."""
    referenced = plan_for(definition).referenced
    candidates = [d for d in definition.domains
                  if not any(q.id in referenced for a in d.areas for q in a.questions)] or list(definition.domains)
    domain = next((d for d in candidates if d.id == "wellbeing"), candidates[len(candidates) // 2])
    return [area.id for area in domain.areas[:2]]


def _carry(job: Job) -> bool:
    """Start from the previous cycle; False when there is no usable mapping or earlier assessment."""
    try:
        carry.apply(job.actor, job.assessment)
    except (OperationError, DefinitionError, MappingMismatchError):
        return False
    return True


def _generate(job: Job) -> dict[str, TypedAnswer]:
    """The answers to add: all of them when submitting, a share on drafts, none already stored."""
    profile, fill = job.profile, 1.0
    if job.plan == DRAFT:
        low, high = DRAFT_FILL
        fill = low + (high - low) * unit(profile.code, profile.cycle, "draft fill")
    elif job.plan == CARRIED:
        fill = CARRIED_EXTRA_FILL
    area_fill = {scope: CONTRIBUTOR_FILL for scope in job.scopes}
    answers = answers_for(job.definition, profile, fill, area_fill)
    stored = set(db.session.scalars(db.select(Answer.question_id).filter_by(assessment_id=job.assessment.id)))
    return {qid: answer for qid, answer in answers.items() if qid not in stored}


def _store(job: Job, answers: dict[str, TypedAnswer]) -> None:
    """Save the answers through the one answer-save path, each by the person responsible for
    its area (audited one by one, as the officials' own saves are)."""
    areas = _areas_of(job.definition)
    assessment = lock_editable(job.assessment)
    for qid, typed in answers.items():
        author = job.contributor if areas[qid] in job.scopes else job.actor
        write_answer(author, assessment, qid, None, answer_fields(typed))


def _areas_of(definition: Definition) -> dict[str, str]:
    return {question.id: area.id for _domain, area, question in definition.iter_questions()}


def _confirm_some(job: Job) -> None:
    """The country has already looked at part of what was carried over (only questions it sees)."""
    profile, hidden = job.profile, _hidden(job.assessment)
    query = (db.select(Answer).filter_by(assessment_id=job.assessment.id, carried_over=True)
             .order_by(Answer.question_id))
    for answer in db.session.scalars(query).all():
        seen = answer.question_id not in hidden
        if seen and unit(profile.code, profile.cycle, answer.question_id, "confirm") < CONFIRMED_SHARE:
            operations.confirm_answer(job.actor, job.assessment, answer.question_id, answer.revision)


def _hidden(assessment: Assessment) -> set[str]:
    """Questions that relevance hides with the answers as they stand."""
    result = score_assessment(assessment)
    return {question["id"] for domain in result["domains"] for area in domain["areas"]
            for question in area["questions"] if question["status"] == "not_relevant"}


def _attach_evidence(job: Job, answers: dict[str, TypedAnswer]) -> int:
    """Citations, links and files, each through the evidence operation (checked, audited)."""
    items = evidence_for(job.definition, job.profile, answers, job.profile.code in FILE_COUNTRIES)
    for item in items:
        evidence.add_evidence(job.actor, job.assessment, item.question, kind=item.kind,
                              citation=item.citation, url=item.url, upload=item.file)
    return len(items)
