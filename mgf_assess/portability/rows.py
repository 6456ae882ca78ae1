"""Rows of the ORM models as plain JSON values: every mapped column, so a column added to a
table is exported without a change here."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect

from mgf_assess.extensions import db


def plain(value: Any) -> Any:
    """A column value as JSON has it: times in ISO 8601, decimals as numbers."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def columns(obj) -> dict:
    """Every mapped column of an ORM object, by attribute name."""
    return {attr.key: plain(getattr(obj, attr.key)) for attr in inspect(obj).mapper.column_attrs}


def rows(model, *conditions) -> list[dict]:
    """The rows of ``model`` matching ``conditions``, in id order."""
    query = db.select(model).where(*conditions).order_by(model.id)
    return [columns(obj) for obj in db.session.scalars(query)]
