"""The shipped JSON Schema matches the model it is generated from."""

import json

from scoring.definition.schema import SCHEMA_PATH, build_schema, render_schema

REGENERATE = "python -m scoring schema > questionnaires/schema/questionnaire.v1.schema.json"


def test_shipped_schema_is_up_to_date():
    shipped = SCHEMA_PATH.read_text(encoding="utf-8")
    assert shipped == render_schema(), f"the schema is out of date; regenerate it with: {REGENERATE}"


def test_schema_is_stable_json_with_identity():
    schema = build_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"] and schema["title"]
    text = render_schema()
    assert text.endswith("}\n") and json.loads(text) == json.loads(json.dumps(schema))


def test_schema_forbids_unknown_keys():
    assert build_schema()["additionalProperties"] is False
    assert build_schema()["$defs"]["Question"]["additionalProperties"] is False
