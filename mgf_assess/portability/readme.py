"""The README inside an assessment's export: what each file holds and how to read it."""

from __future__ import annotations

from mgf_assess.portability.collect import Export

INTERNAL_LEFT_OUT = ("Internal review comments (evaluators' and administrators' notes that never reach the country) "
                     "are LEFT OUT of this export, with their replies and their audit events; 'mgf export-assessment "
                     "--include-internal' includes them.")
INTERNAL_INCLUDED = ("This export INCLUDES internal review comments (evaluators' and administrators' notes that never "
                     "reach the country; 'internal' is true) and their audit events: share it accordingly.")

FILES = """\
Files
-----
README.txt           this file.
assessment.json      the assessment: country, questionnaire family and version, cycle, state, dates
                     (ISO 8601, UTC) and the export's own details under "export".
answers.json         every current answer, one object per question: question_id, status (answered,
                     na, unknown), value (text, number, list of option codes, ISO date), justification,
                     revision (grows by one on every save), carried_over, carry_note, updated_by_id,
                     updated_at.
answers.csv          the same answers as a table (UTF-8, comma-separated, a header row); value holds
                     JSON when it is not a single text or number (lists of option codes).
evidence.json        every piece of evidence attached to an answer: question_id, kind (law, policy,
                     implementation, statistics, other), citation, url, the uploaded file's name,
                     content_type and size, the evaluator's review (accepted, review_note,
                     reviewed_by_id, reviewed_at), and "file": the path of its file in this archive
                     with its "sha256", or null (a citation or link without a file; "file_missing"
                     is true when a file was uploaded but is no longer in storage).
evidence/            the uploaded files, named ID-NAME (ID: the evidence's id, NAME: its uploaded
                     name with unusual characters replaced by _).
review_comments.json the review threads: queries and comments per question (kind, status of a
                     query, text, author_id, created_at, resolved_by_id, resolved_at); replies point
                     at their thread's first message through reply_to_id.
score_overrides.json the evaluator's validated scores (0-100) per question, with their justification;
                     the self-assessed score stays what the answer gives.
score_snapshots.json the immutable score snapshots (submitted, reviewed, validated): the answers and
                     overrides they were computed from, the whole result and its summary.
audit_events.json    the audit log of this assessment, its answers, evidence, overrides and exported
                     comments, oldest first: who (actor_id), when (at), what (action, object_type,
                     object_id), old_value, new_value, reason, and the hash chain (previous_hash,
                     hash) that 'mgf audit verify' checks in the database.
people.json          the people the other files name by id (*_by_id, author_id, actor_id): id, name
                     and role.
"""


def readme(export: Export, include_internal: bool, exported_at: str) -> str:
    """The README's text for ``export``."""
    assessment = export.assessment
    head = (f"Export of assessment {assessment['id']}: {assessment['country_code']}, questionnaire "
            f"{assessment['questionnaire']['family']} {assessment['questionnaire']['version']}, cycle "
            f"{assessment['cycle']}, state {assessment['state']}.\nExported at {exported_at} (UTC) by mgf-assess.\n\n"
            f"{len(export.answers)} answers, {len(export.evidence)} pieces of evidence, "
            f"{len(export.review_comments)} review comments, {len(export.score_overrides)} score overrides, "
            f"{len(export.score_snapshots)} score snapshots, {len(export.audit_events)} audit events.\n\n")
    return head + (INTERNAL_INCLUDED if include_internal else INTERNAL_LEFT_OUT) + "\n\n" + FILES
