"""The XLSForm layout both directions share: sheet names, our column prefix, language names.

The standard sheets ``survey``, ``choices`` and ``settings`` let ODK Collect, Enketo and
KoboToolbox open a workbook. What XLSForm has no column for (weights, scoring rules, option
scores, recommendations, bands…) travels in ``gov::<key>`` columns of the survey and settings
sheets, which pyxform ignores; option scores go in the question's ``gov::option_scores``, as
pyxform fails on a ``gov::`` column of the choices sheet. KoboToolbox takes any ``name::x``
column for a translation, so it may list our keys as extra "languages"; the form still works
and our data survives. Reading also accepts the older ``gov_<key>`` columns (and a choices
``gov_score``). ``questionnaires/XLSFORM.md`` lists every column; language columns are named as
``scoring.xlsform.languages`` says.
"""

from __future__ import annotations

from decimal import Decimal

from scoring.definition.model import PERCENT_RANGE
from scoring.xlsform.dump import decimal_text

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
NAMESPACE = "gov"
PREFIX = NAMESPACE + "::"  # gov::weight, gov::unit::English (en)…
LEGACY_PREFIX = "gov_"  # gov_weight…, in workbooks exported before; read as gov::weight
PERCENT_CONSTRAINT = ". >= 0 and . <= 100"


def range_constraint(kind: str, low: Decimal | None, high: Decimal | None) -> str | None:
    """The XLSForm constraint a number's declared range (``min``, ``max``) is written as; a percent
    always has one, 0 to 100 unless narrowed."""
    if kind == "percent":
        low = PERCENT_RANGE[0] if low is None else max(low, PERCENT_RANGE[0])
        high = PERCENT_RANGE[1] if high is None else min(high, PERCENT_RANGE[1])
    bounds = [f". >= {decimal_text(low)}" if low is not None else None,
              f". <= {decimal_text(high)}" if high is not None else None]
    return " and ".join(bound for bound in bounds if bound) or None
