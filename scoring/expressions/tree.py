"""The nodes of a parsed expression; each evaluates itself in an ``Env``.

Nodes only combine values; what a value is and how operators treat it is defined once, in
``scoring.expressions.values``, and the functions in ``scoring.expressions.functions``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from scoring.expressions import values as ev
from scoring.expressions.functions import FUNCTIONS


class Env:
    """What an evaluation reads: the answers by id, the answer being checked (``.``) and the
    date of ``today()`` as ISO text ('' when none was given)."""

    __slots__ = ("values", "current", "today")

    def __init__(self, values: Mapping[str, object], current: object = None, today: str = "") -> None:
        self.values, self.current, self.today = values, current, today


@dataclass(frozen=True)
class Ref:
    """A question's answer: ``${id}``."""

    id: str

    def value(self, env: Env) -> object:
        """The normalised answer, '' when absent."""
        return ev.lookup(env.values, self.id)


@dataclass(frozen=True)
class Current:
    """``.``: the answer a constraint checks."""

    def value(self, env: Env) -> object:
        return ev.normalise(env.current)


@dataclass(frozen=True)
class Constant:
    """A number or a quoted string."""

    constant: str | Decimal

    def value(self, env: Env) -> object:
        return self.constant


@dataclass(frozen=True)
class Compare:
    """``left OP right`` with one of = != < <= > >=."""

    operator: str
    left: object
    right: object

    def value(self, env: Env) -> object:
        return ev.compare(self.operator, self.left.value(env), self.right.value(env))


@dataclass(frozen=True)
class Arithmetic:
    """``left OP right`` with one of + - * div mod."""

    operator: str
    left: object
    right: object

    def value(self, env: Env) -> object:
        return ev.arithmetic(self.operator, self.left.value(env), self.right.value(env))


@dataclass(frozen=True)
class Negate:
    """``-operand``."""

    operand: object

    def value(self, env: Env) -> object:
        return ev.negate(self.operand.value(env))


@dataclass(frozen=True)
class And:
    """True when every item is true."""

    items: tuple

    def value(self, env: Env) -> object:
        return all(ev.truth(item.value(env)) for item in self.items)


@dataclass(frozen=True)
class Or:
    """True when any item is true."""

    items: tuple

    def value(self, env: Env) -> object:
        return any(ev.truth(item.value(env)) for item in self.items)


@dataclass(frozen=True)
class Call:
    """``name(arguments…)``: one of the functions of ``scoring.expressions.functions``."""

    name: str
    arguments: tuple

    def value(self, env: Env) -> object:
        return FUNCTIONS[self.name].run(tuple(argument.value(env) for argument in self.arguments), env.today)
