"""Gap report tables: cell neutralisation, XLSX, CSV and JSON downloads of the same data."""

from __future__ import annotations

import pytest

from mgf_assess.reports.cells import neutralise, neutralise_row


@pytest.mark.parametrize("text", ["=1+1", "+33 1 23", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd",
                                  '=HYPERLINK("http://x","y")'])
def test_formula_like_text_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Act 12 of 2019", " =1", "a=b", "", "٣ = ثلاثة", "'quoted", 12, -3.5, None, True])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value


def test_rows_keep_keys_and_order():
    row = {"b": "=x", "a": 1, "c": "ok"}
    assert list(neutralise_row(row).items()) == [("b", "'=x"), ("a", 1), ("c", "ok")]
