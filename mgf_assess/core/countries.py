"""Country reference data from maintained packages: codes and UN M49 regions from
country_converter's data table, localized names from Babel's CLDR territory names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import country_converter
import pandas as pd
from babel import Locale

from mgf_assess.config import LANGUAGES

# M49 regions by the continent names of the data table.
REGIONS = {"Africa": "002", "America": "019", "Asia": "142", "Europe": "150", "Oceania": "009"}
# Where the data table's sub-region names differ from CLDR's English names.
SUB_REGION_ALIASES = {"South-eastern Asia": "035", "Australia and New Zealand": "053",
                      "Micronesia": "057"}


def _data_table() -> pd.DataFrame:
    path = Path(country_converter.__file__).with_name("country_data.tsv")
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    current = (table["ISO2"] != "") & (table["obsolete"] == "") & (table["UNregion"] != "")
    return table[current & table["continent"].isin(REGIONS)]


@lru_cache(maxsize=1)
def _english_region_codes() -> dict[str, str]:
    """English M49 area name → numeric code, from CLDR (3-digit territory codes only)."""
    names = Locale("en").territories
    codes = {name: code for code, name in names.items() if code.isdigit()}
    return codes | SUB_REGION_ALIASES


def _sub_region_code(name: str) -> str:
    code = _english_region_codes().get(name)
    if code is None:
        raise LookupError(f"UN sub-region {name!r} has no M49 code; add it to SUB_REGION_ALIASES")
    return code


def _first_code(cell: str) -> str:
    """The table writes alternative codes as a regex ('^GR$|^EL$'): the first is ISO 3166's."""
    return cell.split("|")[0].strip("^$")


def country_records() -> list[dict]:
    """One dict per country: code, alpha2, regions, membership and names in every UI language."""
    locales = {language: Locale(language).territories for language in LANGUAGES}
    records = []
    for row in _data_table().itertuples(index=False):
        alpha2 = _first_code(row.ISO2)
        names = {f"name_{lang}": locales[lang].get(alpha2, row.name_short) for lang in LANGUAGES}
        records.append({
            "code": row.ISO3, "alpha2": alpha2,
            "region_code": REGIONS[row.continent],
            "sub_region_code": _sub_region_code(row.UNregion),
            "un_member": bool(row.UNmember), **names,
        })
    return records
