"""Readable YAML text of a definition's data, as written by an XLSForm import."""

from __future__ import annotations

from decimal import Decimal

import yaml


def decimal_text(value: Decimal | int) -> str:
    """Exact text of a number, never in exponent notation (``1E+2`` → ``100``)."""
    return format(Decimal(value), "f")


# libyaml's emitter when PyYAML was built with it: about ten times faster than the pure-Python
# one, and the same text (lists in a mapping start at the key's indentation, YAML's usual layout).
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):
    """Safe dumper: Decimals as plain numbers, short lists of values inline."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = decimal_text(value)
    # The tag must be the one the text resolves to, or PyYAML writes an explicit !!float.
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _represent_list(dumper: yaml.SafeDumper, value: list | tuple) -> yaml.SequenceNode:
    inline = all(isinstance(item, str | int | Decimal) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=inline)


def _represent_dict(dumper: yaml.SafeDumper, value: dict) -> yaml.MappingNode:
    # Short mappings of plain values ({min: 75, score: 100}, {en: "%", fr: "%"}) read best inline.
    plain = all(isinstance(item, str | int | Decimal) for item in value.values())
    inline = plain and sum(len(str(key)) + len(str(item)) + 4 for key, item in value.items()) <= 60
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=inline)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
TEXT_KEYS = frozenset({"title", "description", "help", "label", "unit", "text"})


def dump_yaml(data: dict) -> str:
    """Readable YAML of a definition's data: keys as given, texts in language order, one per line."""
    order = {code: index for index, code in enumerate(data.get("languages", ()))}
    return yaml.dump(_texts_in_order(data, order), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100_000)


def _texts_in_order(value: object, order: dict[str, int]) -> object:
    # Every key in TEXT_KEYS holds a multilingual text in the format; JSON cells sorted them.
    if isinstance(value, list | tuple):
        return [_texts_in_order(item, order) for item in value]
    if not isinstance(value, dict):
        return value
    return {key: dict(sorted(item.items(), key=lambda pair: order.get(pair[0], len(order))))
            if key in TEXT_KEYS and isinstance(item, dict) else _texts_in_order(item, order)
            for key, item in value.items()}


def definition_yaml(definition) -> str:
    """The YAML text of a definition, with only the keys its source set (a default written out
    can change meaning: a linear scale's direction)."""
    return dump_yaml(definition.model_dump(mode="python", exclude_unset=True, by_alias=True))
