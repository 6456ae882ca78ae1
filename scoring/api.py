"""The stable public interface of the scoring library, in one import.

::

    from scoring.api import load_definition, parse_answers, score, result_json

    definition = load_definition("questionnaires/mgf/2026.1.yaml")
    answers = parse_answers(definition, {"questionnaire": "mgf", "version": "2026.1",
                                         "answers": {...}, "overrides": {...}})
    scoreset = score(definition, answers)          # both results, gaps, recommendations
    text = result_json(scoreset)                   # DESIGN §4 JSON, byte-deterministic

``check_answer``/``check_override`` validate a single save; ``explain`` tells how one node's
score was obtained; ``carry_forward`` moves answers to a newer version; ``results_frame``
(in ``scoring.frames``, which imports pandas) builds comparison tables.
"""

from scoring.answer_types import Answer, AnswersError, AnswerSet, Override, Problem
from scoring.answers import check_answer, check_override, parse_answers
from scoring.answers_io import answers_document, load_answers, read_answers_file
from scoring.carry import CarryResult, Confirmation, carry_forward
from scoring.engine import score
from scoring.explain import UnknownNodeError, explain
from scoring.loader import load_definition, load_mapping
from scoring.output import result_dict, result_json
from scoring.results import ScoreSet

__all__ = [
    "Answer",
    "AnswerSet",
    "AnswersError",
    "CarryResult",
    "Confirmation",
    "Override",
    "Problem",
    "ScoreSet",
    "UnknownNodeError",
    "answers_document",
    "carry_forward",
    "check_answer",
    "check_override",
    "explain",
    "load_answers",
    "load_definition",
    "load_mapping",
    "parse_answers",
    "read_answers_file",
    "result_dict",
    "result_json",
    "score",
]
