"""Typed, frozen model of a questionnaire definition (format_version 1).

The model describes the *shape* of a file: keys, types and simple ranges. Rules that
span several keys (unique ids, ascending bands, relevance references …) live in
``scoring.definition.validate``. The JSON Schema in ``questionnaires/schema/`` is generated from
these classes (``python -m scoring schema``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CODE_PATTERN = r"^[a-z0-9_]+$"
ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"
OPTION_PATTERN = r"^\S+$"
Code = Annotated[str, Field(pattern=CODE_PATTERN, min_length=1, max_length=64)]
# Ids of domains, areas, questions and recommendations: XLSForm's names (letters of either case,
# digits, _, - and .), so that a form's names and the ${name} of its expressions stay as written.
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
# Option codes: any text without spaces, as XLSForm's choice names (0.5, 4_or_more, 2022).
OptionCode = Annotated[str, Field(pattern=OPTION_PATTERN, min_length=1, max_length=200)]
LangText = dict[str, str]
Score = Annotated[Decimal, Field(ge=0, le=100)]
Weight = Annotated[Decimal, Field(gt=0)]

QUESTION_TYPES = ("yes_no", "single_choice", "multi_choice", "number", "percent", "text", "date", "note")
CHOICE_TYPES = ("single_choice", "multi_choice")
NUMERIC_TYPES = ("number", "percent")
NUMBER_LIMIT = Decimal(10) ** 15  # no answer to a number question is larger (or below its negative)
PERCENT_RANGE = (Decimal(0), Decimal(100))
UNSCORED_TYPES = ("text", "date", "note")
QuestionType = Literal["yes_no", "single_choice", "multi_choice", "number", "percent", "text", "date", "note"]
Method = Literal["mean", "weighted_mean", "min"]
OverallMethod = Literal["mean", "weighted_mean", "min", "none"]
Priority = Literal["high", "medium", "low"]
# How a justified "not applicable" answer counts: left out of the score and its denominator
# (exclude, the default), or as 0 with the denominator kept (zero: SDG 10.7.2's fixed count).
NaRule = Literal["exclude", "zero"]
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


class Node(BaseModel):
    """Base of every model class: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Band(Node):
    code: Code
    min: Score
    label: LangText


class Option(Node):
    code: OptionCode
    score: Score | None = None
    label: LangText


class Threshold(Node):
    """One step of a thresholds scale: ``min`` for higher_is_better, ``max`` for lower_is_better."""

    score: Score
    min: Decimal | None = None
    max: Decimal | None = None


class Scoring(Node):
    method: Literal["thresholds", "linear"]
    direction: Literal["higher_is_better", "lower_is_better"] = "higher_is_better"
    thresholds: tuple[Threshold, ...] = ()
    best: Decimal | None = None
    worst: Decimal | None = None


class Recommendation(Node):
    id: Id
    below: Score = Decimal(100)
    priority: Priority = "medium"
    text: LangText


class Tags(Node):
    migof: str | None = None
    sdg_1072: str | None = None
    gcm: tuple[int, ...] = ()


class Question(Node):
    """A question, or a ``note``: a text shown in the form, never answered nor scored."""

    id: Id
    type: QuestionType
    label: LangText
    help: LangText | None = None
    unit: LangText | None = None
    required: bool = True
    weight: Weight = Decimal(1)
    allow_na: bool = False
    allow_unknown: bool = False
    evidence: Literal["none", "optional", "required"] = "optional"
    relevant: str | None = None
    constraint: str | None = None  # checked on every save; "." is the answer
    constraint_message: LangText | None = None
    options: tuple[Option, ...] = ()
    scoring: Scoring | None = None
    min: Decimal | None = None  # number and percent: the smallest answer accepted
    max: Decimal | None = None  # number and percent: the largest answer accepted
    tags: Tags = Tags()
    recommendations: tuple[Recommendation, ...] = ()

    @model_validator(mode="after")
    def _note_defaults(self) -> Question:
        # A note is never answered: not required and without evidence unless the file says so
        # (which validation refuses). Set behind the frozen model's back, so that these
        # defaults stay unset and are never written out.
        if self.type == "note":
            for key, value in (("required", False), ("evidence", "none")):
                if key not in self.model_fields_set:
                    object.__setattr__(self, key, value)
        return self

    @property
    def answerable(self) -> bool:
        """False for a note, which is only shown."""
        return self.type != "note"

    @property
    def scored(self) -> bool:
        """True when the question contributes a score.

        Text and date questions never do; a choice question whose options carry no score
        at all is a profile question (used in relevance expressions), not a scored one.
        """
        if self.type in UNSCORED_TYPES:
            return False
        if self.type in CHOICE_TYPES:
            return any(option.score is not None for option in self.options)
        return True

    @cached_property
    def value_range(self) -> tuple[Decimal, Decimal]:
        """The answers a number or percent question accepts, bounds included: ``min``/``max``
        within 0–100 for a percent and within ±10¹⁵ for a number."""
        low, high = PERCENT_RANGE if self.type == "percent" else (-NUMBER_LIMIT, NUMBER_LIMIT)
        return (low if self.min is None else max(low, self.min), high if self.max is None else min(high, self.max))

    @cached_property
    def option_map(self) -> dict[str, Option]:
        return {option.code: option for option in self.options}


class Area(Node):
    id: Id
    title: LangText
    help: LangText | None = None
    weight: Weight = Decimal(1)
    method: Method = "mean"
    questions: tuple[Question, ...]


class Domain(Node):
    id: Id
    title: LangText
    help: LangText | None = None
    weight: Weight = Decimal(1)
    method: Method = "mean"
    target_band: Code | None = None
    na: NaRule | None = None  # overrides the questionnaire's ``na`` for this domain
    areas: tuple[Area, ...]


class Definition(Node):
    format_version: Literal[1]
    id: Code
    version: Annotated[str, Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$", max_length=32)]
    status: Literal["draft", "published", "retired"]
    languages: tuple[Code, ...] = ("en",)
    title: LangText
    description: LangText | None = None
    bands: tuple[Band, ...]
    target_band: Code
    method: OverallMethod = "mean"
    na: NaRule = "exclude"
    domains: tuple[Domain, ...]

    def iter_questions(self) -> Iterator[tuple[Domain, Area, Question]]:
        """Yield every question with its domain and area, in file order."""
        for domain in self.domains:
            for area in domain.areas:
                for question in area.questions:
                    yield domain, area, question

    @cached_property
    def question_map(self) -> dict[str, Question]:
        return {question.id: question for _, _, question in self.iter_questions()}

    @property
    def source_language(self) -> str:
        """The first of ``languages``: every text has it, and the form falls back to it."""
        return self.languages[0] if self.languages else "en"

    def domain_target(self, domain: Domain) -> str:
        """The band code a domain is measured against in gap analysis."""
        return domain.target_band or self.target_band

    def domain_na(self, domain: Domain) -> str:
        """How not-applicable answers count in a domain: ``exclude`` or ``zero``."""
        return domain.na or self.na


class QuestionMapping(Node):
    """Where one question of the newer version takes its answer from."""

    source: Id | None = Field(default=None, alias="from")
    comparability: Literal["direct", "indirect", "none"]
    options: dict[str, str] = {}
    note: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class VersionMapping(Node):
    """A mapping file: ``questionnaires/<id>/mappings/<from>-to-<to>.yaml``."""

    format_version: Literal[1]
    questionnaire: Code
    from_version: str
    to_version: str
    questions: dict[str, QuestionMapping]
