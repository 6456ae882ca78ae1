"""The nodes of a parsed relevance expression; each evaluates itself against answer values.

Nodes only combine values; what a value is and how operators treat it is defined once,
in ``scoring.expressions.values``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from scoring.expressions import values as ev


@dataclass(frozen=True)
class Ref:
    """A question's answer: ``${id}``."""

    id: str

    def value(self, values: Mapping[str, object]) -> object:
        """The normalised answer, '' when absent."""
        return ev.lookup(values, self.id)


@dataclass(frozen=True)
class Constant:
    """A number or a quoted string."""

    constant: str | Decimal

    def value(self, values: Mapping[str, object]) -> object:
        return self.constant


@dataclass(frozen=True)
class Compare:
    """``left OP right`` with one of = != < <= > >=."""

    operator: str
    left: object
    right: object

    def value(self, values: Mapping[str, object]) -> object:
        return ev.compare(self.operator, self.left.value(values), self.right.value(values))


@dataclass(frozen=True)
class And:
    """True when every item is true."""

    items: tuple

    def value(self, values: Mapping[str, object]) -> object:
        return all(ev.truth(item.value(values)) for item in self.items)


@dataclass(frozen=True)
class Or:
    """True when any item is true."""

    items: tuple

    def value(self, values: Mapping[str, object]) -> object:
        return any(ev.truth(item.value(values)) for item in self.items)


@dataclass(frozen=True)
class Not:
    """``not(expression)``."""

    operand: object

    def value(self, values: Mapping[str, object]) -> object:
        return not ev.truth(self.operand.value(values))


@dataclass(frozen=True)
class Selected:
    """``selected(${id}, 'code')``."""

    ref: Ref
    code: str

    def value(self, values: Mapping[str, object]) -> object:
        return ev.selected(self.ref.value(values), self.code)


@dataclass(frozen=True)
class CountSelected:
    """``count-selected(${id})``."""

    ref: Ref

    def value(self, values: Mapping[str, object]) -> object:
        return ev.count_selected(self.ref.value(values))
