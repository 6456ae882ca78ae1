"""The repository layout: ``questionnaires/<id>/<version>.yaml`` and
``questionnaires/<id>/mappings/<from>-to-<to>.yaml``.

The layout lets tools find a version and its mappings from ids alone, so ``validate``
reports a file whose content disagrees with its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from scoring.definition.model import Definition, VersionMapping
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem

MAPPINGS_FOLDER = "mappings"


def check_definition_path(definition: Definition, path: Path) -> Iterator[Problem]:
    """``id`` is the folder's name and ``version`` the file's name without extension."""
    if definition.id != path.parent.name:
        yield Catalog.PATH_MISMATCH__ID.at("id", id=definition.id, folder=path.parent.name,
                                           version=definition.version)
    if definition.version != path.stem:
        yield Catalog.PATH_MISMATCH__VERSION.at("version", version=definition.version, file_name=path.name)


def check_mapping_path(mapping: VersionMapping, path: Path) -> Iterator[Problem]:
    """A mapping sits in ``<id>/mappings/`` and is named ``<from>-to-<to>.yaml``."""
    expected = f"{mapping.from_version}-to-{mapping.to_version}"
    folder = path.parent.parent.name
    if mapping.questionnaire != folder:
        yield Catalog.PATH_MISMATCH__QUESTIONNAIRE.at("questionnaire", questionnaire=mapping.questionnaire,
                                                      folder=folder, mappings=MAPPINGS_FOLDER)
    if path.stem != expected:
        yield Catalog.PATH_MISMATCH__MAPPING_NAME.at("", file_name=path.name, expected=expected)


def is_mapping_path(path: Path) -> bool:
    """True for files inside a ``mappings`` folder."""
    return path.parent.name == MAPPINGS_FOLDER
