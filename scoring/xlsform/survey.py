"""The survey sheet, row by row: domain and area groups, questions, and their options.

Every problem goes to the reading ``Context`` at the row it comes from.
"""

from __future__ import annotations

from scoring.problems.catalog import Catalog
from scoring.xlsform.columns import PERCENT_CONSTRAINT, PREFIX
from scoring.xlsform.sheets import Context, Row, compact, flag, json_cell

# Rows ODK fills in by itself (time stamps, device ids): nothing to ask, so they are skipped.
METADATA_TYPES = frozenset({"start", "end", "today", "deviceid", "phonenumber", "username", "email",
                            "audit", "simserial", "subscriberid"})
BY_XLSFORM_TYPE = {"select_one": "single_choice", "select_multiple": "multi_choice", "integer": "number",
                   "decimal": "number", "text": "text", "date": "date"}
FITS = {"yes_no": {"select_one"}, "single_choice": {"select_one"}, "multi_choice": {"select_multiple"},
        "number": {"integer", "decimal"}, "percent": {"integer", "decimal"}, "text": {"text"}, "date": {"date"}}


class SurveyReader:
    """Survey rows → domains → areas → questions, following the begin_group / end_group rows."""

    def __init__(self, columns: dict[str, dict[str, str]], lists: dict[str, list[tuple[Row, dict]]],
                 context: Context) -> None:
        self.columns, self.lists, self.context = columns, lists, context
        self.domains: list[dict] = []
        self.open: list[tuple[Row, dict | None, str]] = []  # open groups; None marks a misplaced one
        self.names: dict[str, str] = {}  # name → the row that used it first

    def read(self, rows: list[Row]) -> list[dict]:
        """The domains of the survey; structural problems go to the context."""
        for row in rows:
            self.feed(row)
        for row, _, _ in self.open:
            self.context.report(row, Catalog.XLSFORM_GROUP_STRUCTURE, name=row.word("name"))
        return self.domains

    def feed(self, row: Row) -> None:
        """Take one row: a group boundary, a question, or an ODK metadata row (skipped)."""
        kind = " ".join((row.word("type") or "").split())
        key = kind.lower().replace(" ", "_")
        if not kind:
            self.context.report(row, Catalog.XLSFORM_MISSING_TYPE)
        elif key == "begin_group":
            self.begin(row)
        elif key == "end_group":
            self.end(row)
        elif key not in METADATA_TYPES:
            self.question(row, kind)

    def begin(self, row: Row) -> None:
        """Open a domain (first level) or an area (second level)."""
        if row.word("relevant"):
            self.context.report(row, Catalog.XLSFORM_UNSUPPORTED)
        if len(self.open) >= 2:
            self.context.report(row, Catalog.XLSFORM_GROUP_STRUCTURE__TOO_DEEP)
            self.open.append((row, None, ""))
            return
        node = compact({"id": self.name(row), "title": row.texts(self.columns["label"]),
                        "help": row.texts(self.columns["hint"]), "weight": row.word(PREFIX + "weight"),
                        "method": row.word(PREFIX + "method")})
        location = self.add_area(node) if self.open else self.add_domain(node, row)
        self.context.rows[location] = row.where
        self.open.append((row, node, location))

    def add_domain(self, node: dict, row: Row) -> str:
        """Add a domain; its location."""
        node.update(compact({"target_band": row.word(PREFIX + "target_band")}), areas=[])
        self.domains.append(node)
        return f"domains[{len(self.domains) - 1}]"

    def add_area(self, node: dict) -> str:
        """Add an area to the open domain; its location."""
        _, domain, domain_location = self.open[0]
        node["questions"] = []
        domain["areas"].append(node)
        return f"{domain_location}.areas[{len(domain['areas']) - 1}]"

    def end(self, row: Row) -> None:
        """Close the innermost open group."""
        if self.open:
            self.open.pop()
        else:
            self.context.report(row, Catalog.XLSFORM_GROUP_STRUCTURE__NOT_OPEN)

    def question(self, row: Row, kind: str) -> None:
        """Read a question row and add it to the open area."""
        parsed = parse_type(kind)
        name = self.name(row)
        if parsed is None:
            self.context.report(row, Catalog.XLSFORM_UNKNOWN_TYPE, type=kind)
            return
        question = compact(self.question_data(row, parsed[0]) | {"id": name})
        scores = option_scores(row, self.context)
        options = scored(row, self.options(row, question["type"], parsed[1], name, scores), scores, self.context)
        area = self.area(row)
        if area is not None:
            self.attach(row, question, options, *area)

    def attach(self, row: Row, question: dict, options: list, area: dict, area_location: str) -> None:
        """Add a question (and its options) to an area, remembering the rows they came from."""
        location = f"{area_location}.questions[{len(area['questions'])}]"
        if options:
            question["options"] = [option for _, _, option in options]
        area["questions"].append(question)
        self.context.rows[location] = row.where
        for index, (option_row, score_row, _) in enumerate(options):
            self.context.rows[f"{location}.options[{index}]"] = option_row.where
            self.context.rows[f"{location}.options[{index}].score"] = score_row.where

    def question_data(self, row: Row, xlsform_type: str) -> dict:
        """A question's keys from its cells (None where the cell is empty)."""
        texts, context = self.columns, self.context
        data = {"type": self.our_type(row, xlsform_type), "label": row.texts(texts["label"]),
                "help": row.texts(texts["hint"]), "unit": row.texts(texts[PREFIX + "unit"]),
                "required": flag(row, "required", context), "weight": row.word(PREFIX + "weight"),
                "allow_na": flag(row, PREFIX + "allow_na", context), "relevant": row.text("relevant"),
                "allow_unknown": flag(row, PREFIX + "allow_unknown", context),
                "evidence": row.word(PREFIX + "evidence"), "min": row.word(PREFIX + "min"),
                "max": row.word(PREFIX + "max")}
        return data | {key: json_cell(row, PREFIX + key, context) for key in ("scoring", "tags", "recommendations")}

    def our_type(self, row: Row, xlsform_type: str) -> str:
        """gov_type when given (it must fit the XLSForm type), else the type XLSForm implies."""
        declared = row.word(PREFIX + "type")
        if declared is None:
            percent = xlsform_type in FITS["percent"] and row.word("constraint") == PERCENT_CONSTRAINT
            return "percent" if percent else BY_XLSFORM_TYPE[xlsform_type]
        if declared in FITS and xlsform_type not in FITS[declared]:
            self.context.report(row, Catalog.XLSFORM_TYPE_MISMATCH, column=f"{PREFIX}type", declared=declared,
                                type=xlsform_type, types=" or ".join(sorted(FITS[declared])))
        return declared

    def options(self, row: Row, our_type: str, list_name: str | None, question_id: str | None,
                scores: dict) -> list | None:
        """The (row, option) pairs of a select question's list; none for the shared yes/no list.

        None (with a problem) when the list is not on the choices sheet.
        """
        entries = [] if list_name is None else self.lists.get(list_name)
        if entries is None:
            self.context.report(row, Catalog.XLSFORM_UNKNOWN_LIST, list_name=list_name)
        elif our_type == "yes_no" and not own_yes_no_options(list_name, question_id, entries, scores):
            return []
        return entries

    def area(self, row: Row) -> tuple[dict, str] | None:
        """The open area (its data and location), or None with a problem when there is none."""
        if any(node is None for _, node, _ in self.open):
            return None  # inside a misplaced group, already reported
        if len(self.open) != 2:
            self.context.report(row, Catalog.XLSFORM_GROUP_STRUCTURE__OUTSIDE_AREA)
            return None
        _, node, location = self.open[-1]
        return node, location

    def name(self, row: Row) -> str | None:
        """The row's name, with a problem when it is missing or already used."""
        name = row.word("name")
        if name is None:
            self.context.report(row, Catalog.XLSFORM_MISSING_NAME)
        elif name in self.names:
            self.context.report(row, Catalog.XLSFORM_DUPLICATE_NAME, name=name, first=self.names[name])
        else:
            self.names[name] = row.where
        return name


def parse_type(kind: str) -> tuple[str, str | None] | None:
    """``select_one list`` → ('select_one', 'list'), ``decimal`` → ('decimal', None), else None."""
    words = kind.split()
    if [word.lower() for word in words[:2]] in (["select", "one"], ["select", "multiple"]):
        words = ["_".join(words[:2]), *words[2:]]
    head = words[0].lower()
    if head in ("select_one", "select_multiple") and len(words) == 2:
        return head, words[1]
    return (head, None) if len(words) == 1 and head in BY_XLSFORM_TYPE and not head.startswith("select") else None


def own_yes_no_options(list_name: str, question_id: str | None, entries: list[tuple[Row, dict]],
                       scores: dict) -> bool:
    """Whether a yes_no question's list is its own options, not the shared default yes/no list.

    A question's own list carries its id; a list with scores (gov::option_scores, or an older
    choices gov_score) or with other codes than yes and no is kept too, for validation to judge.
    """
    codes = sorted(option["code"] for _, option in entries)
    return (list_name == question_id or codes != ["no", "yes"] or bool(scores)
            or any("score" in option for _, option in entries))


def option_scores(row: Row, context: Context) -> dict:
    """The question's gov::option_scores, {code: score}; empty when absent or invalid (with a problem)."""
    scores = json_cell(row, PREFIX + "option_scores", context)
    if scores is None or isinstance(scores, dict):
        return {str(code): score for code, score in (scores or {}).items() if score is not None}
    context.report(row, Catalog.XLSFORM_INVALID_JSON__OBJECT, column=f"{PREFIX}option_scores")
    return {}


def scored(row: Row, entries: list[tuple[Row, dict]] | None, scores: dict, context: Context) -> list:
    """(option row, score row, option) for each option; a score from ``scores`` comes from ``row``."""
    if entries is None:
        return []  # no such list, already reported
    unknown = sorted(set(scores) - {option["code"] for _, option in entries})
    if unknown:
        context.report(row, Catalog.XLSFORM_UNKNOWN_OPTION, column=f"{PREFIX}option_scores", codes=", ".join(unknown))
    return [(option_row, row, option | {"score": scores[option["code"]]}) if option["code"] in scores
            else (option_row, option_row, dict(option)) for option_row, option in entries]
