"""The public interface of the scoring library: everything outside ``scoring`` imports from here.

The application (``mgf_assess``), the benchmarks and notebooks use the library only through
this module; the modules behind it may move between releases, these names do not::

    from scoring.api import load_definition, parse_answers, score, result_json

    definition = load_definition("questionnaires/mgf/2026.1.yaml")
    answers = parse_answers(definition, {"questionnaire": "mgf", "version": "2026.1",
                                         "answers": {...}, "overrides": {...}})
    scoreset = score(definition, answers)          # both results, gaps, recommendations
    text = result_json(scoreset)                   # DESIGN §4 JSON, byte-deterministic

What is here, by topic:

* definitions: ``load_definition``, ``definition_from_text``, ``check_file`` and
  ``check_definition_file`` (a ``Report`` with every issue, never raising), ``load_mapping``,
  ``is_mapping_path``, the model classes (``Definition``, ``Domain``, ``Area``, ``Question``,
  ``VersionMapping``, ``QuestionMapping``);
* answers: ``parse_answers`` (a whole document), ``check_answer``/``check_override`` (one
  save), answer files (``read_answers_file``, ``load_answers``, ``answers_document``), the
  types ``Answer``, ``Override``, ``AnswerSet``; ``MAX_TEXT`` (the longest text answer or
  justification); a number question's accepted range is ``Question.value_range``;
* scores: ``score`` → ``ScoreSet`` (``DomainResult``, ``QuestionResult``, ``Gap``,
  ``RecommendationHit``), its JSON (``result_dict``, ``result_json``), ``report`` (half-up
  rounding as reported), ``plan_for``/``hidden_questions`` (which questions are relevant),
  ``matched_threshold``, ``explain`` (how a score was obtained, as text);
* problems: every problem is a ``Problem`` (code, location, message, fix, severity; a file
  and line for definition files) described by its entry in ``Catalog``; ``DefinitionError``
  and ``AnswersError`` carry every problem found;
* carry-forward: ``carry_forward`` → ``CarryResult`` of ``Confirmation`` items,
  ``MappingMismatchError``;
* change between cycles: ``score_subset`` (score only some questions), ``compare_cycles`` →
  ``DomainChange`` per domain (like for like across versions through the mapping, with its
  comparability and coverage), ``direct_change`` (the same from two stored results of one
  version), ``comparable_questions`` (what a mapping lets compare), ``band_movement``;
* XLSForm: ``import_xlsform`` (any workbook pyxform converts → an ``XlsformImport``: the
  draft definition, its YAML text and an ``ImportReport`` of every row), ``write_xlsform``,
  ``read_xlsform_to_yaml``, ``read_xlsform`` (openpyxl is imported only when a workbook is
  written or read); ``definition_yaml`` writes a definition as YAML, ``language_completeness``
  tells how complete each language's texts are;
* comparisons: ``results_frame`` builds a pandas DataFrame of many score sets; pandas is
  imported on first use of that name, so importing this module stays light;
* ``cli_main``: the ``python -m scoring`` command line, callable with an argument list;
* ``ENGINE_VERSION``: stored beside every score snapshot.
"""

from typing import TYPE_CHECKING

from scoring import ENGINE_VERSION
from scoring.answers.check import check_answer, check_override, parse_answers
from scoring.answers.coerce import MAX_TEXT
from scoring.answers.documents import answers_document, load_answers, read_answers_file
from scoring.answers.model import Answer, AnswerSet, Override
from scoring.cli.main import main as cli_main
from scoring.definition.loader import (
    Report,
    check_definition_file,
    check_file,
    definition_from_text,
    load_definition,
    load_mapping,
)
from scoring.definition.model import (
    Area,
    Definition,
    Domain,
    Question,
    QuestionMapping,
    VersionMapping,
)
from scoring.definition.rules.paths import is_mapping_path
from scoring.definition.rules.texts import language_completeness
from scoring.engine.aggregate import report
from scoring.engine.carry import CarryResult, Confirmation, MappingMismatchError, carry_forward
from scoring.engine.change import (
    DomainChange,
    band_movement,
    comparable_questions,
    compare_cycles,
    direct_change,
)
from scoring.engine.output import result_dict, result_json
from scoring.engine.plan import plan_for
from scoring.engine.questions import matched_threshold
from scoring.engine.results import DomainResult, Gap, QuestionResult, RecommendationHit, ScoreSet
from scoring.engine.score import hidden_questions, score
from scoring.engine.subset import score_subset
from scoring.explain.nodes import UnknownNodeError, explain
from scoring.problems.catalog import Catalog
from scoring.problems.problem import AnswersError, DefinitionError, Problem
from scoring.xlsform.dump import definition_yaml
from scoring.xlsform.read import XlsformImport, import_xlsform, read_xlsform, read_xlsform_to_yaml
from scoring.xlsform.report import ImportReport
from scoring.xlsform.write import write_xlsform

if TYPE_CHECKING:  # imported on first use by __getattr__ below: it needs pandas
    from scoring.frames import results_frame

__all__ = [
    "ENGINE_VERSION",
    "MAX_TEXT",
    "Answer",
    "AnswerSet",
    "AnswersError",
    "Area",
    "CarryResult",
    "Catalog",
    "Confirmation",
    "Definition",
    "DefinitionError",
    "Domain",
    "DomainChange",
    "DomainResult",
    "Gap",
    "ImportReport",
    "MappingMismatchError",
    "Override",
    "Problem",
    "Question",
    "QuestionMapping",
    "QuestionResult",
    "RecommendationHit",
    "Report",
    "ScoreSet",
    "UnknownNodeError",
    "VersionMapping",
    "XlsformImport",
    "answers_document",
    "band_movement",
    "carry_forward",
    "check_answer",
    "check_definition_file",
    "check_file",
    "check_override",
    "cli_main",
    "comparable_questions",
    "compare_cycles",
    "definition_from_text",
    "definition_yaml",
    "direct_change",
    "explain",
    "hidden_questions",
    "import_xlsform",
    "is_mapping_path",
    "language_completeness",
    "load_answers",
    "load_definition",
    "load_mapping",
    "matched_threshold",
    "parse_answers",
    "plan_for",
    "read_answers_file",
    "read_xlsform",
    "read_xlsform_to_yaml",
    "report",
    "result_dict",
    "result_json",
    "results_frame",
    "score",
    "score_subset",
    "write_xlsform",
]


def __getattr__(name: str) -> object:
    # results_frame needs pandas: import it on first use, not with this module (PEP 562).
    if name == "results_frame":
        from scoring.frames import results_frame

        return results_frame
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
