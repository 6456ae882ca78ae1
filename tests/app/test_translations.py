"""The UI catalogs are complete, consistent with the source, and compile."""

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ["fr", "es", "ar"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
METHOD_MAP = [("mgf_assess/**.py", "python"), ("mgf_assess/**/templates/**.html", "jinja2"),
              ("mgf_assess/**/templates/**.txt", "jinja2"), ("mgf_assess/templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


def _catalog(language):
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), METHOD_MAP, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_template_is_up_to_date_with_the_source():
    with open(ROOT / "translations" / "messages.pot", "rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    missing = sorted(_source_messages() - template)
    assert not missing, f"strings not extracted yet, run 'make translations': {missing[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_source_string_is_translated(language):
    catalog = _catalog(language)
    untranslated = sorted(m for m in _source_messages()
                          if not (catalog.get(m) and catalog.get(m).string and not catalog.get(m).fuzzy))
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_are_kept(language):
    for message in _catalog(language):
        if message.id and message.string and isinstance(message.id, str):
            assert set(PLACEHOLDER.findall(message.id)) == set(PLACEHOLDER.findall(message.string)), message.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_compiles(language):
    catalog = _catalog(language)
    assert not list(catalog.check())
    write_mo(io.BytesIO(), catalog)
