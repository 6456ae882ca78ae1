"""API endpoints."""

from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from mgf_assess.api import (  # noqa: F401  (register endpoints, handlers)
    answers,
    assessments,
    comments,
    comparisons,
    errors,
    evidence,
    notifications,
    review,
    workbook,
)
from mgf_assess.api.blueprint import bp, token_required
from mgf_assess.api.openapi import openapi_document
from mgf_assess.extensions import db


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document; public, as it describes the API without revealing any data."""
    return jsonify(openapi_document())


@bp.get("/me")
@token_required
def me():
    """The account behind the token."""
    user = current_user
    body = {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "country": user.country_code, "language": user.language,
            "countries": sorted(user.country_codes)}
    db.session.commit()  # keeps the token's last-used time
    return jsonify(body)
