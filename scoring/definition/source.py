"""Reading a YAML file safely, remembering where every value came from.

The reader uses PyYAML's *safe* loader with three changes that matter to authors:

* a key repeated inside one mapping is a problem (PyYAML silently keeps the last one);
* only ``true``/``false`` are booleans, as in YAML 1.2, so ``code: yes`` is the string
  ``'yes'`` and not ``True``;
* numbers with a fraction are read as exact ``Decimal`` values, never binary floats.

Anchors, aliases and merge keys (``<<: *base``) keep working. A document whose aliases
expand to more than ``MAX_NODES`` values, that refers to itself, or that nests lists and
mappings more than ``MAX_DEPTH`` levels deep is refused with a located problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem, join_location

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64  # lists and mappings inside each other; a questionnaire uses about ten
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class Source:
    """What reading a file gave: the data (None on failure), line numbers and problems."""

    data: object = None
    lines: dict[str, int] = field(default_factory=dict)
    node_paths: dict[int, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, location: str) -> int | None:
        """The line of ``location`` or of its nearest ancestor that has one."""
        while True:
            if location in self.lines:
                return self.lines[location]
            if not location:
                return None
            location = parent_location(location)


def parent_location(location: str) -> str:
    """``domains[1].areas`` → ``domains[1]`` → ``domains`` → ``''``."""
    cut = max(location.rfind("."), location.rfind("["))
    return location[:cut] if cut > 0 else ""


# libyaml's parser when PyYAML was built with it: about ten times faster on large files.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """Safe loader that records duplicate keys and reads fractions as Decimal."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, object, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self._record_duplicates(node)
        return super().construct_mapping(node, deep=deep)

    def _record_duplicates(self, node: yaml.MappingNode) -> None:
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node)
            if key in seen:
                self.duplicates.append((id(node), key, key_node.start_mark.line + 1))
            seen.add(key)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Decimal:
        text = node.value.replace("_", "").lower()
        try:
            return Decimal({".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}.get(text, text))
        except InvalidOperation:  # sexagesimal 1:30.5 and other YAML 1.1 oddities
            return Decimal(repr(super().construct_yaml_float(node)))


_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


def read_yaml(path: Path) -> Source:
    """Read ``path``; problems (too large, not UTF-8, not YAML, …) go in ``Source.problems``."""
    source = Source()
    text = _read_text(path, source)
    if text is not None:
        _parse(text, source)
    return source


def read_yaml_text(text: str) -> Source:
    """Parse YAML already in memory (e.g. a registered version's stored text)."""
    source = Source()
    if len(text.encode("utf-8")) > MAX_BYTES:
        _fail(source, Catalog.FILE_TOO_LARGE, subject="text", mib=MAX_BYTES // 1024 // 1024)
    else:
        _parse(text, source)
    return source


def _read_text(path: Path, source: Source) -> str | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return _fail(source, Catalog.UNREADABLE_FILE, reason=error.strerror or error)
    if len(raw) > MAX_BYTES:
        return _fail(source, Catalog.FILE_TOO_LARGE, subject="file", mib=MAX_BYTES // 1024 // 1024)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _fail(source, Catalog.NOT_UTF8, _line_at(raw, error.start), offset=error.start)


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _fail(source: Source, entry: Catalog, line: int | None = None, **values: object) -> None:
    source.problems.append(entry.at("", line=line, **values))
    return None


def _parse(text: str, source: Source) -> None:
    loader = None
    try:
        if not _shallow_enough(text, source):
            return None
        loader = _Loader(text)  # the reader already refuses control characters here
        data = _construct(loader, source)
    except yaml.YAMLError as error:
        return _yaml_problem(error, source)
    except (RecursionError, ValueError, TypeError):
        return _fail(source, Catalog.INVALID_YAML__STRUCTURE)
    finally:
        if loader is not None:
            loader.dispose()
    if data is not _NOTHING:
        _record_duplicate_keys(loader, source)
        _set_data(data, source)


_NOTHING = object()
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _shallow_enough(text: str, source: Source) -> bool:
    """Whether the text nests at most ``MAX_DEPTH`` levels, read as a stream of parser events
    before anything is composed: libyaml's composer recurses in C, and a deep enough file
    (a few thousand ``[``) would overflow the stack and kill the process."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeBase):
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                _fail(source, Catalog.TOO_DEEP, event.start_mark.line + 1, limit=MAX_DEPTH)
                return False
        elif isinstance(event, _CLOSES):
            depth -= 1
    return True


def _construct(loader: _Loader, source: Source) -> object:
    # Lines are recorded (and alias bombs stopped) on the node graph, before any value is built.
    node = loader.get_single_node()
    if node is None:
        _fail(source, Catalog.EMPTY_FILE)
        return _NOTHING
    if not _walk(node, (), node.start_mark.line + 1, source, set()):
        return _NOTHING
    return loader.construct_document(node)


def _set_data(data: object, source: Source) -> None:
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r:.40})"
        _fail(source, Catalog.NOT_A_MAPPING, kind=kind)
        return
    source.data = data


def _yaml_problem(error: yaml.YAMLError, source: Source) -> None:
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        return _fail(source, Catalog.INVALID_YAML__CONTROL_CHARACTER, character=f"{error.character:04X}",
                     position=error.position)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    detail = " ".join(f"{f'{context}, ' if context else ''}{problem}".split())
    _fail(source, Catalog.INVALID_YAML, line, detail=detail)


def _walk(node: yaml.Node, path: tuple, line: int, source: Source, stack: set) -> bool:
    """Record the line of every value; refuse self-references and runaway alias expansion."""
    if id(node) in stack:
        return _fail_walk(source, Catalog.RECURSIVE_ALIAS.at(join_location(*path)))
    if len(source.lines) >= MAX_NODES:
        return _fail_walk(source, Catalog.TOO_COMPLEX.at("", limit=MAX_NODES))
    location = join_location(*path)
    source.lines.setdefault(location, line)
    source.node_paths.setdefault(id(node), location)
    stack.add(id(node))
    ok = all(_walk(child, (*path, key), at, source, stack) for key, child, at in _children(node))
    stack.discard(id(node))
    return ok


def _children(node: yaml.Node) -> list[tuple[object, yaml.Node, int]]:
    # A mapping entry is located at its key: an aliased value would point at its anchor.
    if isinstance(node, yaml.SequenceNode):
        return [(index, item, item.start_mark.line + 1) for index, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        return [(_key_text(key), value, key.start_mark.line + 1)
                for key, value in node.value if key.tag != _MERGE_TAG]
    return []


def _key_text(key: yaml.Node) -> str:
    return key.value if isinstance(key, yaml.ScalarNode) else "?"


def _fail_walk(source: Source, problem: Problem) -> bool:
    source.problems.append(problem)
    return False


def _record_duplicate_keys(loader: _Loader, source: Source) -> None:
    for node_id, key, line in loader.duplicates:
        parent = source.node_paths.get(node_id, "")
        where = join_location(*(part for part in (parent, str(key)) if part))
        source.problems.append(Catalog.DUPLICATE_KEY.at(where, line=line, key=key))
