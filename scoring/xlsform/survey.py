"""The survey sheet, row by row, into a tree of groups (and repeats) holding questions and notes.

How the tree becomes domains and areas is ``scoring.xlsform.layout``; how its expressions are
checked, ``scoring.xlsform.conditions``. Every row's outcome and problem goes to the ``Context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.problems.catalog import Catalog
from scoring.xlsform.columns import PREFIX
from scoring.xlsform.items import Columns, Item, other_item, other_option, question_data
from scoring.xlsform.names import Names
from scoring.xlsform.sheets import Context, Row, compact, json_cell
from scoring.xlsform.types import RowType, read_type


@dataclass
class Group:
    """A group or a repeat of the survey (the root has no row) and what it holds, in order."""

    row: Row | None
    id: str
    data: dict = field(default_factory=dict)  # title, help, gov:: weight, method, target_band
    relevant: str | None = None
    repeat: bool = False
    children: list = field(default_factory=list)  # Group | Item


class SurveyReader:
    """Survey rows → a tree of groups and items, names made unique ids on the way."""

    def __init__(self, columns: Columns, lists: dict[str, list], languages: list[str], context: Context) -> None:
        self.columns, self.lists, self.languages, self.context = columns, lists, languages, context
        self.names = Names(context)
        self.root = Group(None, "")
        self.open: list[Group] = [self.root]
        self.skipped: dict[str, str] = {}  # name → type of the rows left out

    def read(self, rows: list[Row]) -> Group:
        """The tree of the survey; unclosed groups are reported."""
        for row in rows:
            self.feed(row)
        for group in self.open[1:]:
            self.context.report(group.row, Catalog.XLSFORM_GROUP_STRUCTURE, name=group.row.word("name"))
        return self.root

    def feed(self, row: Row) -> None:
        """Take one row: a group boundary, a question or note, or a row to skip."""
        text = row.word("type")
        if text is None:
            self.context.report(row, Catalog.XLSFORM_MISSING_TYPE)
            self.context.became(row, "skipped", detail="no type")
            return
        row_type = read_type(text)
        if row_type.kind in ("begin_group", "begin_repeat"):
            self.begin(row, row_type.kind == "begin_repeat")
        elif row_type.kind == "end":
            self.end(row, row_type)
        elif row_type.kind in ("metadata", "skipped"):
            self.skip(row, row_type)
        else:
            self.item(row, row_type)

    def begin(self, row: Row, repeat: bool) -> None:
        """Open a group or a repeat (a repeat is asked once, with a warning)."""
        name = self.name(row)
        group = Group(row, self.names.claim(name, row) if name else self.names.fresh("group"), repeat=repeat)
        group.data = compact({"title": row.texts(self.columns.of("label")) or {self.columns.default: name or "?"},
                              "help": row.texts(self.columns.of("hint")), "weight": row.word(PREFIX + "weight"),
                              "method": row.word(PREFIX + "method"),
                              "target_band": row.word(PREFIX + "target_band")})
        group.relevant = row.text("relevant")
        if repeat:
            self.context.report(row, Catalog.XLSFORM_REPEAT, name=name)
        self.open[-1].children.append(group)
        self.open.append(group)

    def end(self, row: Row, row_type: RowType) -> None:
        """Close the innermost open group; its name (if any) does not count as a name."""
        if len(self.open) == 1:
            self.context.report(row, Catalog.XLSFORM_GROUP_STRUCTURE__NOT_OPEN, type=row_type.word)
            return
        group = self.open.pop()
        self.context.became(row, "end", group.id)

    def skip(self, row: Row, row_type: RowType) -> None:
        """Leave out a row that has no meaning in a questionnaire, with a warning."""
        entry = Catalog.XLSFORM_METADATA if row_type.kind == "metadata" else Catalog.XLSFORM_SKIPPED
        self.context.report(row, entry, type=row.word("type"))
        self.context.became(row, "skipped", row.word("name"), row_type.word)
        if row.word("name"):
            self.skipped[row.word("name")] = row_type.word

    def item(self, row: Row, row_type: RowType) -> None:
        """Add a question or a note (and, for ``or_other``, its "other" text question)."""
        name = self.name(row)
        if name is None:
            return
        data = question_data(row, self.names.claim(name, row), row_type, self.columns, self.context)
        item = Item(row, data, relevant=row.text("relevant"), constraint=row.text("constraint"))
        if row_type.list_name is not None:
            item.options = self.options(row, row_type, data)
        self.open[-1].children.append(item)
        if row_type.or_other:
            self.add_other(item)

    def add_other(self, item: Item) -> None:
        if not any(option["code"] == "other" for _, _, option in item.options):
            item.options.append((item.row, item.row, other_option(self.languages)))
        other = other_item(item, self.languages, self.names.fresh(f"{item.id}_other"))
        self.context.report(item.row, Catalog.XLSFORM_DEFAULT_OTHER, id=other.id)
        self.open[-1].children.append(other)

    def options(self, row: Row, row_type: RowType, data: dict) -> list:
        """(option row, score row, option) of a select's list, with gov::option_scores applied."""
        entries = self.lists.get(row_type.list_name)
        if entries is None:
            self.context.report(row, Catalog.XLSFORM_UNKNOWN_LIST, list_name=row_type.list_name)
            return []
        scores = option_scores(row, self.context)
        if data["type"] == "yes_no" and not own_yes_no_options(row_type.list_name, data["id"], entries, scores):
            return []
        return scored(row, entries, scores, self.context)

    def name(self, row: Row) -> str | None:
        """The row's name; None (with an error, as pyxform) when it has none."""
        name = row.word("name")
        if name is None:
            self.context.report(row, Catalog.XLSFORM_MISSING_NAME)
        return name


def own_yes_no_options(list_name: str, question_id: str, entries: list[tuple[Row, dict]], scores: dict) -> bool:
    """Whether a yes_no question's list is its own options, not the shared default yes/no list.

    A question's own list carries its id; a list with scores (gov::option_scores, or an older
    choices gov_score) or with other codes than yes and no is kept too, for validation to judge.
    """
    codes = sorted(option["code"] for _, option in entries)
    return (list_name == question_id or codes != ["no", "yes"] or bool(scores)
            or any("score" in option for _, option in entries))


def option_scores(row: Row, context: Context) -> dict:
    """The question's gov::option_scores, {code: score}; empty when absent or invalid (with a warning)."""
    scores = json_cell(row, PREFIX + "option_scores", context)
    if scores is None or isinstance(scores, dict):
        return {str(code): score for code, score in (scores or {}).items() if score is not None}
    context.report(row, Catalog.XLSFORM_INVALID_JSON__OBJECT, column=f"{PREFIX}option_scores")
    return {}


def scored(row: Row, entries: list[tuple[Row, dict]], scores: dict, context: Context) -> list:
    """(option row, score row, option) for each option; a score from ``scores`` comes from ``row``."""
    unknown = sorted(set(scores) - {option["code"] for _, option in entries})
    if unknown:
        context.report(row, Catalog.XLSFORM_UNKNOWN_OPTION, column=f"{PREFIX}option_scores", codes=", ".join(unknown))
    return [(option_row, row, option | {"score": scores[option["code"]]}) if option["code"] in scores
            else (option_row, option_row, dict(option)) for option_row, option in entries]
