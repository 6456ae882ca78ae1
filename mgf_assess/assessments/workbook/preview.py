"""Comparing an uploaded workbook with the stored answers, before anything is written.

Each row of the Answers sheet is, in this order:

* **invalid** when its question id is unknown or repeated, a cell cannot be read, or the
  answer check refuses it (located at the cell, with the check's message);
* **unchanged** when it says what is stored now (whatever its revision): nothing to do;
* **refused** when it would change a question outside the sections the user writes;
* a **change** when the answer was not changed on the server since the download (same
  revision): it is saved on that revision;
* **kept** when the server's answer changed since the download but the row is still as it was
  downloaded (its fingerprint in ``_about``): the other person's answer stays;
* a **conflict** otherwise: both changed it. The person chooses, per row, their answer or the
  stored one (whose author and time are shown);
* **skipped** (a change or conflict) when its question does not apply given the answers, as on
  the section pages.

The preview can be applied only when no row is invalid or refused: all or nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import queries
from mgf_assess.assessments.labels import problem_field, problem_message
from mgf_assess.assessments.models import Answer
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.assessments.sections import hidden_ids, overlay, stored_typed
from mgf_assess.assessments.workbook import layout, scopes
from mgf_assess.assessments.workbook.problems import Location, WorkbookRefused
from mgf_assess.assessments.workbook.read import Row, UploadedWorkbook
from mgf_assess.assessments.workbook.values import (
    Vocabulary,
    checked,
    fingerprint,
    read_payload,
    read_revision,
    stored_state,
)
from mgf_assess.i18n import localized
from scoring.api import Definition, Question

STATE_KEYS = ("status", "value", "justification")


@dataclass
class Item:
    """One row that would change an answer: the stored answer, the row's, and on what revision."""

    question: Question
    section: str
    row: int
    current: Answer | None
    new: dict | None  # status, value, justification; None: no answer
    payload: dict | None
    base_revision: int
    message: str = ""  # why it is refused or skipped
    location: Location | None = None  # the answer cell of a refused row


@dataclass(frozen=True)
class Invalid:
    location: Location
    code: str
    message: str
    question: Question | None = None


@dataclass
class Preview:
    digest: str
    rows: int
    downloaded_at: str = ""
    changes: list[Item] = field(default_factory=list)
    conflicts: list[Item] = field(default_factory=list)
    invalid: list[Invalid] = field(default_factory=list)
    refused: list[Item] = field(default_factory=list)
    kept: list[Item] = field(default_factory=list)
    skipped: list[Item] = field(default_factory=list)
    unchanged: int = 0

    @property
    def ready(self) -> bool:
        """Whether it may be applied: nothing invalid and nothing refused."""
        return not self.invalid and not self.refused

    @property
    def plan(self) -> str:
        """A digest of what applying would do (which rows change or conflict, on which
        revisions): the page's apply form carries the one it showed, and applying is refused
        when the preview has changed since."""
        rows = [("change", item.question.id, item.base_revision) for item in self.changes]
        rows += [("conflict", item.question.id, item.current.revision) for item in self.conflicts]
        return hashlib.sha256(json.dumps(sorted(rows)).encode("utf-8")).hexdigest()[:32]


@dataclass
class _Context:
    workbook: UploadedWorkbook
    definition: Definition
    stored: dict[str, Answer]
    author: object  # (domain, area) → bool
    places: dict[str, tuple]  # question id → (domain, area, "1.2 Area title")
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    seen: dict[str, int] = field(default_factory=dict)


def build_preview(actor, assessment, workbook: UploadedWorkbook) -> Preview:
    """What applying ``workbook`` would do to ``assessment``, row by row, for ``actor`` (None:
    the command line, which may change every row). Raises WorkbookRefused when the workbook is
    not one of this assessment."""
    definition = definition_for(assessment)
    check_identity(assessment, definition, workbook.about)
    context = _Context(workbook, definition, queries.answers_of(assessment), scopes.may_author(actor, assessment),
                       _places(definition))
    preview = Preview(workbook.digest, len(workbook.rows), workbook.about.get("downloaded_at"))
    for row in workbook.rows:
        _classify(context, row, preview)
    _skip_irrelevant(assessment, definition, preview)
    return preview


def check_identity(assessment, definition, about) -> None:
    """Refuse a workbook of another format version, questionnaire or assessment."""
    if about.get("format_version") != str(layout.FORMAT_VERSION):
        raise WorkbookRefused("wrong_format", _l(
            "This workbook has the format version %(found)s, which this application does not read. Download a new "
            "workbook and copy your answers into it.", found=about.get("format_version") or "?"))
    found = f"{about.get('questionnaire')} {about.get('version')}"
    expected = f"{definition.id} {definition.version}"
    if found != expected:
        raise WorkbookRefused("wrong_questionnaire", _l(
            "This workbook is for the questionnaire %(found)s; this assessment uses %(expected)s. Download the "
            "workbook of this assessment and copy your answers into it.", found=found, expected=expected))
    if about.get("assessment") != str(assessment.id):
        raise WorkbookRefused("wrong_assessment", _l(
            "This workbook was downloaded from another assessment (%(found)s), not from this one. Upload it on the "
            "page of its own assessment, or download the workbook of this one.",
            found=f"{about.get('country')} {about.get('cycle')}"))


def _places(definition) -> dict[str, tuple]:
    """Question id → (domain, area, "1.2 Area title")."""
    return {question.id: (domain, area, f"{number} {localized(area.title)}")
            for number, domain, area in scopes.sections(definition) for question in area.questions}


def _classify(context: _Context, row: Row, preview: Preview) -> None:
    question = context.definition.question_map.get(row.question)
    if question is None or row.question in context.seen or row.problems:
        preview.invalid += _row_problems(context, row, question)
        return
    context.seen[row.question] = row.number
    payload = read_payload(question, row.cells, context.vocabulary, row.percent_format)
    state, problems = checked(context.definition, question.id, payload)
    current = context.stored.get(question.id)
    if not problems and state == stored_state(current):
        preview.unchanged += 1
    else:
        _compare(context, row, Item(question, "", row.number, current, _state_dict(state), payload, 0), problems,
                 preview)


def _compare(context: _Context, row: Row, item: Item, problems: list, preview: Preview) -> None:
    """A row that would change the answer: refused, invalid, or placed by its revision."""
    domain, area, item.section = context.places[item.question.id]
    if not context.author(domain, area):
        item.message = _("%(section)s is not one of the sections you may change: this row is refused. Undo its "
                         "change, or ask the focal point.", section=item.section)
        item.location = context.workbook.location(row.number, "answer")
        preview.refused.append(item)
    elif problems:
        preview.invalid += [_check_problem(context, row, item.question, problem) for problem in problems]
    else:
        _by_revision(context, row, item, preview)


def _row_problems(context: _Context, row: Row, question: Question | None) -> list[Invalid]:
    location = context.workbook.location(row.number, "question_id")
    if not row.question:
        return [Invalid(location, "question_required", _(
            "This row has no question id. Put the answer on the row of its question."))]
    if question is None:
        return [Invalid(location, "unknown_question", _(
            "The questionnaire of this assessment has no question %(id)s. Do not change the question ids.",
            id=row.question))]
    if row.question in context.seen:
        return [Invalid(location, "duplicate_question", _(
            "The question %(id)s has a row already (row %(first)s): keep one row per question.", id=row.question,
            first=context.seen[row.question]), question)]
    return [Invalid(problem.location, problem.code, problem.message, question) for problem in row.problems]


def _check_problem(context: _Context, row: Row, question: Question, problem) -> Invalid:
    key = {"value": "answer"}.get(problem_field(problem.location), problem_field(problem.location))
    return Invalid(context.workbook.location(row.number, key), problem.code,
                   problem_message(problem.code, question, problem.message), question)


def _by_revision(context: _Context, row: Row, item: Item, preview: Preview) -> None:
    """A change on the revision downloaded, a server change to keep, or a conflict."""
    revision = read_revision(row.cells.get("revision"))
    if revision is None:
        preview.invalid.append(Invalid(context.workbook.location(row.number, "revision"), "invalid_revision", _(
            "The revision must stay as it was downloaded (a whole number). Download a new workbook if it was "
            "changed."), item.question))
        return
    item.base_revision = revision
    current_revision = item.current.revision if item.current else 0
    if revision == current_revision:
        preview.changes.append(item)
    elif context.workbook.about.downloaded.get(item.question.id) == (revision, fingerprint(_state_tuple(item.new))):
        preview.kept.append(item)
    else:
        preview.conflicts.append(item)


def _state_dict(state) -> dict | None:
    return None if state is None else dict(zip(STATE_KEYS, state, strict=True))


def _state_tuple(new: dict | None) -> tuple | None:
    return None if new is None else tuple(new[key] for key in STATE_KEYS)


def _skip_irrelevant(assessment, definition, preview: Preview) -> None:
    """Changes and conflicts of questions that do not apply given the answers (the stored ones
    with the changes on top) are not saved, as on the section pages."""
    if not preview.changes and not preview.conflicts:
        return
    payloads = {item.question.id: item.payload for item in preview.changes}
    hidden = hidden_ids(definition, overlay(definition, stored_typed(assessment, definition), payloads))
    for name in ("changes", "conflicts"):
        items = getattr(preview, name)
        for item in [item for item in items if item.question.id in hidden]:
            item.message = _("This question does not apply given the answers: its row is not saved.")
            preview.skipped.append(item)
        setattr(preview, name, [item for item in items if item.question.id not in hidden])
