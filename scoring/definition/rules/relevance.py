"""Rules on expressions: ``relevant`` and ``constraint`` parse, name existing questions (not
notes) and their codes, and relevance forms no cycle. ``.`` (the answer being checked) belongs
to constraints; a constraint may also name its own question, which reads the same answer."""

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
        expression = yield from parsed_expression(location, question.relevant)
        if expression is None:
            continue
        parsed[question.id], locations[question.id] = expression, location
        if expression.uses_current:
            yield Catalog.INVALID_EXPRESSION__CURRENT.at(location)
        yield from references(location, question, expression, known, own=False)
    yield from _cycles(parsed, locations)


def check_constraints(definition: Definition) -> Iterator[Problem]:
    """Every ``constraint`` parses and refers to existing questions and codes."""
    known = definition.question_map
    for where, question in walk.questions(definition):
        if question.constraint is None:
            continue
        location = f"{where}.constraint"
        expression = yield from parsed_expression(location, question.constraint)
        if expression is not None:
            yield from references(location, question, expression, known, own=True)


def parsed_expression(location: str, text: str) -> Iterator[Problem]:
    """The parsed expression (the generator's return value), or None with a problem."""
    try:
        return parse(text)
    except ExpressionError as error:
        where = "" if error.position is None else f" at character {error.position}"
        yield Catalog.INVALID_EXPRESSION.at(location, expression=text, position=where, reason=error.message)
        return None


def references(location: str, question: Question, expression: Expression, known: dict[str, Question],
               own: bool) -> Iterator[Problem]:
    """Problems of the ids and codes an expression names; ``own``: its question may be named."""
    for name in sorted(expression.references):
        if name == question.id and not own:
            yield Catalog.SELF_REFERENCE.at(location, question_id=name)
        elif name not in known:
            others = [other for other in known if other != question.id]
            yield Catalog.UNKNOWN_REFERENCE.at(location, reference=name, hint=hint(name, others))
        elif not known[name].answerable:
            yield Catalog.UNKNOWN_REFERENCE__NOTE.at(location, reference=name)
    yield from _selected_codes(location, question, expression, known)


def _selected_codes(location: str, question: Question, expression: Expression,
                    known: dict[str, Question]) -> Iterator[Problem]:
    for name, code in sorted(expression.selections):
        target = question if name == "." else known.get(name)
        codes = walk.answer_codes(target) if target is not None else None
        if codes is not None and code not in codes:
            yield Catalog.UNKNOWN_OPTION_IN_EXPRESSION.at(location, question_id=target.id, option=code,
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
