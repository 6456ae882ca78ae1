"""Reading questionnaire files. (Provisional: replaced by the full validating loader.)"""

from pathlib import Path

import yaml

from scoring.model import Definition, VersionMapping


def load_definition(path: str | Path) -> Definition:
    """Load and validate one questionnaire file; raise DefinitionError listing every problem."""
    with open(path, encoding="utf-8") as handle:
        return Definition.model_validate(yaml.safe_load(handle))


def load_mapping(path: str | Path) -> VersionMapping:
    """Load and validate one version-mapping file."""
    with open(path, encoding="utf-8") as handle:
        return VersionMapping.model_validate(yaml.safe_load(handle))
