"""Defaults for the scoring data a plain XLSForm lacks, each listed in the report.

* no ``gov::bands``: the SDG 10.7.2 bands (0, 40, 80, 100) with target ``meets``, their labels
  in English, French, Spanish and Arabic (English in any other language, reported);
* a choice question without scores is a profile question (asked, never scored);
* a number without ``gov::scoring`` is asked and never scored.

Each imported item's row is recorded as a question, a profile question or a note.
"""

from __future__ import annotations

from scoring.problems.catalog import Catalog
from scoring.xlsform.items import Item
from scoring.xlsform.sheets import Context

SDG_BANDS = (
    ("requires_further_progress", 0, {"en": "Requires further progress", "fr": "Nécessite des progrès supplémentaires",
                                      "es": "Requiere más avances", "ar": "يتطلب مزيدًا من التقدم"}),
    ("partially_meets", 40, {"en": "Partially meets", "fr": "Satisfait partiellement", "es": "Cumple parcialmente",
                             "ar": "يفي جزئيًا"}),
    ("meets", 80, {"en": "Meets", "fr": "Satisfait", "es": "Cumple", "ar": "يفي"}),
    ("fully_meets", 100, {"en": "Fully meets", "fr": "Satisfait pleinement", "es": "Cumple plenamente",
                          "ar": "يفي تمامًا"}),
)
SDG_TARGET = "meets"
CHOICE_TYPES = ("single_choice", "multi_choice")


def apply_defaults(data: dict, items: list[Item], languages: list[str], context: Context) -> None:
    """Fill in the bands when the workbook has none, and record what each item became."""
    if "bands" not in data:
        data["bands"] = default_bands(languages, context)
        data.setdefault("target_band", SDG_TARGET)
    for item in items:
        kind = item_kind(item, context)
        if item.row.where not in context.outcomes:  # an or_other's text question shares its select's row
            context.became(item.row, kind, item.id, item.data["type"])


def default_bands(languages: list[str], context: Context) -> list[dict]:
    """The SDG 10.7.2 bands, labelled in the questionnaire's languages."""
    context.report("settings", Catalog.XLSFORM_DEFAULT_BANDS)
    untranslated = [language for language in languages if language not in SDG_BANDS[0][2]]
    if untranslated:
        context.report("settings", Catalog.XLSFORM_DEFAULT_BAND_LABELS, languages=", ".join(untranslated))
    return [{"code": code, "min": minimum, "label": {language: labels.get(language, labels["en"])
                                                     for language in languages or ["en"]}}
            for code, minimum, labels in SDG_BANDS]


def item_kind(item: Item, context: Context) -> str:
    """question, profile_question or note; a profile question or an unscored number is reported."""
    data = item.data
    if data["type"] == "note":
        return "note"
    if data["type"] in CHOICE_TYPES and not any("score" in option for option in data.get("options", ())):
        context.report(item.row, Catalog.XLSFORM_DEFAULT_PROFILE, id=item.id)
        return "profile_question"
    if data["type"] in ("number", "percent") and "scoring" not in data:
        context.report(item.row, Catalog.XLSFORM_DEFAULT_UNSCORED, id=item.id)
    return "question"
