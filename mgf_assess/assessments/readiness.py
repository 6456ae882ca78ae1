"""What a submission requires: every relevant required question answered or justified."""

from __future__ import annotations


def missing_items(result: dict, definition) -> list[dict]:
    """Relevant required questions that are neither answered nor justified as not applicable."""
    missing = []
    for domain in result["domains"]:
        for area in domain["areas"]:
            for question in area["questions"]:
                q = definition.question_map[question["id"]]
                if q.required and question["status"] == "missing":
                    missing.append({"question": q.id, "domain": domain["id"], "area": area["id"]})
    return missing
