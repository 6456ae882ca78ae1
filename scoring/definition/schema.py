"""The JSON Schema of the questionnaire format, generated from the model classes.

Editors use it for completion and checks while an author types; the loader remains the
authority (the schema cannot express rules such as unique ids or ascending bands).
The shipped copy is ``questionnaires/schema/questionnaire.v1.schema.json``; regenerate it
with ``python -m scoring schema > questionnaires/schema/questionnaire.v1.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from scoring.definition.model import Definition

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:mgf-assess:schema:questionnaire:v1"
SCHEMA_TITLE = "mgf-assess questionnaire (format_version 1)"
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "questionnaires" / "schema" / "questionnaire.v1.schema.json"


def build_schema() -> dict:
    """The JSON Schema of a questionnaire file, as a dictionary."""
    schema = Definition.model_json_schema()
    schema.update({"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, "title": SCHEMA_TITLE})
    schema["description"] = ("A versioned questionnaire of mgf-assess; the format is documented in "
                             "questionnaires/README.md.")
    return schema


def render_schema() -> str:
    """The schema as stable text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(build_schema(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

