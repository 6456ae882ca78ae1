"""Reading and checking questionnaire and mapping files.

Checking a file goes through three stages, each reporting every problem it finds:

1. reading: size, encoding, YAML syntax, duplicate keys (``scoring.definition.source``);
2. shape: keys, types and ranges, from the model classes (``scoring.definition.shape``);
3. meaning: rules relating several parts of the file (``scoring.definition.validate``), run once the
   shape is right, since they need a well-formed definition to reason about.

``check_*`` functions never raise for bad input and return a ``Report``; ``load_*``
functions return the model or raise ``DefinitionError`` listing every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from scoring.definition.model import Definition, VersionMapping
from scoring.definition.rules.paths import is_mapping_path
from scoring.definition.shape import shape_problems
from scoring.definition.source import Source, read_yaml, read_yaml_text
from scoring.definition.validate import validate_definition, validate_mapping
from scoring.problems.catalog import Catalog
from scoring.problems.problem import DefinitionError, Problem


@dataclass(frozen=True)
class Report:
    """The outcome of checking one file: the model when it is usable, and every issue."""

    file: str
    definition: Definition | VersionMapping | None  # a VersionMapping for mapping files
    issues: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The issues that make the file unusable."""
        return tuple(issue for issue in self.issues if issue.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The issues that do not prevent use."""
        return tuple(issue for issue in self.issues if not issue.is_error)

    @property
    def ok(self) -> bool:
        """True when the file has no error (warnings allowed)."""
        return not self.errors


def check_file(path: str | Path, *, check_path: bool = True) -> Report:
    """Check a questionnaire or, inside a ``mappings`` folder, a mapping file."""
    path = Path(path)
    if is_mapping_path(path):
        return check_mapping_file(path, check_path=check_path)
    return check_definition_file(path, check_path=check_path)


def check_definition_file(path: str | Path, *, check_path: bool = True) -> Report:
    """Check one questionnaire file; ``check_path`` adds the folder/file naming rules."""
    path = Path(path)
    source = read_yaml(path)
    definition, problems = _shaped(source, Definition)
    if definition is not None:
        problems += validate_definition(definition, path if check_path else None)
    return _report(path, source, definition, problems)


def check_mapping_file(path: str | Path, *, check_path: bool = True) -> Report:
    """Check one mapping file against the versions beside it (``../<version>.yaml``)."""
    path = Path(path)
    source = read_yaml(path)
    mapping, problems = _shaped(source, VersionMapping)
    if mapping is not None:
        older = _version_beside(path, mapping.from_version, "from_version", problems)
        newer = _version_beside(path, mapping.to_version, "to_version", problems)
        if older is not None and newer is not None:
            problems += validate_mapping(mapping, older, newer, path if check_path else None)
    return _report(path, source, mapping, problems)


def _version_beside(mapping_path: Path, version: str, key: str, problems: list[Problem]) -> Definition | None:
    # The usable definition of ``version`` beside a mapping file, or None with a problem added.
    folder = mapping_path.parent.parent
    candidates = [folder / f"{version}{suffix}" for suffix in (".yaml", ".yml")]
    found = next((candidate for candidate in candidates if candidate.is_file()), None)
    if found is None:
        problems.append(Catalog.MAPPING_VERSION_NOT_FOUND.at(key, version=version, folder=folder.name, key=key))
        return None
    report = check_definition_file(found)
    if not report.ok:
        problems.append(Catalog.MAPPING_VERSION_INVALID.at(key, version=version, count=len(report.errors),
                                                           file_name=found.name))
    return report.definition


def load_definition(path: str | Path) -> Definition:
    """Load and validate one questionnaire file; raise DefinitionError listing every problem.

    The repository layout (``path_mismatch``) is not required here, so a definition can be
    scored from anywhere; ``check_file`` and ``python -m scoring validate`` check it.
    """
    report = check_definition_file(path, check_path=False)
    if not report.ok:
        raise DefinitionError(report.issues)
    return report.definition


def definition_from_text(text: str, name: str = "<text>") -> Definition:
    """Build a definition from YAML text in memory; raise DefinitionError listing every problem.

    ``name`` is only used in messages. The application stores each registered version's text
    and rebuilds its definition with this, so a later change to the file cannot affect it.
    """
    source = read_yaml_text(text)
    definition, problems = _shaped(source, Definition)
    if definition is not None:
        problems += validate_definition(definition, None)
    report = _report(Path(name), source, definition, problems)
    if not report.ok:
        raise DefinitionError(report.issues)
    return report.definition


def load_mapping(path: str | Path, older: Definition | None = None,
                 newer: Definition | None = None) -> VersionMapping:
    """Load one version-mapping file; raise DefinitionError listing every problem.

    When both versions are given the mapping is also checked against them.
    """
    path = Path(path)
    source = read_yaml(path)
    mapping, problems = _shaped(source, VersionMapping)
    if mapping is not None and older is not None and newer is not None:
        problems += validate_mapping(mapping, older, newer)
    report = _report(path, source, mapping, problems)
    if not report.ok:
        raise DefinitionError(report.issues)
    return report.definition


def _shaped(source: Source, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """The model built from the file's data (or None) and the problems met on the way."""
    problems = list(source.problems)
    if source.data is None:
        return None, problems
    try:
        return model.model_validate(source.data), problems
    except ValidationError as error:
        return None, problems + shape_problems(error, model)
    except RecursionError:
        problems.append(Catalog.TOO_COMPLEX__NESTING.at(""))
        return None, problems


def _report(path: Path, source: Source, model: BaseModel | None, problems: list[Problem]) -> Report:
    issues = [problem.in_file(str(path), problem.line or _line(source, problem)) for problem in problems]
    issues.sort(key=lambda issue: issue.line or 0)
    usable = model if not any(issue.is_error for issue in issues) else None
    return Report(str(path), usable, tuple(issues))


def _line(source: Source, problem: Problem) -> int | None:
    return source.line_of(problem.location) if problem.location else None
