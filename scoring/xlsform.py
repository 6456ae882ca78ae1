"""XLSForm interchange: questionnaires as ODK / KoboToolbox workbooks, and back.

A workbook has the standard sheets ``survey``, ``choices`` and ``settings``, so ODK Collect,
Enketo and KoboToolbox can open it. What XLSForm has no column for (weights, scores, scoring
rules, recommendations, bands…) travels in extra columns named ``gov_…``, which XLSForm tools
keep and ignore. ``questionnaires/XLSFORM.md`` lists every column.

The prefix is ``gov_`` and not ``gov::``: KoboToolbox reads any ``name::x`` column as the
translation of ``name`` into a language ``x``, and pyxform fails on a ``gov::score`` column of
the choices sheet (it nests the value under ``gov`` and cannot write it into the form).

openpyxl is imported by the reading and writing modules only when they run, so importing
``scoring`` stays light.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import yaml

from scoring.model import Definition

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
PREFIX = "gov_"
PERCENT_CONSTRAINT = ". >= 0 and . <= 100"
DEFAULT_YES_NO_LIST = "yes_no"

# Language names shown by ODK and KoboToolbox, each in its own language; any other code is
# written as "xx (xx)".
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский",
    "zh": "中文", "pt": "Português", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe",
}
# Labels of the yes/no list written for yes_no questions that keep the default scores.
YES_NO_LABELS = {
    "en": ("Yes", "No"), "fr": ("Oui", "Non"), "es": ("Sí", "No"), "ar": ("نعم", "لا"),
    "ru": ("Да", "Нет"), "zh": ("是", "否"), "pt": ("Sim", "Não"), "de": ("Ja", "Nein"),
    "it": ("Sì", "No"), "tr": ("Evet", "Hayır"),
}
_CODE_IN_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*$")


def write_xlsform(definition: Definition, out_path: Path) -> None:
    """Write ``definition`` as an XLSForm workbook (.xlsx) at ``out_path``."""
    from scoring.xlsform_write import write_workbook

    write_workbook(definition, Path(out_path))


def read_xlsform_to_yaml(in_path: Path) -> str:
    """The questionnaire YAML text of the workbook at ``in_path``, validated.

    Raises DefinitionError listing every problem, each located by sheet and row
    (``survey row 12``), when the workbook cannot become a valid definition.
    """
    from scoring.xlsform_read import workbook_to_yaml

    return workbook_to_yaml(Path(in_path))


def read_xlsform(in_path: Path) -> Definition:
    """The validated definition of the workbook at ``in_path`` (see read_xlsform_to_yaml)."""
    from scoring.loader import definition_from_text

    path = Path(in_path)
    return definition_from_text(read_xlsform_to_yaml(path), str(path))


def language_header(code: str) -> str:
    """The language part of a column name: ``English (en)``, as XLSForm tools expect."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def language_code(header: str) -> str | None:
    """The code in ``English (en)``; a bare known name or code also works; else None."""
    header = header.strip()
    match = _CODE_IN_NAME.match(header)
    if match:
        return match.group("code").strip()
    by_name = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}
    if header.lower() in by_name:
        return by_name[header.lower()]
    return header if re.fullmatch(r"[a-z0-9_]+", header) else None


def decimal_text(value: Decimal | int) -> str:
    """Exact text of a number, never in exponent notation (``1E+2`` → ``100``)."""
    return format(Decimal(value), "f")


def to_json(value: object) -> str:
    """Compact JSON with sorted keys; Decimals are written as exact JSON numbers."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        items = (f"{json.dumps(key, ensure_ascii=False)}: {to_json(value[key])}" for key in sorted(value))
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def from_json(text: str) -> object:
    """Parse JSON, reading fractions as exact Decimals; raise ValueError when invalid."""
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON and mean nothing as a score or a weight.
    raise ValueError(f"{name} is not a number allowed here")


class _Dumper(yaml.SafeDumper):
    """Safe dumper writing Decimals as plain numbers and tuples as lists."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = decimal_text(value)
    # The tag must be the one the text resolves to, or PyYAML writes an explicit !!float.
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)


def dump_yaml(data: dict) -> str:
    """Readable YAML of a definition's data: keys as given, one text per line, UTF-8."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100_000)
