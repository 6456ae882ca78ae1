"""Zip packages for evidence tests, assembled byte by byte: Office and OpenDocument files,
compression bombs and archives inside documents.

A bomb member of a gibibyte is built in a fraction of a second and a megabyte of memory:
zeros are deflated once, one mebibyte with a full flush (which makes every such chunk's
output the same), and that output is repeated.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from functools import cache

from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

MIB = 1024 * 1024
STORED, DEFLATED = 0, 8
LOCAL = struct.Struct("<4s5H3L2H")
CENTRAL = struct.Struct("<4s6H3L5H2L")
END = struct.Struct("<4s4H2LH")
DOS_DATE = 0x21  # 1980-01-01
CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
ODT = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Member:
    """One member as it is written: packed bytes, compression method, CRC, unpacked size."""

    name: str
    packed: bytes
    method: int
    crc: int
    size: int


def _deflate(data: bytes, finish: bool = True) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FINISH if finish else zlib.Z_FULL_FLUSH)


def member(name: str, data: bytes, method: int = DEFLATED) -> Member:
    packed = _deflate(data) if method == DEFLATED else data
    return Member(name, packed, method, zlib.crc32(data), len(data))


@cache
def bomb(name: str, start: bytes = b"", mebibytes: int = 1024) -> Member:
    """A member unpacking to ``start`` and ``mebibytes`` MiB of zeros (1 GiB by default)."""
    chunk, crc = bytes(MIB), zlib.crc32(start)
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    packed = _deflate(start, finish=False) + _deflate(chunk, finish=False) * mebibytes + _deflate(b"")
    return Member(name, packed, DEFLATED, crc, len(start) + mebibytes * MIB)


def package(*members: Member) -> bytes:
    """A zip archive of the members, in order."""
    body, directory = bytearray(), bytearray()
    for item in members:
        name = item.name.encode()
        sizes = (item.crc, len(item.packed), item.size, len(name))
        directory += CENTRAL.pack(b"PK\x01\x02", 20, 20, 0, item.method, 0, DOS_DATE, *sizes, 0, 0, 0, 0, 0,
                                  len(body)) + name
        body += LOCAL.pack(b"PK\x03\x04", 20, 0, item.method, 0, DOS_DATE, *sizes, 0) + name + item.packed
    return bytes(body + directory + END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory),
                                             len(body), 0))


def opendocument(*extra: Member, mimetype: Member | None = None) -> bytes:
    """An OpenDocument text: its ``mimetype`` first and stored, as the format requires."""
    return package(mimetype or member("mimetype", ODT, STORED), member("content.xml", b"<office:document-content/>"),
                   *extra)


def docx(*extra: Member, document: Member | None = None) -> bytes:
    """A Word document (Office Open XML): content types, relationships, the main part."""
    return package(member("[Content_Types].xml", CONTENT_TYPES), member("_rels/.rels", b"<Relationships/>"),
                   document or member("word/document.xml", b"<w:document/>"), *extra)


def multipart(fields: dict) -> dict:
    """Keyword arguments of a test client request posting ``fields`` as multipart/form-data,
    encoded in memory (the test client would spool a large body to a temporary file and leave
    it open); a value that is a (bytes, file name) pair is a file part."""
    boundary, body = encode_multipart({
        name: FileStorage(io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
        for name, value in fields.items()})
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}
