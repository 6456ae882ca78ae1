"""What a submission requires, and what it only suggests.

Required: every relevant required question answered or justified as not applicable, no
answer still "carried over — please confirm", and evidence attached to every answered
question whose evidence the questionnaire marks ``required``. Suggested (a warning, never a
refusal): evidence on answered questions whose evidence is ``optional``.

Only relevant questions count: a question its relevance rule hides needs nothing. Evidence is
asked of answers (status ``answered``): a question marked not applicable carries its
justification instead, and "don't know" has nothing to cite.
"""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.assessments import queries
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment


@dataclass(frozen=True)
class Readiness:
    """Questions in the way of a submission, and those that would be better with evidence.
    Each entry is ``{"question", "domain", "area"}``, in questionnaire order."""

    missing: list[dict]  # required, relevant, neither answered nor justified
    unconfirmed: list[dict]  # carried over from the previous cycle, not confirmed yet
    evidence_missing: list[dict]  # answered; evidence required; none attached
    evidence_suggested: list[dict]  # answered; evidence optional; none attached

    @property
    def ready(self) -> bool:
        """Whether the assessment may be submitted (suggestions do not stand in the way)."""
        return not (self.missing or self.unconfirmed or self.evidence_missing)


def readiness_of(assessment: Assessment, result: dict | None = None) -> Readiness:
    """What stands in the way of submitting ``assessment``; ``result`` is its score result
    when the caller has it already."""
    result = result or score_assessment(assessment)
    carried = {qid for qid, answer in queries.answers_of(assessment).items() if answer.carried_over}
    evidenced = set(queries.evidence_of(assessment))
    lists: dict[str, list[dict]] = {"missing": [], "unconfirmed": [], "evidence_missing": [],
                                    "evidence_suggested": []}
    questions = definition_for(assessment).question_map
    for item, status in _relevant(result):
        for name in _shortfalls(questions[item["question"]], status, item["question"] in carried,
                                item["question"] in evidenced):
            lists[name].append(item)
    return Readiness(**lists)


def _relevant(result: dict):
    """(location, the country's own status) of every question its relevance rule shows."""
    for domain in result["domains"]:
        for area in domain["areas"]:
            for question in area["questions"]:
                location = {"question": question["id"], "domain": domain["id"], "area": area["id"]}
                if question["self_status"] != "not_relevant":
                    yield location, question["self_status"]


def _shortfalls(question, status: str, carried: bool, evidenced: bool) -> list[str]:
    """The lists of ``Readiness`` one relevant question belongs to."""
    found = []
    if question.required and status == "missing":
        found.append("missing")
    if carried:
        found.append("unconfirmed")
    if status == "answered" and not evidenced and question.evidence in ("required", "optional"):
        found.append("evidence_missing" if question.evidence == "required" else "evidence_suggested")
    return found
