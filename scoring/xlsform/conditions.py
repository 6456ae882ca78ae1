"""The ``relevant`` and ``constraint`` expressions of an imported survey.

An expression is kept as written (its names that had to change rewritten to their ids) when
the questionnaire format can evaluate it. Otherwise it is left out, never the question, and
the report lists it with its original text and why: it does not parse (a function outside the
format's list, for instance), names a row that was skipped (a ``calculate``…), a group or a
note, uses ``.`` in ``relevant``, names a code the question does not have, or closes a circle
of relevance. Simple numeric constraints (``. >= 0 and . <= 100``) become ``min``/``max``.
"""

from __future__ import annotations

from decimal import Decimal

from scoring.definition.model import NUMBER_LIMIT, PERCENT_RANGE
from scoring.definition.rules.relevance import find_cycles
from scoring.expressions.parser import Expression, ExpressionError, parse
from scoring.expressions.tree import And, Compare, Constant, Current
from scoring.problems.catalog import Catalog
from scoring.xlsform.columns import PERCENT_CONSTRAINT, range_constraint
from scoring.xlsform.items import Item
from scoring.xlsform.names import Names
from scoring.xlsform.sheets import Context, Row
from scoring.xlsform.survey import Group

MIRRORED = {">=": "<=", "<=": ">="}


class Checker:
    """Checks expressions against the questions the import keeps."""

    def __init__(self, items: list[Item], names: Names, skipped: dict[str, str], context: Context) -> None:
        self.names, self.skipped, self.context = names, skipped, context
        self.items = {item.id: item for item in items}

    def usable(self, text: str | None, row: Row, column: str, item: Item | None) -> str | None:
        """``text`` (names rewritten) when the format can evaluate it, else None with a warning."""
        if text is None or not text.strip():
            return None
        written = self.names.rewrite(text.strip())
        reason = self.problem(written, item, column == "constraint")
        if reason is None:
            return written
        self.context.report(row, Catalog.XLSFORM_EXPRESSION_DROPPED, column=column, expression=text, reason=reason)
        return None

    def problem(self, text: str, item: Item | None, constraint: bool) -> str | None:
        """Why the format cannot evaluate ``text`` here, or None."""
        try:
            expression = parse(text)
        except ExpressionError as error:
            return f"it does not parse: {error}"
        if expression.uses_current and not constraint:
            return "'.' (the answer being checked) means nothing outside a constraint"
        for name in sorted(expression.references):
            found = self.reference_problem(name, item, constraint)
            if found:
                return found
        return self.selection_problem(expression, item)

    def reference_problem(self, name: str, item: Item | None, constraint: bool) -> str | None:
        target = self.items.get(name)
        if target is None:
            kind = self.skipped.get(name)
            return (f"'{name}' is a {kind} row, which was skipped" if kind
                    else f"no question is named '{name}'")
        if not target.answerable:
            return f"'{name}' is a note, which has no answer"
        if item is not None and target is item and not constraint:
            return "a question cannot depend on its own answer"
        return None

    def selection_problem(self, expression: Expression, item: Item | None) -> str | None:
        for name, code in sorted(expression.selections):
            target = item if name == "." else self.items.get(name)
            codes = option_codes(target) if target is not None else None
            if codes is not None and code not in codes:
                return f"'{target.id}' has no choice '{code}'"
        return None


def option_codes(item: Item) -> tuple[str, ...] | None:
    """The codes an answer to ``item`` may hold (None when it is not a choice)."""
    if item.data["type"] == "yes_no" and not item.options:
        return ("yes", "no")
    if item.data["type"] in ("single_choice", "multi_choice", "yes_no"):
        return tuple(option["code"] for _, _, option in item.options)
    return None


def settle(root: Group, items: list[Item], names: Names, skipped: dict[str, str], context: Context) -> None:
    """Check every group's relevant and every item's relevant and constraint in place."""
    checker = Checker(items, names, skipped, context)
    stack = [root]
    while stack:
        group = stack.pop()
        if group.row is not None:
            group.relevant = checker.usable(group.relevant, group.row, "relevant", None)
        stack.extend(child for child in group.children if isinstance(child, Group))
    for item in items:
        item.relevant = checker.usable(item.relevant, item.row, "relevant", item)
        if item.answerable:
            settle_constraint(item, checker.usable(item.constraint, item.row, "constraint", item), context)


def settle_constraint(item: Item, text: str | None, context: Context) -> None:
    """Put the constraint on the item: a percent's, or our export's range, is dropped (min/max say
    it); the simple bounds of a number become min/max."""
    data = item.data
    if text is not None and data["type"] == "number" and text == PERCENT_CONSTRAINT and not has_range(data):
        data["type"] = "percent"  # a decimal limited to 0-100: a percentage
        return
    if has_range(data):
        text = without_range(text, data)
    elif text is not None and data["type"] in ("number", "percent"):
        text = bounds_to_range(text, item, context)
    if text is not None:
        data["constraint"] = text


def has_range(data: dict) -> bool:
    return "min" in data or "max" in data


def without_range(text: str | None, data: dict) -> str | None:
    """A constraint without the range our export wrote in front of it (from gov::min/gov::max)."""
    try:
        written = range_constraint(data["type"], _number(data.get("min")), _number(data.get("max")))
    except ArithmeticError:
        return text
    if text is None or written is None or text == written:
        return None if text == written else text
    head = f"{written} and ("
    return text[len(head):-1] if text.startswith(head) and text.endswith(")") else text


def bounds_to_range(text: str, item: Item, context: Context) -> str | None:
    """``min``/``max`` from the conjuncts ``. >= N`` / ``. <= N`` of a constraint; the constraint
    itself when it says more than that, None when the range says it all (a percent's own 0 and
    100 are implied and not written as a range)."""
    root = parse(text).root
    conjuncts = root.items if isinstance(root, And) else (root,)
    limits = PERCENT_RANGE if item.data["type"] == "percent" else (-NUMBER_LIMIT, NUMBER_LIMIT)
    bounds = [bound for bound in map(simple_bound, conjuncts) if bound is not None and
              limits[0] <= bound[1] <= limits[1]]
    low = max((value for key, value in bounds if key == "min"), default=None)
    high = min((value for key, value in bounds if key == "max"), default=None)
    if low is not None and high is not None and low > high:
        return text
    implied = {"min": limits[0], "max": limits[1]} if item.data["type"] == "percent" else {}
    found = {key: value for key, value in (("min", low), ("max", high))
             if value is not None and value != implied.get(key)}
    if found:
        item.data |= {key: str(value) for key, value in found.items()}
        context.report(item.row, Catalog.XLSFORM_DEFAULT_BOUNDS, expression=text, low=found.get("min", "…"),
                       high=found.get("max", "…"))
    return None if bounds and len(bounds) == len(conjuncts) else text


def simple_bound(node: object) -> tuple[str, Decimal] | None:
    """("min", N) for ``. >= N`` or ``N <= .``, ("max", N) for ``. <= N`` or ``N >= .``."""
    if not isinstance(node, Compare) or node.operator not in MIRRORED:
        return None
    operator, left, right = node.operator, node.left, node.right
    if isinstance(left, Constant) and isinstance(right, Current):
        operator, left, right = MIRRORED[operator], right, left
    if isinstance(left, Current) and isinstance(right, Constant) and isinstance(right.constant, Decimal):
        return ("min" if operator == ">=" else "max"), right.constant
    return None


def break_cycles(items: list[Item], context: Context) -> None:
    """Leave out the relevant that closes each circle of questions depending on each other."""
    by_id = {item.id: item for item in items if item.data.get("relevant")}
    edges = {qid: sorted(ref for ref in parse(item.data["relevant"]).references if ref in by_id and ref != qid)
             for qid, item in by_id.items()}
    for cycle in find_cycles(edges):
        item = by_id[cycle[0]]
        if "relevant" not in item.data:
            continue  # already left out for another circle
        context.report(item.row, Catalog.XLSFORM_EXPRESSION_DROPPED, column="relevant",
                       expression=item.data.pop("relevant"), reason="questions depend on each other in a circle: "
                       + " → ".join([*cycle, cycle[0]]))


def _number(text: object) -> Decimal | None:
    return None if text is None else Decimal(str(text))
