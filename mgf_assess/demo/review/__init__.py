"""The demo's reviews: the demo assessments planned beyond ``submitted`` taken through the
evaluator's review (``seeding``), with queries and replies, internal comments, evidence
verdicts, score overrides and questions looked at (``content``, worded by ``texts``), then
returned, accepted, validated by the government or reopened, as each plan says.

Run as a ``SEED_STEPS`` step of ``mgf demo`` after the assessments and before publication.
Reviews are done by the country's demo evaluator, else by the demo admin; the country's demo
focal point replies and validates, else the admin validates. Idempotent and deterministic.
"""

from mgf_assess.demo.review.seeding import seed_reviews

__all__ = ["seed_reviews"]
