"""Plain-text explanation of how one score was obtained (``python -m scoring explain``).

For an overall, domain or area node: its method, each child with score, weight and whether
it was included (and why not), the formula with the numbers, the rounding and band step, and
completeness/confidence. For a question: its answer, the rule that turned it into a score,
the status and the override. Numbers are shown exactly (a repeating decimal ends with …).
"""

from __future__ import annotations

import difflib
from fractions import Fraction

from scoring.engine.aggregate import report
from scoring.engine.results import (
    DomainResult,
    Figure,
    OverallResult,
    QuestionResult,
    ScoreSet,
    Tally,
)
from scoring.explain.question import explain_question, show_number

METHOD_TEXT = {
    "mean": "mean (arithmetic mean of the included children; weights unused)",
    "weighted_mean": "weighted_mean (Σ wᵢsᵢ / Σ wᵢ over the included children)",
    "min": "min (weakest link: the lowest included child; weights unused)",
    "none": "none (no overall score)",
}
EXCLUSION_TEXT = {
    "na": "excluded: not applicable",
    "not_relevant": "excluded: not relevant",
}


class UnknownNodeError(LookupError):
    """No node with that id; ``suggestion`` is the closest id or None."""

    def __init__(self, node_id: str, suggestion: str | None) -> None:
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(f"no node {node_id!r}{hint}")
        self.node_id = node_id
        self.suggestion = suggestion


def explain(scoreset: ScoreSet, node_id: str) -> str:
    """How the score of ``node_id`` (``overall``, a domain, area or question id) was obtained."""
    node = scoreset.node(node_id)
    if node is None:
        close = difflib.get_close_matches(node_id, ["overall", *scoreset.nodes()], n=1)
        raise UnknownNodeError(node_id, close[0] if close else None)
    if isinstance(node, QuestionResult):
        return explain_question(scoreset, node)
    return "\n".join(_explain_parent(scoreset, node)) + "\n"


def _explain_parent(scoreset: ScoreSet, node) -> list[str]:
    children, kind = _children(scoreset, node)
    lines = [_title(node), f"method: {METHOD_TEXT[node.method]}", *_na_lines(scoreset, node)]
    lines.append(f"children ({kind}):")
    lines += [_child_line(child) for child in children]
    lines += _result_lines(
        scoreset, "validated", node.method, children, node.validated, "validated"
    )
    lines += _self_lines(scoreset, node, children)
    if isinstance(node, DomainResult):
        lines.append(_target_line(node))
    return lines + _tally_lines(node.tally)


NA_RULE_TEXT = {
    "exclude": "na: exclude (a not-applicable answer is left out of the score and its denominator)",
    "zero": "na: zero (a not-applicable answer counts as 0 and stays in the denominator)",
}


def _na_lines(scoreset: ScoreSet, node) -> list[str]:
    """How not-applicable answers count below a domain or an area (its domain's ``na``)."""
    if isinstance(node, OverallResult):
        return []
    definition = scoreset.definition
    domain_id = node.id if isinstance(node, DomainResult) else node.domain
    domain = next(d for d in definition.domains if d.id == domain_id)
    return [NA_RULE_TEXT[definition.domain_na(domain)]]


def _children(scoreset: ScoreSet, node) -> tuple[tuple, str]:
    if isinstance(node, OverallResult):
        return scoreset.domains, "domains"
    if isinstance(node, DomainResult):
        return node.areas, "areas"
    return node.questions, "questions"


def _title(node) -> str:
    if isinstance(node, OverallResult):
        return "overall"
    if isinstance(node, DomainResult):
        return f"domain {node.id}"
    return f"area {node.id} (domain {node.domain})"


def _child_line(child) -> str:
    score = _score_text(child.validated)
    if child.assessed != child.validated:
        score += f" (self-assessed {_score_text(child.assessed)})"
    weight = show_number(child.weight)
    return f"  {child.id:<32} score {score:<28} weight {weight:<6} {_inclusion(child)}"


def _inclusion(child) -> str:
    if child.validated.exact is not None:
        if isinstance(child, QuestionResult) and child.status == "na":
            return "included [na: counts as 0]"
        return "included" + (f" [{child.status}]" if isinstance(child, QuestionResult) else "")
    if isinstance(child, QuestionResult):
        if not child.scored:
            return "excluded: not scored"
        return EXCLUSION_TEXT.get(child.status, "excluded: no score")
    return "excluded: no score (no included child)"


def _score_text(figure: Figure) -> str:
    return "null" if figure.exact is None else show_number(figure.exact)


def _result_lines(
    scoreset: ScoreSet, label: str, method: str, children, figure: Figure, side: str
) -> list[str]:
    included = [
        (getattr(c, side).exact, Fraction(c.weight))
        for c in children
        if getattr(c, side).exact is not None
    ]
    if method == "none":
        return [f"{label}: method none: no score, band null"]
    if not included:
        return [f"{label}: no included child: score null, band null"]
    return [
        f"{label}: {formula(method, included)} = {show_number(figure.exact)}",
        rounding_line(scoreset, figure),
    ]


def _self_lines(scoreset: ScoreSet, node, children) -> list[str]:
    if node.assessed == node.validated and all(c.assessed == c.validated for c in children):
        return ["self-assessed: same as validated (no override below this node)"]
    return _result_lines(
        scoreset, "self-assessed", node.method, children, node.assessed, "assessed"
    )


def formula(method: str, included: list[tuple[Fraction, Fraction]]) -> str:
    """The aggregation written out with its numbers."""
    scores = [show_number(score) for score, _ in included]
    if method == "min":
        return f"min({', '.join(scores)})"
    if method == "mean":
        return f"({' + '.join(scores)}) / {len(scores)}"
    products = " + ".join(f"{show_number(w)} × {show_number(s)}" for s, w in included)
    weights = " + ".join(show_number(w) for _, w in included)
    return f"({products}) / ({weights})"


def rounding_line(scoreset: ScoreSet, figure: Figure) -> str:
    """The rounding and band step for one figure."""
    mins = {band.code: band.min for band in scoreset.definition.bands}
    band = (
        "none" if figure.band is None else f"{figure.band} (min {show_number(mins[figure.band])})"
    )
    return (
        f"  reported {figure.reported} (half-up to 2 decimals) → band {band}: "
        f"the band with the greatest min ≤ {figure.reported}"
    )


def _target_line(domain: DomainResult) -> str:
    if domain.below_target is None:
        return f"target band: {domain.target_band}; no score, so no comparison"
    verdict = "below target: a gap" if domain.below_target else "meets its target"
    return f"target band: {domain.target_band}; {verdict}"


def _tally_lines(tally: Tally) -> list[str]:
    return [
        f"completeness: {tally.complete} of {tally.relevant} relevant questions answered, "
        f"justified na or overridden = {_share(tally.completeness)}",
        f"confidence: {tally.evidenced} of {tally.evidence_base} included answers carry accepted "
        f"evidence = {_share(tally.confidence)}",
    ]


def _share(value: Fraction | None) -> str:
    return "null" if value is None else show_number(report(value, 4))
