"""Relevance expressions: a small, safe subset of XLSForm's expression language.

Grammar (lowest precedence first)::

    expression  := or
    or          := and ("or" and)*
    and         := comparison ("and" comparison)*
    comparison  := operand (("=" | "!=" | "<" | "<=" | ">" | ">=") operand)?
    operand     := "(" expression ")" | "not" "(" expression ")"
                 | "selected" "(" REF "," STRING ")" | "count-selected" "(" REF ")"
                 | REF | NUMBER | "-" NUMBER | STRING
    REF         := "${" question_id "}"

The text is parsed once (``parse`` is cached) into a tree of small node classes that
evaluate themselves; nothing is ever handed to ``eval``. The tree's node classes are in
``scoring.expressions.tree``, the semantics of values and operators in
``scoring.expressions.values``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from scoring.expressions import values as ev
from scoring.expressions.tree import And, Compare, Constant, CountSelected, Not, Or, Ref, Selected

MAX_LENGTH = 2000
MAX_DEPTH = 32

COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")
FUNCTIONS = ("not", "selected", "count-selected")
KEYWORDS = ("and", "or", *FUNCTIONS)

_TOKEN = re.compile(
    r"""(?P<space>[ \t\r\n]+)
      | (?P<ref>\$\{[^}]{0,80}\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)
      | (?P<op>!=|<=|>=|=|<|>)
      | (?P<punct>[(),-])
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)
    """,
    re.VERBOSE | re.ASCII,
)
_REF_ID = re.compile(r"\$\{\s*([a-z0-9_]+)\s*\}", re.ASCII)


class ExpressionError(ValueError):
    """An expression that does not parse; ``position`` is a 0-based character offset or None."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message if position is None else f"{message} (at character {position})")
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Token:
    """One token of an expression: its kind (a group name of ``_TOKEN``), text and offset."""

    kind: str
    text: str
    position: int


@dataclass(frozen=True)
class Expression:
    """A parsed relevance expression."""

    text: str
    root: object
    references: frozenset[str]
    selections: frozenset[tuple[str, str]]

    def evaluate(self, values: Mapping[str, object]) -> bool:
        """True when the expression holds for ``values`` (question id → answer value).

        Never raises: a missing id reads as '' and odd values are normalised first.
        """
        return ev.truth(self.root.value(values))

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------- parsing


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
        parser = _Parser(text, tokenize(text))
        root = parser.parse()
    except RecursionError:
        raise ExpressionError("the expression is nested too deeply") from None
    refs = frozenset(node.id for node in parser.seen if isinstance(node, Ref))
    picks = frozenset((n.ref.id, n.code) for n in parser.seen if isinstance(n, Selected))
    return Expression(text=text, root=root, references=refs, selections=picks)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; raise ExpressionError on a character no token starts with."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(_bad_character(text, position), position)
        if match.lastgroup != "space":
            tokens.append(Token(match.lastgroup, match.group(), position))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _bad_character(text: str, position: int) -> str:
    char = text[position]
    if char in "'\"":
        return f"unterminated string: add the closing {char}"
    if text.startswith("${", position):
        return "unterminated reference: write ${question_id}"
    return f"unexpected character {char!r}"


class _Parser:
    """Recursive descent over the token list; ``seen`` collects every node built."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens, self.index, self.depth = text, tokens, 0, 0
        self.seen: list[object] = []

    def parse(self) -> object:
        if self.peek().kind == "end":
            raise ExpressionError("the expression is empty", 0)
        node = self.disjunction()
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(_unexpected(token, "and, or, or the end"), token.position)
        return node

    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept_word(self, word: str) -> bool:
        token = self.peek()
        if token.kind == "name" and token.text == word:
            self.index += 1
            return True
        return False

    def expect(self, text: str, what: str) -> Token:
        token = self.take()
        if token.text != text:
            raise ExpressionError(_unexpected(token, what), token.position)
        return token

    def built(self, node: object) -> object:
        self.seen.append(node)
        return node

    def disjunction(self) -> object:
        items = [self.conjunction()]
        while self.accept_word("or"):
            items.append(self.conjunction())
        return items[0] if len(items) == 1 else self.built(Or(tuple(items)))

    def conjunction(self) -> object:
        items = [self.comparison()]
        while self.accept_word("and"):
            items.append(self.comparison())
        return items[0] if len(items) == 1 else self.built(And(tuple(items)))

    def comparison(self) -> object:
        left = self.operand()
        if self.peek().kind != "op":
            return left
        operator = self.take().text
        node = self.built(Compare(operator, left, self.operand()))
        if self.peek().kind == "op":
            token = self.peek()
            message = "comparisons cannot be chained: combine them with and"
            raise ExpressionError(message, token.position)
        return node

    def operand(self) -> object:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested more than {MAX_DEPTH} levels deep", self.peek().position)
        try:
            return self.built(self.atom())
        finally:
            self.depth -= 1

    def atom(self) -> object:
        token = self.take()
        handler = _ATOMS.get(token.kind)
        if handler is None:
            raise ExpressionError(_unexpected(token, "a value"), token.position)
        return handler(self, token)

    def group(self, token: Token) -> object:
        if token.text != "(":
            if token.text == "-" and self.peek().kind == "number":
                return Constant(-Decimal(self.take().text))
            raise ExpressionError(_unexpected(token, "a value"), token.position)
        node = self.disjunction()
        self.expect(")", "')'")
        return node

    def name(self, token: Token) -> object:
        if token.text not in FUNCTIONS:
            raise ExpressionError(_unknown_name(token.text), token.position)
        self.expect("(", f"'(' after {token.text}")
        node = _FUNCTIONS[token.text](self)
        self.expect(")", f"')' closing {token.text}(")
        return node

    def function_not(self) -> object:
        return Not(self.disjunction())

    def function_selected(self) -> object:
        ref = self.reference_argument("selected")
        self.expect(",", "',' between the arguments of selected()")
        token = self.take()
        if token.kind != "string":
            message = "the second argument of selected() must be a quoted option code"
            raise ExpressionError(message, token.position)
        return Selected(ref, token.text[1:-1])

    def function_count_selected(self) -> object:
        return CountSelected(self.reference_argument("count-selected"))

    def reference_argument(self, function: str) -> Ref:
        token = self.take()
        if token.kind != "ref":
            message = f"the first argument of {function}() must be a question reference ${{id}}"
            raise ExpressionError(message, token.position)
        return self.built(_reference(token))


def _reference(token: Token) -> Ref:
    match = _REF_ID.fullmatch(token.text)
    if match is None:
        message = "a reference must be ${question_id} with a-z, 0-9 and _ only"
        raise ExpressionError(message, token.position)
    return Ref(match.group(1))


def _unexpected(token: Token, expected: str) -> str:
    found = "the end of the expression" if token.kind == "end" else repr(token.text)
    return f"expected {expected}, found {found}"


def _unknown_name(word: str) -> str:
    if word in ("and", "or"):
        return f"'{word}' needs a condition on its left"
    hint = "quote text values ('yes'), reference questions as ${id}"
    return f"unknown word {word!r}: {hint}; functions are not(), selected(), count-selected()"


_ATOMS = {
    "punct": _Parser.group,
    "name": _Parser.name,
    "ref": lambda parser, token: _reference(token),
    "number": lambda parser, token: Constant(Decimal(token.text)),
    "string": lambda parser, token: Constant(token.text[1:-1]),
}
_FUNCTIONS = {
    "not": _Parser.function_not,
    "selected": _Parser.function_selected,
    "count-selected": _Parser.function_count_selected,
}
