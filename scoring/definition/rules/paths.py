"""The repository layout: ``questionnaires/<id>/<version>.yaml`` and
``questionnaires/<id>/mappings/<from>-to-<to>.yaml``.

The layout lets tools find a version and its mappings from ids alone, so ``validate``
reports a file whose content disagrees with its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from scoring.definition.model import Definition, VersionMapping
from scoring.problems.problem import Problem

MAPPINGS_FOLDER = "mappings"


def check_definition_path(definition: Definition, path: Path) -> Iterator[Problem]:
    """``id`` is the folder's name and ``version`` the file's name without extension."""
    if definition.id != path.parent.name:
        yield _mismatch("id", f"id '{definition.id}' differs from the folder name '{path.parent.name}'",
                        f"store the file as {definition.id}/{definition.version}.yaml, or correct id")
    if definition.version != path.stem:
        yield _mismatch("version", f"version '{definition.version}' differs from the file name '{path.name}'",
                        f"name the file {definition.version}.yaml, or correct version")


def check_mapping_path(mapping: VersionMapping, path: Path) -> Iterator[Problem]:
    """A mapping sits in ``<id>/mappings/`` and is named ``<from>-to-<to>.yaml``."""
    expected = f"{mapping.from_version}-to-{mapping.to_version}"
    folder = path.parent.parent.name
    if mapping.questionnaire != folder:
        yield _mismatch("questionnaire", f"questionnaire '{mapping.questionnaire}' differs from the folder "
                        f"name '{folder}'", f"store the file in {mapping.questionnaire}/{MAPPINGS_FOLDER}/")
    if path.stem != expected:
        yield _mismatch("", f"the file name '{path.name}' does not match from_version and to_version",
                        f"name the file {expected}.yaml, or correct from_version and to_version")


def is_mapping_path(path: Path) -> bool:
    """True for files inside a ``mappings`` folder."""
    return path.parent.name == MAPPINGS_FOLDER


def _mismatch(location: str, message: str, fix: str) -> Problem:
    return Problem("path_mismatch", location, message, fix)
