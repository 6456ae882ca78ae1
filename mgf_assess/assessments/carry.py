"""Starting from the previous cycle: carry answers forward through the version mapping."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.locking import lock_editable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.queries import previous_assessment
from mgf_assess.assessments.saving import answer_fields, write_answer
from mgf_assess.assessments.scoring_bridge import answers_document, definition_for
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db
from scoring.api import (
    CarryResult,
    QuestionMapping,
    VersionMapping,
    carry_forward,
    load_mapping,
    parse_answers,
)

REASON_LABELS = {
    "indirect": _l("comparable with caution: the question changed"),
    "options_mapped": _l("answer options were renamed"),
    "not_comparable": _l("new or changed question: no earlier answer applies"),
    "not_mapped": _l("no earlier question corresponds"),
    "no_source": _l("no earlier question corresponds"),
    "source_unanswered": _l("the earlier question was not answered"),
    "invalid_value": _l("the earlier answer does not fit the new question"),
}


@dataclass
class CarryPlan:
    previous: Assessment
    result: CarryResult

    @property
    def carried(self) -> int:
        return len(self.result.answers.answers)


def _identity_mapping(definition) -> VersionMapping:
    questions = {q: QuestionMapping(source=q, comparability="direct") for q in definition.question_map}
    return VersionMapping(format_version=1, questionnaire=definition.id, from_version=definition.version,
                          to_version=definition.version, questions=questions)


def _mapping(old_def, new_def) -> VersionMapping:
    if old_def.version == new_def.version:
        return _identity_mapping(new_def)
    folder = Path(current_app.config["QUESTIONNAIRES_FOLDER"]) / new_def.id / "mappings"
    path = folder / f"{old_def.version}-to-{new_def.version}.yaml"
    if not path.is_file():
        raise OperationError(_l("There is no mapping from version %(old)s to %(new)s: answers cannot be "
                                "carried forward.", old=old_def.version, new=new_def.version))
    return load_mapping(path, old_def, new_def)


def plan(assessment: Assessment) -> CarryPlan | None:
    """What carrying forward would do (None when there is no earlier assessment)."""
    previous = previous_assessment(assessment)
    if previous is None:
        return None
    old_def, new_def = definition_for(previous), definition_for(assessment)
    old_answers = parse_answers(old_def, answers_document(previous))
    return CarryPlan(previous, carry_forward(old_def, new_def, _mapping(old_def, new_def), old_answers))


def apply(actor, assessment: Assessment) -> int:
    """Store the carried answers, each marked "carried over — please confirm"; existing answers
    are never overwritten. Returns how many answers were stored."""
    assessment = lock_editable(assessment)
    carry = plan(assessment)
    if carry is None:
        raise OperationError(_l("This country has no earlier assessment to start from."))
    answered = set(db.session.scalars(db.select(Answer.question_id).filter_by(assessment_id=assessment.id)))
    notes: dict[str, list[str]] = {}
    for item in carry.result.needs_confirmation:
        notes.setdefault(item.question, []).append(item.reason)
    stored = [qid for qid in carry.result.answers.answers if qid not in answered]
    for qid in stored:
        fields = {**answer_fields(carry.result.answers.answers[qid]), "carried_over": True,
                  "carry_note": ",".join(notes.get(qid, [])) or "direct"}
        write_answer(actor, assessment, qid, None, fields, action="answer.carry_forward")
    assessment.carried_from_id = carry.previous.id
    audit.record(actor, "assessment.carry_forward", "assessment", assessment.id, country=assessment.country_code,
                 new={"from": carry.previous.id, "answers": len(stored)})
    return len(stored)
