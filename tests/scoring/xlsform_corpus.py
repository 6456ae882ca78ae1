"""A corpus of XLSForms written for these tests, in the styles real forms come in: a bilingual
needs assessment, a device-collected sample without settings, a field survey with deep groups
and odd names, a pyxform-style form with aliases and expressions, and forms with questions
outside any group. Each is rows per sheet; ``build`` writes the workbook.

Every form here converts with pyxform (a test checks it), so every form must import.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

EN_HA = ["label::English (en)", "label::Hausa (ha)"]

NEEDS_ASSESSMENT = {
    "survey": [
        ["type", "name", *EN_HA, "hint::English (en)", "required", "relevant", "constraint",
         "constraint_message::English (en)", "constraint_message::Hausa (ha)", "calculation"],
        ["start", "start"], ["end", "end"], ["deviceid", "deviceid"],
        ["note", "intro", "Welcome. This assessment covers migration services.", "Barka da zuwa.", None, None, None],
        ["begin_group", "Household", "Household", "Gida"],
        ["integer", "Q1_HH_size", "How many people live here?", "Mutane nawa ne ke zaune a nan?",
         "Count everyone", "yes", None, ". >= 1 and . <= 30", "Between 1 and 30", "Tsakanin 1 da 30"],
        ["select_one age_groups", "age-group", "Age group of the head", "Rukunin shekaru", None, "TRUE()"],
        ["calculate", "adults", None, None, None, None, None, None, None, None, "${Q1_HH_size} - 1"],
        ["select_one yes_no", "displaced", "Was the household displaced?", "An raba gida?", None, "true()"],
        ["select_multiple reasons", "reasons", "Why did you move?", "Me yasa kuka koma?", None, "yes",
         "${displaced} = 'yes'"],
        ["select_one shelter or_other", "shelter", "Type of shelter", "Irin matsuguni"],
        ["decimal", "income", "Monthly income", "Kudin shiga", None, "${displaced} = 'yes'", "${adults} > 0"],
        ["begin_repeat", "members", "Household members", "Yan gida"],
        ["text", "member_name", "Name", "Suna", None, "yes"],
        ["end_repeat"],
        ["end_group"],
        ["begin_group", "services", "Services", "Ayyuka", None, None, "${displaced} = 'yes'"],
        ["select_one yes_no", "health_access", "Can you access health care?", "Kuna samun kiwon lafiya?", None, "1"],
        ["text", "health_why", "Why not?", "Me yasa?", None, "${Q1_HH_size} > 5",
         "${health_access} = 'no'"],
        ["geopoint", "location", "Location", "Wuri"],
        ["end_group"],
    ],
    "choices": [
        ["list_name", "name", *EN_HA],
        ["yes_no", "yes", "Yes", "Ee"], ["yes_no", "no", "No", "A'a"],
        ["age_groups", "0-17", "Under 18", "Kasa da 18"], ["age_groups", "18_59", "18 to 59", "18 zuwa 59"],
        ["age_groups", "60+", "60 and over", "60 zuwa sama"],
        ["reasons", "conflict", "Conflict", "Rikici"], ["reasons", "climate", "Climate", "Yanayi"],
        ["reasons", "work", "Work", "Aiki"],
        ["shelter", "house", "House", "Gida"], ["shelter", "tent", "Tent", "Tanti"],
    ],
    "settings": [["form_title", "form_id", "version", "default_language"],
                 ["Needs assessment", "needs_assessment", "2019031401", "English (en)"]],
}

DEVICE_SAMPLE = {  # no settings sheet: the id comes from the file name
    "survey": [
        ["type", "name", "label", "label::fr", "media::image", "required"],
        ["start", "start"], ["today", "today"], ["username", "username"],
        ["text", "respondent", "Respondent's name", "Nom de la personne"],
        ["decimal", "distance", "Distance to the border (km)", "Distance de la frontière (km)"],
        ["date", "arrival", "Date of arrival", "Date d'arrivée"],
        ["select_one yn", "registered", "Registered?", "Enregistré ?", None, "yes"],
        ["note", "map_note", None, None, "map.png"],
        ["image", "photo", "Photo of the document", "Photo du document"],
        ["select_one_from_file offices.csv", "office", "Nearest office", "Bureau le plus proche"],
    ],
    "choices": [["list_name", "name", "label", "label::fr"], ["yn", "yes", "Yes", "Oui"], ["yn", "no", "No", "Non"]],
}

FIELD_SURVEY = {
    "survey": [
        ["type", "name", "label::english", "label::French", "relevant", "parameters"],
        ["begin group", "site", "Site", "Site"],
        ["begin group", "site_access", "Access", "Accès"],
        ["range", "rating", "Rate the access", "Évaluez l'accès", None, "start=0 end=10 step=1"],
        ["begin group", "roads", "Roads", "Routes", "${rating} < 5"],
        ["select_one fractions", "fourteen", "Share of paved roads", "Part des routes pavées"],
        ["begin group", "bridges", "Bridges", "Ponts"],
        ["integer", "bridge_count", "Bridges", "Ponts"],
        ["end group"],
        ["end group"],
        ["end group"],
        ["begin group", "site_people", "People", "Personnes"],
        ["select_multiple years", "fourteen", "Years of arrival", "Années d'arrivée"],
        ["time", "visit_time", "Time of the visit", "Heure de la visite"],
        ["end group"],
        ["end group"],
    ],
    "choices": [
        ["list_name", "name", "label::english", "label::French"],
        ["fractions", "0.5", "Half", "Moitié"], ["fractions", "1", "All", "Tout"],
        ["fractions", "4_or_more", "Four or more", "Quatre ou plus"],
        ["years", "2022", "2022", "2022"], ["years", "2023", "2023", "2023"],
    ],
    "settings": [["form_title", "form_id", "version"], ["Field survey", "field_survey", "2019-03-14 09:50"]],
}

PYXFORM_STYLE = {
    "survey": [
        ["type", "name", "label", "required", "relevant", "constraint"],
        ["begin group", "identity", "Identity"],
        ["text", "code", "Office code", "true()", None, "regex(., '^[A-Z]{3}$')"],
        ["date", "opened", "Opened on", None, None, ". <= today()"],
        ["end group"],
        ["begin group", "figures", "Figures"],
        ["integer", "staff", "Staff", "yes", None, ". >= 0"],
        ["integer", "volunteers", "Volunteers", None, None, ". >= 0 and . < ${staff} * 10"],
        ["percentage", "women", "Share of women", None, "${staff} + ${volunteers} > 10"],
        ["select one levels", "level", "Level", "${staff} > 0", None],
        ["select all that apply levels", "levels", "Levels", None, "if(${staff} > 5, true(), false())"],
        ["text", "name_check", "Name", None, "string-length(coalesce(${code}, '')) > 0",
         "string-length(.) <= 40"],
        ["text", "choice_name", "Chosen level", None, "jr:choice-name(${level}, '${level}') != ''"],
        ["text", "pulled", "Pulled", None, "pulldata('f', 'a', 'b', ${code}) = 'x'"],
        ["end group"],
    ],
    "choices": [["list_name", "name", "label"], ["levels", "low", "Low"], ["levels", "high", "High"]],
    "settings": [["form_id", "version"], ["Office-Survey 2", "3"]],
}

OUTSIDE_GROUPS = {
    "survey": [
        ["type", "name", "label", "calculation"],
        ["text", "before", "Asked before any group"],
        ["begin_group", "law", "Law"],
        ["select_one yn", "has_law", "Is there a law?"],
        ["begin_group", "law_detail", "Details"],
        ["text", "law_name", "Name of the law"],
        ["end_group"],
        ["end_group"],
        ["begin_group", "empty", "Only a calculation"],
        ["calculate", "calc", None, "1 + 1"],
        ["end_group"],
        ["text", "after", "Asked after the groups"],
    ],
    "choices": [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]],
    "settings": [["form_title", "form_id", "version", "default_language"], ["Outside", "outside", "1", "English"]],
}

CORPUS = {
    "needs_assessment.xlsx": NEEDS_ASSESSMENT,
    "Device Sample (2024).xlsx": DEVICE_SAMPLE,
    "field_survey.xlsx": FIELD_SURVEY,
    "pyxform_style.xlsx": PYXFORM_STYLE,
    "outside_groups.xlsx": OUTSIDE_GROUPS,
}


def build(form: dict, path: Path) -> Path:
    """Write a form's sheets (``survey`` first) as a workbook at ``path``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in ("survey", "choices", "settings"):
        if name in form:
            sheet = book.create_sheet(name)
            for row in form[name]:
                sheet.append(row)
    book.save(path)
    return path
