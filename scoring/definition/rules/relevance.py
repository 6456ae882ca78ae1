"""Rules on relevance expressions: they parse, name existing questions, and form no cycle."""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import Definition, Question
from scoring.definition.rules import walk
from scoring.expressions.parser import Expression, ExpressionError, parse
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem, hint


def check_relevance(definition: Definition) -> Iterator[Problem]:
    """Every ``relevant`` expression parses and refers to other, existing questions and codes."""
    known = definition.question_map
    parsed: dict[str, Expression] = {}
    locations: dict[str, str] = {}
    for where, question in walk.questions(definition):
        if question.relevant is None:
            continue
        location = f"{where}.relevant"
        expression = yield from _parsed(location, question.relevant)
        if expression is not None:
            parsed[question.id], locations[question.id] = expression, location
            yield from _references(location, question, expression, known)
    yield from _cycles(parsed, locations)


def _parsed(location: str, text: str) -> Iterator[Problem]:
    try:
        return parse(text)
    except ExpressionError as error:
        where = "" if error.position is None else f" at character {error.position}"
        yield Catalog.INVALID_EXPRESSION.at(location, expression=text, position=where, reason=error.message)
        return None


def _references(location: str, question: Question, expression: Expression,
                known: dict[str, Question]) -> Iterator[Problem]:
    for name in sorted(expression.references):
        if name == question.id:
            yield Catalog.SELF_REFERENCE.at(location, question_id=name)
        elif name not in known:
            others = [other for other in known if other != question.id]
            yield Catalog.UNKNOWN_REFERENCE.at(location, reference=name, hint=hint(name, others))
    yield from _selected_codes(location, expression, known)


def _selected_codes(location: str, expression: Expression, known: dict[str, Question]) -> Iterator[Problem]:
    for name, code in sorted(expression.selections):
        codes = walk.answer_codes(known[name]) if name in known else None
        if codes is not None and code not in codes:
            yield Catalog.UNKNOWN_OPTION_IN_EXPRESSION.at(location, question_id=name, option=code,
                                                          codes=", ".join(codes), hint=hint(code, codes))


def _cycles(parsed: dict[str, Expression], locations: dict[str, str]) -> Iterator[Problem]:
    edges = {name: sorted(ref for ref in expr.references if ref in parsed and ref != name)
             for name, expr in parsed.items()}
    for cycle in find_cycles(edges):
        path = " → ".join([*cycle, cycle[0]])
        yield Catalog.RELEVANCE_CYCLE.at(locations[cycle[0]], path=path)


def find_cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Cycles of ``edges`` (node → nodes it depends on), one per back edge of a depth-first search."""
    index: dict[str, int] = {}
    cycles: list[list[str]] = []
    for start in edges:
        if start not in index:
            _explore(start, edges, index, cycles)
    return cycles


def _explore(start: str, edges: dict[str, list[str]], state: dict[str, int], cycles: list) -> None:
    # Iterative depth-first search (no recursion limit): 1 = on the current path, 2 = done.
    path, iterators = [start], [iter(edges.get(start, ()))]
    state[start] = 1
    while path:
        following = next(iterators[-1], None)
        if following is None:
            state[path.pop()] = 2
            iterators.pop()
        elif state.get(following) == 1:
            cycles.append(path[path.index(following):])
        elif following not in state:
            state[following] = 1
            path.append(following)
            iterators.append(iter(edges.get(following, ())))
