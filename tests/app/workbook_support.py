"""Helpers of the answers workbook tests: download, edit with openpyxl, upload, read the preview."""

from __future__ import annotations

import io
import re
import warnings
import zipfile

import openpyxl
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

COLUMNS = {"question_id": 1, "answer": 7, "status": 8, "justification": 9, "revision": 10}


def download(client, assessment_id: int, **params) -> bytes:
    response = client.get(f"/assessments/{assessment_id}/workbook.xlsx", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.data


def opened(data: bytes, **options) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(io.BytesIO(data), **options)


def row_of(sheet, qid: str) -> int:
    for number in range(1, sheet.max_row + 1):
        if sheet.cell(number, COLUMNS["question_id"]).value == qid:
            return number
    raise AssertionError(f"no row for {qid}")


def edit(data: bytes, changes: dict[str, dict], **extra) -> bytes:
    """The workbook with ``changes`` ({question id: {column key: value}}) typed in, as a
    spreadsheet program would save it; ``extra``: {cell: value} of the Answers sheet."""
    book = opened(data)
    sheet = book["Answers"]
    for qid, cells in changes.items():
        row = row_of(sheet, qid)
        for key, value in cells.items():
            sheet.cell(row, COLUMNS[key]).value = value
    for cell, value in extra.items():
        sheet[cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def multipart(fields: dict) -> dict:
    """A multipart/form-data body built in memory (the test client spools large bodies to a
    temporary file it never closes)."""
    values = MultiDict()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            values.add(key, FileStorage(io.BytesIO(item[0]), filename=item[1]) if isinstance(item, tuple) else item)
    boundary, body = encode_multipart(values)
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def upload(client, assessment_id: int, data: bytes, name: str = "answers.xlsx"):
    return client.post(f"/assessments/{assessment_id}/workbook", **multipart({"file": (data, name)}))


def preview_url(response) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response.headers["Location"].replace("http://localhost", "")


def plan_of(html: str) -> str:
    return re.search(r'name="plan" value="([0-9a-f]+)"', html).group(1)


def apply(client, url: str, html: str, **choices):
    return client.post(url, data={"plan": plan_of(html), **{f"choice-{qid}": value for qid, value in choices.items()}})


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The archive with parts replaced or added (for hostile workbooks)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()
