"""Expressions: the part of XLSForm's expression language that makes sense without repeats.

Grammar (lowest precedence first; comparisons do not chain)::

    expression     := and ("or" and)*
    and            := equality ("and" equality)*
    equality       := relational (("=" | "!=") relational)?
    relational     := additive (("<" | "<=" | ">" | ">=") additive)?
    additive       := multiplicative (("+" | "-") multiplicative)*
    multiplicative := unary (("*" | "div" | "mod") unary)*
    unary          := "-" unary | primary
    primary        := "(" expression ")" | FUNCTION "(" arguments ")" | REF | "." | NUMBER | STRING
    REF            := "${" id "}"

``.`` is the answer a ``constraint`` checks. The functions are listed in
``scoring.expressions.functions``. The text is parsed once (``parse`` is cached) into a tree of
small node classes that evaluate themselves (``scoring.expressions.tree``); nothing is ever
handed to ``eval``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from scoring.expressions import values as ev
from scoring.expressions.functions import ANSWER_FUNCTIONS, FUNCTIONS, pattern_problem
from scoring.expressions.tokens import ExpressionError, Token, tokenize
from scoring.expressions.tree import (
    And,
    Arithmetic,
    Call,
    Compare,
    Constant,
    Current,
    Env,
    Negate,
    Or,
    Ref,
)

MAX_LENGTH = 2000
MAX_DEPTH = 32

EQUALITY, RELATIONAL = ("=", "!="), ("<", "<=", ">", ">=")
ADDITIVE, MULTIPLICATIVE = ("+", "-"), ("*", "div", "mod")
KEYWORDS = ("and", "or", "div", "mod")

_REF_ID = re.compile(r"\$\{\s*([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*\}", re.ASCII)


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its tree and what it refers to.

    ``selections`` holds the (question id, code) pairs of ``selected()`` calls with a quoted
    code, ``'.'`` standing for the answer being checked; ``uses_current`` tells whether ``.``
    appears at all.
    """

    text: str
    root: object
    references: frozenset[str]
    selections: frozenset[tuple[str, str]]
    uses_current: bool = False

    def evaluate(self, values: Mapping[str, object], *, current: object = None,
                 today: datetime.date | str | None = None) -> bool:
        """True when the expression holds for ``values`` (question id → answer value), with
        ``current`` as ``.`` and ``today`` as the date of ``today()``.

        Never raises: a missing id reads as '' and odd values are normalised first.
        """
        if today is not None:
            today = today.isoformat() if isinstance(today, datetime.date) else today
        return ev.truth(self.root.value(Env(values, current, today or "")))

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> Expression:
    """Parse ``text`` once (results are cached); raise ExpressionError when it does not parse."""
    if not isinstance(text, str):
        raise ExpressionError(f"an expression must be a string, not {type(text).__name__}")
    return _parse_cached(text)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Expression:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    try:
        parser = _Parser(tokenize(text))
        root = parser.parse()
    except RecursionError:
        raise ExpressionError("the expression is nested too deeply") from None
    refs = frozenset(node.id for node in parser.seen if isinstance(node, Ref))
    current = any(isinstance(node, Current) for node in parser.seen)
    return Expression(text, root, refs, frozenset(parser.selections), current)


class _Parser:
    """Recursive descent over the token list; ``seen`` collects every node built."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.index, self.depth = tokens, 0, 0
        self.seen: list[object] = []
        self.selections: set[tuple[str, str]] = set()

    def parse(self) -> object:
        if self.peek().kind == "end":
            raise ExpressionError("the expression is empty", 0)
        node = self.disjunction()
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(_unexpected(token, "an operator, and, or, or the end"), token.position)
        return node

    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, words: tuple[str, ...]) -> str | None:
        """Take the next token when it is one of ``words`` (operators or keywords)."""
        token = self.peek()
        if token.kind in ("op", "punct", "name") and token.text in words:
            self.index += 1
            return token.text
        return None

    def expect(self, text: str, what: str) -> Token:
        token = self.take()
        if token.text != text or token.kind in ("string", "ref"):
            raise ExpressionError(_unexpected(token, what), token.position)
        return token

    def built(self, node: object) -> object:
        self.seen.append(node)
        return node

    def disjunction(self) -> object:
        items = [self.conjunction()]
        while self.accept(("or",)):
            items.append(self.conjunction())
        return items[0] if len(items) == 1 else self.built(Or(tuple(items)))

    def conjunction(self) -> object:
        items = [self.comparison(EQUALITY, self.relational)]
        while self.accept(("and",)):
            items.append(self.comparison(EQUALITY, self.relational))
        return items[0] if len(items) == 1 else self.built(And(tuple(items)))

    def relational(self) -> object:
        return self.comparison(RELATIONAL, self.additive)

    def comparison(self, operators: tuple[str, ...], operand) -> object:
        left = operand()
        symbol = self.accept(operators)
        if symbol is None:
            return left
        node = self.built(Compare(symbol, left, operand()))
        if self.peek().text in operators and self.peek().kind == "op":
            message = "comparisons cannot be chained: combine them with and"
            raise ExpressionError(message, self.peek().position)
        return node

    def additive(self) -> object:
        return self.chain(ADDITIVE, self.multiplicative)

    def multiplicative(self) -> object:
        return self.chain(MULTIPLICATIVE, self.unary)

    def chain(self, operators: tuple[str, ...], operand) -> object:
        node = operand()
        while (symbol := self.accept(operators)) is not None:
            node = self.built(Arithmetic(symbol, node, operand()))
        return node

    def unary(self) -> object:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested more than {MAX_DEPTH} levels deep", self.peek().position)
        try:
            if self.accept(("-",)):
                return self.built(Negate(self.unary()))
            return self.built(self.primary())
        finally:
            self.depth -= 1

    def primary(self) -> object:
        token = self.take()
        if token.kind == "punct" and token.text == "(":
            node = self.disjunction()
            self.expect(")", "')'")
            return node
        handler = _ATOMS.get(token.kind)
        if handler is None:
            raise ExpressionError(_unexpected(token, "a value"), token.position)
        return handler(self, token)

    def call(self, token: Token) -> object:
        name = token.text
        if self.peek().text != "(" or name in KEYWORDS:
            where = self.peek().position if name in FUNCTIONS else token.position
            raise ExpressionError(_unknown_word(name), where)
        if name not in FUNCTIONS:
            raise ExpressionError(_unknown_function(name), token.position)
        self.take()
        arguments = self.arguments(name)
        _check_arity(name, arguments, token)
        if name == "selected" and isinstance(arguments[1], Constant) and isinstance(arguments[1].constant, str):
            self.selections.add((_answer_name(arguments[0]), arguments[1].constant))
        if name == "regex" and isinstance(arguments[1], Constant):
            _check_pattern(ev.as_text(arguments[1].constant), token)
        return Call(name, tuple(arguments))

    def arguments(self, name: str) -> list:
        arguments: list = []
        if self.accept((")",)):
            return arguments
        while True:
            if not arguments and name in ANSWER_FUNCTIONS:
                arguments.append(self.answer_argument(name))
            else:
                arguments.append(self.disjunction())
            if self.accept((")",)):
                return arguments
            self.expect(",", f"',' or ')' in {name}()")

    def answer_argument(self, function: str) -> object:
        token = self.take()
        if token.kind not in ("ref", "current"):
            message = f"the first argument of {function}() must be a question reference ${{id}} or ."
            raise ExpressionError(message, token.position)
        return self.built(_reference(token) if token.kind == "ref" else Current())


def _answer_name(node: object) -> str:
    return node.id if isinstance(node, Ref) else "."


def _check_arity(name: str, arguments: list, token: Token) -> None:
    function = FUNCTIONS[name]
    if len(arguments) < function.least or (function.most is not None and len(arguments) > function.most):
        most = "or more" if function.most is None else f"to {function.most}"
        wanted = str(function.least) if function.least == function.most else f"{function.least} {most}"
        raise ExpressionError(f"{name}() takes {wanted} argument(s), found {len(arguments)}", token.position)


def _check_pattern(pattern: str, token: Token) -> None:
    problem = pattern_problem(pattern)
    if problem is not None:
        raise ExpressionError(problem, token.position)


def _reference(token: Token) -> Ref:
    match = _REF_ID.fullmatch(token.text)
    if match is None:
        message = "a reference must be ${question_id}: letters, digits, _, - and . only"
        raise ExpressionError(message, token.position)
    return Ref(match.group(1))


def _unexpected(token: Token, expected: str) -> str:
    found = "the end of the expression" if token.kind == "end" else repr(token.text)
    return f"expected {expected}, found {found}"


def _unknown_word(word: str) -> str:
    if word in KEYWORDS:
        return f"'{word}' needs a value on its left"
    if word in FUNCTIONS:
        return f"expected '(' after {word}"
    return f"unknown word {word!r}: quote text values ('yes'), reference questions as ${{id}}"


def _unknown_function(name: str) -> str:
    return f"unknown function {name}(); the functions are {', '.join(f'{known}()' for known in FUNCTIONS)}"


_ATOMS = {
    "name": _Parser.call,
    "ref": lambda parser, token: _reference(token),
    "current": lambda parser, token: Current(),
    "number": lambda parser, token: Constant(Decimal(token.text)),
    "string": lambda parser, token: Constant(token.text[1:-1]),
}
