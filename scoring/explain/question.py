"""Plain-text explanation of one question's score (see ``scoring.explain.nodes``)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from scoring.definition.model import Question
from scoring.engine.questions import linear_score, matched_threshold, option_scores, question_score
from scoring.engine.results import Figure, QuestionResult, ScoreSet

SHOWN_PLACES = 10
STATUS_TEXT = {
    "answered": "answered: the answer's score counts",
    "na": "not applicable: excluded from its area's numerator and denominator",
    "not_relevant": "not relevant (its relevant expression is false): excluded",
    "unknown": "unknown (don't know): scores 0 and is flagged",
    "missing": "missing (no answer): scores 0 and is flagged",
    "overridden": "overridden: the evaluator's score replaces the self-assessed one",
}
NA_ZERO_TEXT = (
    "not applicable: counts as 0 and stays in its area's denominator "
    "(na: zero, a fixed denominator as in SDG 10.7.2); not a gap"
)


def show_number(value: Fraction | Decimal | int) -> str:
    """An exact number in plain decimal notation; a repeating decimal is cut and ends with …."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    value = Fraction(value)
    scaled = value * 10**SHOWN_PLACES
    text = format(Decimal(int(scaled)).scaleb(-SHOWN_PLACES).normalize(), "f")
    return text if scaled.denominator == 1 else text + "…"


def explain_question(scoreset: ScoreSet, result: QuestionResult) -> str:
    """How ``result``'s self-assessed and validated scores were obtained."""
    question = scoreset.definition.question_map[result.id]
    lines = [
        f"question {result.id} (area {result.area}, domain {result.domain})",
        f"type: {question.type}; weight {show_number(question.weight)}",
    ]
    if question.relevant:
        holds = "false" if result.self_status == "not_relevant" else "true"
        lines.append(f"relevant when: {question.relevant} → {holds}")
    lines.append(f"self-assessed status: {status_text(scoreset, result)}")
    lines += _self_lines(scoreset, question, result)
    lines += _validated_lines(scoreset, result)
    if result.flags:
        lines.append(f"flags: {', '.join(result.flags)}")
    return "\n".join(lines) + "\n"


def status_text(scoreset: ScoreSet, result: QuestionResult) -> str:
    """What the self-assessed status means for this question (``na`` follows its domain's rule)."""
    definition = scoreset.definition
    domain = next(d for d in definition.domains if d.id == result.domain)
    if result.self_status == "na" and result.scored and definition.domain_na(domain) == "zero":
        return NA_ZERO_TEXT
    return STATUS_TEXT[result.self_status]


def _self_lines(scoreset: ScoreSet, question: Question, result: QuestionResult) -> list[str]:
    if not result.scored:
        return ["not scored: text, date and profile questions never enter aggregation"]
    lines = []
    if result.self_status == "answered":
        lines.append(f"answer: {_show_value(result.answer.value)}")
        lines += rule_lines(question, result.answer.value)
    lines.append(f"self-assessed score: {_figure_text(scoreset, result.assessed)}")
    return lines


def _validated_lines(scoreset: ScoreSet, result: QuestionResult) -> list[str]:
    if result.override is not None:
        override = result.override
        return [
            f"override: {show_number(override.score)} (justification: {override.justification})",
            f"validated score: {_figure_text(scoreset, result.validated)}",
        ]
    if result.scored:
        return ["validated score: same as self-assessed (no override)"]
    return []


def rule_lines(question: Question, value: object) -> list[str]:
    """The scoring rule of ``question`` applied to an answered ``value``."""
    if question_score(question, value) is None:
        return ["rule: this answer carries no score: the question is excluded"]
    if question.type in ("yes_no", "single_choice"):
        return [f"rule: option {value} scores {show_number(option_scores(question)[value])}"]
    if question.type == "multi_choice":
        return [_multi_line(question, value)]
    if question.scoring.method == "linear":
        return [_linear_line(question, value)]
    return _threshold_lines(question, value)


def _multi_line(question: Question, value: tuple[str, ...]) -> str:
    table = {code: score or Fraction(0) for code, score in option_scores(question).items()}
    listed = " + ".join(f"{code} {show_number(table[code])}" for code in value)
    total = sum((table[code] for code in value), Fraction(0))
    capped = " capped at 100" if total > 100 else ""
    result = show_number(question_score(question, value))
    return (
        "rule: sum of the selected options' scores: "
        f"{listed or 'nothing selected'} = {show_number(total)}{capped} → {result}"
    )


def _linear_line(question: Question, value: Decimal) -> str:
    best, worst = (show_number(bound) for bound in (question.scoring.best, question.scoring.worst))
    score = linear_score(question.scoring.best, question.scoring.worst, value)
    numbers = f"100 × ({show_number(value)} − {worst}) / ({best} − {worst})"
    return (
        "rule: linear clamp(100 × (v − worst) / (best − worst), 0, 100) = "
        f"clamp({numbers}, 0, 100) = {show_number(score)}"
    )


def _threshold_lines(question: Question, value: Decimal) -> list[str]:
    higher = question.scoring.direction == "higher_is_better"
    bound, test = ("min", "≥") if higher else ("max", "≤")
    chosen = matched_threshold(question, value)
    lines = [
        f"rule: thresholds ({question.scoring.direction}): "
        f"the first whose {bound} the value meets (v {test} {bound})"
    ]
    for index, threshold in enumerate(question.scoring.thresholds):
        limit = threshold.min if higher else threshold.max
        shown = "-" if limit is None else show_number(limit)
        mark = _threshold_mark(index, chosen)
        lines.append(f"  {bound} {shown} → {show_number(threshold.score)}: {mark}")
    if chosen is None:
        lines.append("  no threshold met: the score is 0")
    return lines


def _threshold_mark(index: int, chosen: int | None) -> str:
    if index == chosen:
        return "met: this one"
    # Thresholds after the chosen one are never tried.
    return "not met" if chosen is None or index < chosen else "not reached"


def _figure_text(scoreset: ScoreSet, figure: Figure) -> str:
    if figure.exact is None:
        return "null (excluded), band null"
    return f"{show_number(figure.exact)} → reported {figure.reported} → band {figure.band}"


def _show_value(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, Decimal):
        return show_number(value)
    return str(value)
