"""Evidence files: the allow-list judged by content, and Office/OpenDocument packages judged
from their zip directory, so that compression bombs and archives inside documents are refused
without ever being unpacked."""

import io
import tracemalloc
import zipfile

import openpyxl
import pytest
import qfiles
from assess_helpers import open_assessment, publish
from packages import MIB, ODT, STORED, bomb, docx, member, multipart, opendocument, package

from mgf_assess.assessments import files
from mgf_assess.assessments.evidence import FILE_REFUSALS
from mgf_assess.assessments.files import ArchiveLimits
from mgf_assess.assessments.models import Evidence
from mgf_assess.extensions import db

ODF_BOMB = ("mimetype", ODT)  # the bomb: a 1 MB OpenDocument whose mimetype unpacks to 1 GiB
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def reads(monkeypatch):
    """Every read of a zip member, as (member, bytes returned); a read without a small bound
    (the whole member, or more than a few hundred bytes) fails the test at once."""
    seen = []
    original = zipfile.ZipExtFile.read

    def bounded(stream, size=-1):
        assert size is not None and 0 <= size <= files.LIMITS.head_bytes, f"unbounded read of {stream.name}"
        data = original(stream, size)
        seen.append((stream.name, len(data)))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", bounded)
    return seen


def _refusal(data: bytes, limits: ArchiveLimits = files.LIMITS) -> files.Refused:
    with pytest.raises(files.Refused) as refused:
        files.archives.package_type(data, limits) if limits is not files.LIMITS else files.sniff(data)
    return refused.value


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


# ---- the allow-list --------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(30), "image/png"),
    (b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00" + bytes(30), "image/jpeg"),
    (b"GIF87a" + bytes(30), "image/gif"),
    (b"GIF89a" + bytes(30), "image/gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "application/msword"),
    ("Loi n° 2011-12, société civile".encode(), "text/plain"),
    (b"country,year,value\nKEN,2026,12\n", "text/plain"),
    (b"ID3 is also the start of an MP3 file", "text/plain"),
    (docx(), WORD),
    (_xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (package(member("[Content_Types].xml", b"<Types/>"), member("ppt/presentation.xml", b"<p/>")),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    (opendocument(), "application/vnd.oasis.opendocument.text"),
])
def test_allowed_kinds_by_content(data, expected):
    assert files.sniff(data) == expected


@pytest.mark.parametrize("data", [
    b"", b"MZ\x90\x00\x03 windows program", b"\x7fELF" + bytes(60), b"\x00\x01binary",
    "UTF-16 text".encode("utf-16"), b"caf\xe9 latin-1",
    package(member("readme.txt", b"a plain zip archive")),
    package(member("word/document.xml", b"<w:document/>")),  # no content types: not an Office package
    opendocument(mimetype=member("mimetype", b"application/x-msdownload", STORED)),
    opendocument(mimetype=member("mimetype", ODT + b"x" * 200, STORED)),  # longer than any content type
])
def test_other_files_are_not_accepted(data):
    assert _refusal(data).code == "not_allowed"


def test_a_damaged_package_is_refused_as_damaged():
    whole = docx()
    assert _refusal(whole[:-30]).code == "damaged"  # its directory cut off
    corrupt = bytearray(whole)
    corrupt[30 + len("[Content_Types].xml"):34 + len("[Content_Types].xml")] = b"\xff\xff\xff\xff"
    assert _refusal(bytes(corrupt)).code == "damaged"  # its first member's deflate data broken


# ---- compression bombs -----------------------------------------------------------------------

@pytest.mark.parametrize(("data", "part"), [
    (opendocument(mimetype=bomb(*ODF_BOMB)), "mimetype"),
    (docx(document=bomb("word/document.xml", b'<?xml version="1.0"?>')), "word/document.xml"),
])
def test_a_bomb_is_refused_from_its_directory_without_unpacking(data, part, reads):
    assert len(data) < 1.1 * MIB
    tracemalloc.start()
    try:
        refusal = _refusal(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refusal.code, refusal.details) == ("compression_ratio", {"member": part, "ratio": 100})
    assert reads == [] and peak < 4 * MIB


def test_a_nested_archive_is_refused_after_reading_only_the_first_bytes(reads):
    inner = package(member("secret.txt", b"inside"))
    for data, part in [(docx(member("word/media/image1.zip", inner)), "word/media/image1.zip"),
                       (opendocument(member("Pictures/bomb.odt", opendocument(mimetype=bomb(*ODF_BOMB)), STORED)),
                        "Pictures/bomb.odt"),
                       (opendocument(member("data.gz", b"\x1f\x8b\x08\x00" + bytes(20))), "data.gz")]:
        refusal = _refusal(data)
        assert (refusal.code, refusal.details) == ("nested_archive", {"member": part})
    assert reads and all(size <= files.LIMITS.head_bytes for _name, size in reads)


def test_the_workbook_behind_a_chart_in_a_word_document_is_accepted(reads):
    data = docx(member("word/embeddings/Microsoft_Excel_Worksheet.xlsx", _xlsx()))
    assert files.sniff(data) == WORD
    assert "word/embeddings/Microsoft_Excel_Worksheet.xlsx" not in {name for name, _size in reads}  # never opened


def test_limit_on_the_number_of_members():
    data = docx(member("word/a.xml", b"<a/>"), member("word/b.xml", b"<b/>"))  # 5 members
    assert files.archives.package_type(data, ArchiveLimits(members=5)) == WORD
    refusal = _refusal(data, ArchiveLimits(members=4))
    assert (refusal.code, refusal.details) == ("too_many_members", {"limit": 4})


def test_limit_on_the_size_of_the_directory_read_before_it_is_parsed(monkeypatch):
    data = docx()
    monkeypatch.setattr(zipfile, "ZipFile", None)  # the end record alone decides
    refusal = _refusal(data, ArchiveLimits(directory_bytes=100))
    assert refusal.code == "too_many_members"


def test_limit_on_the_unpacked_size_of_all_members():
    data = docx(member("word/media/a.bin", bytes(range(256)) * 4096, STORED))  # 1 MiB stored, not compressed
    assert files.archives.package_type(data, ArchiveLimits(unpacked_bytes=2 * MIB)) == WORD
    refusal = _refusal(data, ArchiveLimits(unpacked_bytes=MIB))
    assert (refusal.code, refusal.details) == ("too_large_unpacked", {"mb": 1})


def test_limit_on_the_compression_ratio_of_one_member():
    zeros = bomb("word/media/zeros.bin", mebibytes=1)
    ratio = zeros.size / len(zeros.packed)  # about a thousand
    data = docx(zeros)
    assert files.archives.package_type(data, ArchiveLimits(ratio=int(ratio) + 1)) == WORD
    assert _refusal(data, ArchiveLimits(ratio=int(ratio) - 1)).code == "compression_ratio"
    assert files.archives.package_type(data, ArchiveLimits(ratio=10, ratio_from_bytes=MIB + 1)) == WORD


def test_every_refusal_has_a_message_saying_what_to_do():
    codes = {"not_allowed", "damaged", "too_many_members", "too_large_unpacked", "compression_ratio",
             "nested_archive"}
    assert set(FILE_REFUSALS) == codes
    for code in codes - {"not_allowed", "damaged"}:
        assert "upload" in str(FILE_REFUSALS[code]).lower()


# ---- through the page ------------------------------------------------------------------------

@pytest.fixture
def assessment_id(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition())
    return open_assessment(app)


@pytest.mark.parametrize(("data", "says"), [
    (opendocument(mimetype=bomb(*ODF_BOMB)), "The part “mimetype” of this document is compressed more than 100 times"),
    (docx(document=bomb("word/document.xml")), "possible compression bomb"),
    (docx(member("word/media/inner.zip", package(member("a.txt", b"a")))), "This document contains an archive"),
])
def test_the_upload_page_refuses_bombs_and_nested_archives(app, client, login_as, assessment_id, reads, data, says):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/answers/q_yes/evidence", **multipart({
        "ev-q_yes-kind": "law", "ev-q_yes-citation": "Act", "ev-q_yes-url": "", "ev-q_yes-file": (data, "act.odt")}))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and says in html and 'id="ev-q_yes-file-error"' in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Evidence.id))) == 0
