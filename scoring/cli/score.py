"""The ``score``, ``explain`` and ``carry-forward`` commands of ``python -m scoring``.

Exit status: 0 on success; 1 when a definition or mapping file cannot be used; 2 when the
answers are invalid (every problem is listed) or, for ``explain``, the node does not exist.
Results go to standard output, problems to standard error.
"""

from __future__ import annotations

import argparse
import json
import sys

import yaml
from pydantic import ValidationError

from scoring.answers.documents import answers_document, load_answers
from scoring.definition.loader import load_definition, load_mapping
from scoring.engine.carry import CarryResult, MappingMismatchError, carry_forward
from scoring.engine.output import result_json
from scoring.engine.score import score
from scoring.explain.nodes import UnknownNodeError, explain
from scoring.problems.problem import AnswersError, DefinitionError

EXIT_DEFINITION = 1
EXIT_ANSWERS = 2


class _Failure(Exception):
    def __init__(self, status: int, lines: list[str]) -> None:
        super().__init__(status)
        self.status = status
        self.lines = lines


def run(args: argparse.Namespace) -> int:
    """Run one of the scoring commands; return its exit status."""
    try:
        _emit(_COMMANDS[args.command](args))
    except _Failure as failure:
        for line in failure.lines:
            print(line, file=sys.stderr)
        return failure.status
    return 0


def command_score(args: argparse.Namespace) -> str:
    """``score DEFINITION ANSWERS``: the result as JSON."""
    definition = _definition(args.definition)
    return result_json(score(definition, _answers(definition, args.answers)), indent=2) + "\n"


def command_explain(args: argparse.Namespace) -> str:
    """``explain DEFINITION ANSWERS NODE_ID``: how one node's score was obtained, as text."""
    definition = _definition(args.definition)
    scoreset = score(definition, _answers(definition, args.answers))
    try:
        return explain(scoreset, args.node_id)
    except UnknownNodeError as error:
        raise _Failure(EXIT_ANSWERS, [f"explain: {error}"]) from None


def command_carry_forward(args: argparse.Namespace) -> str:
    """``carry-forward OLD NEW MAPPING ANSWERS``: answers for the new version, as JSON."""
    old, new = _definition(args.old), _definition(args.new)
    mapping = _load(load_mapping, args.mapping)
    answers = _answers(old, args.answers)
    try:
        result = carry_forward(old, new, mapping, answers)
    except MappingMismatchError as error:
        raise _Failure(EXIT_DEFINITION, [f"{args.mapping}: {error}"]) from None
    return json.dumps(carry_document(result), ensure_ascii=False, indent=2) + "\n"


def carry_document(result: CarryResult) -> dict:
    """A CarryResult as JSON data: an answers document plus ``needs_confirmation``."""
    document = answers_document(result.answers)
    del document["overrides"]
    document["from_version"] = result.from_version
    document["needs_confirmation"] = [
        {"question": c.question, "reason": c.reason, "source": c.source, "detail": c.detail}
        for c in result.needs_confirmation
    ]
    return document


def _definition(path: str):
    return _load(load_definition, path)


def _load(loader, path: str):
    try:
        return loader(path)
    except DefinitionError as error:
        raise _Failure(EXIT_DEFINITION, [str(issue) for issue in error.issues]) from None
    except ValidationError as error:
        lines = [f"{path}:{_location(e['loc'])}: {e['msg']}" for e in error.errors()]
        raise _Failure(EXIT_DEFINITION, lines) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise _Failure(EXIT_DEFINITION, [f"{path}: {error}"]) from None


def _answers(definition, path: str):
    try:
        return load_answers(definition, path)
    except AnswersError as error:
        raise _Failure(EXIT_ANSWERS, [f"{path}: {problem}" for problem in error.problems]) from None


def _location(parts: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts).lstrip(
        "."
    )


def _emit(text: str) -> None:
    # Write UTF-8 whatever the terminal's locale, so ids and labels never fail to print.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


_COMMANDS = {
    "score": command_score,
    "explain": command_explain,
    "carry-forward": command_carry_forward,
}
