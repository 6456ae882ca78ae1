"""Assessments feature: opening, assignments, generated section forms, answers, evidence, submission."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.assessments import models  # noqa: F401  (tables are known to migrations)
