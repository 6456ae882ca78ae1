"""Any grouping of a survey as domains and areas.

* no group at all: one domain (the form's title) with one area;
* groups at the top: each a domain; a domain whose group holds no group has one area of the
  same title, else each group inside is an area and the questions directly inside go to a
  "General" area of the domain;
* deeper groups are flattened into the second-level area, their titles kept in the help of
  their questions (``Group › Subgroup``);
* questions outside any group go to a "General" domain and area;
* a group's ``relevant`` applies to every question inside it, combined with ``and``;
* a group left without any question is left out, with a warning.

Every location of the result is tied to the row it came from (``Context.rows``), and every
group row to what it became (``Context.became``).
"""

from __future__ import annotations

from scoring.problems.catalog import Catalog
from scoring.xlsform.items import Item
from scoring.xlsform.names import Names
from scoring.xlsform.sheets import Context, Row
from scoring.xlsform.survey import Group

GENERAL = {"en": "General", "fr": "Général", "es": "General", "ar": "عام"}
PATH_SEPARATOR = " › "


class Layout:
    """Builds the domains of the definition's data from the survey's tree."""

    def __init__(self, names: Names, languages: list[str], title: dict, context: Context) -> None:
        self.names, self.languages, self.title, self.context = names, languages, title, context
        self.domains: list[dict] = []
        self.origin: dict[int, Row] = {}  # id() of a domain, area or question → its row
        self.option_rows: dict[int, list[tuple[Row, Row]]] = {}  # id() of a question → its options' rows
        self.generals: dict[int, dict] = {}  # id() of a domain → its General area
        self.placed: list[Item] = []

    def build(self, root: Group) -> list[dict]:
        """The domains, in the order of the survey."""
        if not any(isinstance(child, Group) for child in root.children):
            domain = self.new_domain({"title": self.title}, None, "general")
            self.area(domain, {"title": self.title}, None, "general_area", [], root.children)
        else:
            general = None
            for child in root.children:
                if isinstance(child, Group):
                    self.domain(child)
                    continue
                general = general or self.new_domain({"title": self.general_text()}, None, "general")
                self.place(self.general_area(general, "general_area", child), child, [], [])
        self.domains = [domain for domain in self.domains if self.kept(domain, "areas")]
        self.locate()
        return self.domains

    def domain(self, group: Group) -> None:
        """A top-level group as a domain: with one area, or an area per group inside it."""
        domain = self.new_domain(group.data, group, group.id)
        if not any(isinstance(child, Group) for child in group.children):
            self.area(domain, {"title": group.data["title"]}, None, f"{group.id}_area", [group], group.children)
            return
        for child in group.children:
            if isinstance(child, Group):
                self.area(domain, child.data, child, child.id, [group, child], child.children)
                continue
            self.place(self.general_area(domain, f"{group.id}_general", child), child, [group], [])

    def new_domain(self, data: dict, group: Group | None, base: str) -> dict:
        domain = {"id": group.id if group is not None else self.names.fresh(base), **data, "areas": []}
        self.domains.append(domain)
        if group is not None:
            self.origin[id(domain)] = group.row
            self.context.became(group.row, "domain", domain["id"], "repeat, asked once" if group.repeat else "")
        return domain

    def area(self, domain: dict, data: dict, group: Group | None, base: str, ancestors: list[Group],
             children: list) -> None:
        """An area (of a group, or made for a group's questions) with every item below it."""
        kept = {key: value for key, value in data.items() if key != "target_band"}
        area = {"id": group.id if group is not None else self.names.fresh(base), **kept, "questions": []}
        domain["areas"].append(area)
        if group is not None:
            self.origin[id(area)] = group.row
            self.context.became(group.row, "area", area["id"], "repeat, asked once" if group.repeat else "")
        for child, path in flattened(children, []):
            self.place(area, child, ancestors + path, path)
        self.note_flattened(children, area["id"])

    def general_area(self, domain: dict, base: str, item: Item) -> dict:
        """The domain's General area, made for the first question outside any area."""
        if id(domain) not in self.generals:
            area = {"id": self.names.fresh(base), "title": self.general_text(), "questions": []}
            domain["areas"].append(area)
            self.generals[id(domain)] = area
            self.context.report(item.row, Catalog.XLSFORM_DEFAULT_GENERAL, id=area["id"])
        return self.generals[id(domain)]

    def place(self, area: dict, item: Item, ancestors: list[Group], path: list[Group]) -> None:
        """Add an item to an area, with the relevance of its groups and the path of deep groups."""
        data = dict(item.data) | combined_relevant(ancestors, item)
        help_text = with_path(data.get("help"), path, self.languages)
        if help_text:
            data["help"] = help_text
        if item.options:
            data["options"] = [option for _, _, option in item.options]
            self.option_rows[id(data)] = [(option_row, score_row) for option_row, score_row, _ in item.options]
        area["questions"].append(data)
        item.data = data
        self.origin[id(data)] = item.row
        self.placed.append(item)

    def note_flattened(self, children: list, area_id: str) -> None:
        for child in children:
            if isinstance(child, Group):
                self.context.report(child.row, Catalog.XLSFORM_DEFAULT_FLATTENED, name=child.id, area=area_id)
                self.context.became(child.row, "group", child.id, f"flattened into {area_id}")
                self.note_flattened(child.children, area_id)

    def kept(self, domain: dict, key: str) -> bool:
        """Whether a domain keeps any area with a question (empty ones are left out, reported)."""
        for area in [area for area in domain[key] if not area["questions"]]:
            domain[key].remove(area)
            self.left_out(area)
        if not domain[key]:
            self.left_out(domain)
        return bool(domain[key])

    def left_out(self, node: dict) -> None:
        row = self.origin.get(id(node))
        if row is not None:
            self.context.report(row, Catalog.XLSFORM_EMPTY_GROUP, name=node["id"])
            self.context.became(row, "skipped", node["id"], "no question")

    def locate(self) -> None:
        """Tie every location of the result to its row; made domains and areas to their first question's."""
        for d_index, domain in enumerate(self.domains):
            for a_index, area in enumerate(domain["areas"]):
                for q_index, question in enumerate(area["questions"]):
                    where = f"domains[{d_index}].areas[{a_index}].questions[{q_index}]"
                    self.context.rows[where] = self.origin[id(question)].where
                    for index, (option_row, score_row) in enumerate(self.option_rows.get(id(question), ())):
                        self.context.rows[f"{where}.options[{index}]"] = option_row.where
                        self.context.rows[f"{where}.options[{index}].score"] = score_row.where
                first = self.origin[id(area["questions"][0])]
                self.context.rows[f"domains[{d_index}].areas[{a_index}]"] = self.origin.get(id(area), first).where
            self.context.rows[f"domains[{d_index}]"] = self.origin.get(id(domain), first).where

    def general_text(self) -> dict:
        return {language: GENERAL.get(language, GENERAL["en"]) for language in self.languages}


def flattened(children: list, path: list[Group]):
    """(item, the groups between the area and the item) for every item, in order."""
    for child in children:
        if isinstance(child, Group):
            yield from flattened(child.children, path + [child])
        else:
            yield child, path


def combined_relevant(ancestors: list[Group], item: Item) -> dict:
    """``relevant`` of the item and of every group around it, joined with ``and``."""
    parts = [group.relevant for group in ancestors if group.relevant] + ([item.relevant] if item.relevant else [])
    if not parts:
        return {}
    return {"relevant": parts[0] if len(parts) == 1 else " and ".join(f"({part})" for part in parts)}


def with_path(help_text: dict | None, path: list[Group], languages: list[str]) -> dict | None:
    """The help of a question of a flattened group, the group titles in front."""
    if not path:
        return help_text
    result = dict(help_text or {})
    for language in languages:
        titles = [group.data["title"].get(language) or next(iter(group.data["title"].values())) for group in path]
        own = (help_text or {}).get(language)
        result[language] = PATH_SEPARATOR.join(titles) + (f"\n\n{own}" if own else "")
    return result
