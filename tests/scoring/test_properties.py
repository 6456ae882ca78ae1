"""Properties over generated definitions and answers: ranges, order independence, monotonicity,
determinism."""

import json
import math
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.answers.check import Answer, AnswerSet, Override
from scoring.definition.model import Definition
from scoring.engine.aggregate import band_for
from scoring.engine.output import result_json
from scoring.engine.plan import plan_for
from scoring.engine.score import score
from tests.scoring.fixtures.builders import area, definition, domain, options, question

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
scores = st.decimals(min_value=0, max_value=100, places=2)
weights = st.sampled_from(["0.5", "1", "1.5", "2", "3", "0.333"]).map(Decimal)
methods = st.sampled_from(["mean", "weighted_mean", "min"])


@st.composite
def questions(draw, number):
    qid = f"q{number}"
    kind = draw(st.sampled_from(["choice", "yes_no", "multi", "thresholds", "linear", "text"]))
    extra = {
        "weight": draw(weights),
        "allow_na": draw(st.booleans()),
        "allow_unknown": draw(st.booleans()),
    }
    if number and draw(st.integers(0, 3)) == 0:
        earlier = draw(st.integers(0, number - 1))
        extra["relevant"] = (
            draw(st.sampled_from(["${q%d} = 'yes'", "${q%d} != ''", "not(${q%d} < 50)"])) % earlier
        )
    if kind == "choice":
        return question(
            qid,
            "single_choice",
            options=options(*((f"o{i}", draw(scores)) for i in range(3))),
            **extra,
        )
    if kind == "multi":
        return question(
            qid,
            "multi_choice",
            options=options(*((f"o{i}", draw(scores)) for i in range(3))),
            **extra,
        )
    if kind == "thresholds":
        bounds = sorted(
            draw(st.lists(st.integers(0, 100), min_size=1, max_size=3, unique=True)), reverse=True
        )
        steps = [{"min": bound, "score": draw(scores)} for bound in bounds]
        return question(
            qid, "percent", scoring={"method": "thresholds", "thresholds": steps}, **extra
        )
    if kind == "linear":
        best, worst = draw(st.sampled_from([(0, 10), (100, 0), (3, 0), (0, 7)]))
        return question(
            qid, "number", scoring={"method": "linear", "best": best, "worst": worst}, **extra
        )
    return question(qid, kind if kind == "yes_no" else "text", **extra)


@st.composite
def definitions(draw):
    counter = iter(range(1000))
    domains_ = []
    for d in range(draw(st.integers(1, 3))):
        areas = [
            area(
                f"a{d}_{a}",
                *(draw(questions(next(counter))) for _ in range(draw(st.integers(1, 4)))),
                method=draw(methods),
                weight=draw(weights),
            )
            for a in range(draw(st.integers(1, 3)))
        ]
        domains_.append(domain(f"d{d}", *areas, method=draw(methods), weight=draw(weights)))
    return definition(
        *domains_, method=draw(st.sampled_from(["mean", "weighted_mean", "min", "none"]))
    )


def value_for(draw, q):
    if q.type == "single_choice":
        return draw(st.sampled_from([o.code for o in q.options]))
    if q.type == "multi_choice":
        return tuple(c for c in (o.code for o in q.options) if draw(st.booleans()))
    if q.type == "yes_no":
        return draw(st.sampled_from(["yes", "no"]))
    if q.type in ("number", "percent"):
        return draw(st.decimals(min_value=-5 if q.type == "number" else 0, max_value=100, places=3))
    return "text"


@st.composite
def cases(draw):
    defn = draw(definitions())
    answers, overrides = {}, {}
    for _, _, q in defn.iter_questions():
        statuses = (
            ["missing", "answered", "answered"]
            + ["na"] * q.allow_na
            + ["unknown"] * q.allow_unknown
        )
        status = draw(st.sampled_from(statuses))
        if status == "answered":
            answers[q.id] = Answer(q.id, "answered", value_for(draw, q))
        elif status != "missing":
            answers[q.id] = Answer(q.id, status, None, "why" if status == "na" else None)
        if q.type != "text" and draw(st.integers(0, 5)) == 0:
            overrides[q.id] = Override(q.id, draw(scores), "checked")
    return defn, AnswerSet(defn.id, defn.version, answers, overrides)


def every_node(result):
    yield result.overall
    for d in result.domains:
        yield d
        for a in d.areas:
            yield a
            yield from a.questions


def exact_scores(result):
    return {
        getattr(node, "id", "overall"): (node.validated.exact, node.assessed.exact)
        for node in every_node(result)
    }


@SETTINGS
@given(cases())
def test_every_score_is_in_range_or_null_and_banded_from_its_reported_value(case):
    defn, answer_set = case
    result = score(defn, answer_set)
    bands = plan_for(defn).bands
    for node in every_node(result):
        for figure in (node.validated, node.assessed):
            if figure.exact is None:
                assert figure.reported is None and figure.band is None
            else:
                assert 0 <= figure.exact <= 100 and 0 <= figure.reported <= 100
                assert figure.band == band_for(bands, figure.reported)


def reorder(defn: Definition) -> Definition:
    data = defn.model_dump(by_alias=True)
    for d in data["domains"]:
        for a in d["areas"]:
            a["questions"] = a["questions"][::-1]
        d["areas"] = d["areas"][::-1]
    data["domains"] = data["domains"][::-1]
    return Definition.model_validate(data)


@SETTINGS
@given(cases())
def test_child_order_does_not_matter(case):
    defn, answer_set = case
    before, after = score(defn, answer_set), score(reorder(defn), answer_set)
    assert exact_scores(before) == exact_scores(after)
    assert before.gaps == after.gaps


def ancestors(result, qid):
    for d in result.domains:
        for a in d.areas:
            if any(q.id == qid for q in a.questions):
                return [a.id, d.id, "overall"]
    raise AssertionError(qid)


@SETTINGS
@given(cases(), st.data())
def test_raising_one_score_never_lowers_an_ancestor(case, data):
    defn, answer_set = case
    before = score(defn, answer_set)
    included = [q for q in before.questions() if q.validated.exact is not None]
    if not included:
        return
    target = data.draw(st.sampled_from(included))
    raised = max(data.draw(scores), Decimal(math.ceil(target.validated.exact)))
    overrides = {**answer_set.overrides, target.id: Override(target.id, raised, "raised")}
    after = score(defn, AnswerSet(defn.id, defn.version, answer_set.answers, overrides))
    old, new = exact_scores(before), exact_scores(after)
    for node_id in ancestors(before, target.id):
        if old[node_id][0] is not None:
            assert new[node_id][0] >= old[node_id][0]


@SETTINGS
@given(cases())
def test_output_is_deterministic(case):
    defn, answer_set = case
    first = result_json(score(defn, answer_set))
    fresh = Definition.model_validate(defn.model_dump(by_alias=True))
    assert result_json(score(fresh, answer_set)) == first
    assert result_json(score(defn, answer_set)) == first
    for node in _json_nodes(json.loads(first)):
        for key in ("score", "self_score"):
            if node.get(key) is not None:
                assert Decimal(str(node[key])) == Decimal(str(node[key])).quantize(Decimal("0.01"))


def _json_nodes(document):
    yield document["overall"]
    for d in document["domains"]:
        yield d
        for a in d["areas"]:
            yield a
            yield from a["questions"]
