"""Words shown for the codes of this feature: what a row of an imported workbook became."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ROW_KINDS = {
    "settings": _l("settings"),
    "domain": _l("domain"),
    "area": _l("area"),
    "group": _l("group (flattened)"),
    "question": _l("question"),
    "profile_question": _l("profile question"),
    "note": _l("note"),
    "option": _l("option"),
    "skipped": _l("skipped"),
    "end": _l("end of group"),
    "": "—",
}
