"""Checks of an uploaded xlsx file as a zip archive, before any spreadsheet library opens it.

An xlsx file is a zip archive of XML parts. Before openpyxl reads it, the archive's directory
and parts are checked here against explicit limits (``layout``): the file size, the number of
parts, their total uncompressed size, the compression ratio of each large part (a zip bomb
compresses far more than any spreadsheet), macros, embedded objects and links to other files,
and document type declarations (XML entity expansion). Python's ``zipfile`` never inflates a
part beyond the size its directory declares and checks every part's CRC, so the declared
sizes checked here bound what is decompressed later.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.workbook import layout
from mgf_assess.assessments.workbook.problems import WorkbookRefused

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted xlsx, or an old .xls
MACRO_PARTS = ("vbaproject.bin", "xl/macrosheets/", "xl/dialogsheets/")
EMBEDDED_PARTS = ("xl/activex/", "xl/embeddings/", "xl/externallinks/")
XML_SUFFIXES = (".xml", ".rels", ".vml")
CHUNK = 64 * 1024

NOT_XLSX = _l("This file is not an .xlsx workbook. Save it as an Excel workbook (.xlsx) and upload it again.")


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_archive(data: bytes) -> None:
    """Refuse (WorkbookRefused) a file that no answers workbook could be, before it is opened."""
    if len(data) > layout.MAX_FILE_BYTES:
        raise WorkbookRefused("too_large", _l(
            "The file is %(size)s; an answers workbook may be at most %(limit)s. Upload the workbook "
            "downloaded from this assessment.", size=megabytes(len(data)), limit=megabytes(layout.MAX_FILE_BYTES)),
            status=413)
    with _opened(data) as archive:
        parts = archive.infolist()
        _check_directory(parts)
        _check_names(archive, parts)
        _check_xml(archive, parts)


def _opened(data: bytes) -> zipfile.ZipFile:
    if data.startswith(OLE_SIGNATURE):
        raise WorkbookRefused("encrypted", _l(
            "This file is protected with a password, or it is an old .xls workbook. Save it as an Excel "
            "workbook (.xlsx) without a password and upload it again."))
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise WorkbookRefused("not_xlsx", NOT_XLSX) from None


def _check_directory(parts: list[zipfile.ZipInfo]) -> None:
    """The number of parts, their total size and each large part's compression ratio."""
    if len(parts) > layout.MAX_PARTS:
        raise WorkbookRefused("too_many_parts", _l(
            "This workbook holds %(count)s parts; an answers workbook has at most %(limit)s. Upload the workbook "
            "downloaded from this assessment, without added objects.", count=len(parts), limit=layout.MAX_PARTS))
    if sum(part.file_size for part in parts) > layout.MAX_UNPACKED_BYTES:
        raise WorkbookRefused("too_large_unpacked", _l(
            "This workbook unpacks to more than %(limit)s, which no answers workbook does. Upload the workbook "
            "downloaded from this assessment.", limit=megabytes(layout.MAX_UNPACKED_BYTES)))
    for part in parts:
        if part.file_size > layout.RATIO_FROM and part.file_size > layout.MAX_RATIO * max(part.compress_size, 1):
            raise WorkbookRefused("zip_bomb", _l(
                "The part %(part)s of this workbook is compressed more than %(ratio)s times, which no spreadsheet "
                "program does: the file is damaged or hostile. Nothing was read from it.", part=part.filename,
                ratio=layout.MAX_RATIO))


def _check_names(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> None:
    """Macros, embedded objects and external links are refused; a workbook part is required."""
    names = [part.filename.lower() for part in parts]
    if any(part.flag_bits & 0x1 for part in parts):
        raise WorkbookRefused("encrypted", _l("Parts of this file are encrypted. Save it again without a password."))
    if any(marker in name for name in names for marker in MACRO_PARTS) or _declares_macros(archive, names):
        raise WorkbookRefused("macros", _l(
            "This workbook contains macros. Save it as an Excel workbook without macros (.xlsx) and upload it again."))
    embedded = next((name for name in names if name.startswith(EMBEDDED_PARTS)), None)
    if embedded:
        raise WorkbookRefused("embedded", _l(
            "This workbook contains embedded objects or links to other files (%(part)s). Remove them, or copy your "
            "answers into a newly downloaded workbook, and upload it again.", part=embedded))
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused("not_xlsx", NOT_XLSX)


def _declares_macros(archive: zipfile.ZipFile, names: list[str]) -> bool:
    if "[content_types].xml" not in names:
        return False
    return b"macroenabled" in _read(archive, _original_name(archive, "[content_types].xml")).lower()


def _original_name(archive: zipfile.ZipFile, lower: str) -> str:
    return next(name for name in archive.namelist() if name.lower() == lower)


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as error:
        raise _damaged(error) from None


def _check_xml(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> None:
    """No XML part may declare a document type (entity expansion); reading every part through
    also checks its CRC, so a part whose directory entry lies about its size is refused."""
    for part in parts:
        if part.filename.lower().endswith(XML_SUFFIXES) and _has_doctype(archive, part):
            raise WorkbookRefused("doctype", _l(
                "The part %(part)s of this workbook declares a document type, which spreadsheet programs never "
                "write. Nothing was read from it.", part=part.filename))


def _has_doctype(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                if b"<!DOCTYPE" in tail + chunk:
                    return True
                tail = chunk[-16:]
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as error:
        raise _damaged(error) from None
    return False


def _damaged(error: Exception) -> WorkbookRefused:
    return WorkbookRefused("damaged", _l(
        "This workbook is damaged (%(reason)s). Save it again from your spreadsheet program and upload it again.",
        reason=str(error)[:200]))
