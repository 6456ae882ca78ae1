"""Office Open XML and OpenDocument packages, judged without unpacking them.

Both are zip archives, and a zip's directory says how large each member is once unpacked. A
compression bomb (a small file whose members unpack to gigabytes) is refused from that
directory alone: too many members, too many bytes in all, or a member compressed far more than
documents ever are (Apache POI, which reads Office files for many applications, refuses the
same ratio). Of any member, at most ``head_bytes`` are ever unpacked: enough to read an
OpenDocument ``mimetype`` or to see that a member is itself an archive.

Archives inside a document are refused, as nobody could check them without unpacking them;
except the embedded objects of Office documents (``word/embeddings/`` and the like: the
workbook behind a chart in a Word document), which are kept as they are and never opened.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from mgf_assess.assessments.files.refusals import Refused

KIB, MIB = 1024, 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"
END_RECORD = struct.Struct("<4s4H2LH")  # the zip's end of central directory record
END_SIGNATURE = b"PK\x05\x06"
MAX_COMMENT = 0xFFFF  # the end record is followed by at most this many bytes of comment


@dataclass(frozen=True)
class ArchiveLimits:
    """What a document package may be. Members: an ordinary document has tens to hundreds."""

    members: int = 5_000
    directory_bytes: int = 4 * MIB  # the zip directory itself, checked before it is parsed
    unpacked_bytes: int = 512 * MIB  # all members together, once unpacked
    ratio: int = 100  # unpacked size / packed size of one member
    ratio_from_bytes: int = 100 * KIB  # smaller members may be compressed more: they cannot hurt
    head_bytes: int = 512  # the most ever unpacked of one member


LIMITS = ArchiveLimits()

OPEN_DOCUMENT_TYPE = re.compile(rb"application/vnd\.oasis\.opendocument\.[a-z.-]{1,50}")
OFFICE_TYPES = {  # Office Open XML: the folder of the main part names the type
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
OFFICE_EMBEDDED = re.compile(r"(word|xl|ppt)/(.+/)?embeddings/[^/]+")
ARCHIVE_SIGNATURES = (ZIP_SIGNATURE, END_SIGNATURE, b"PK\x07\x08", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00",
                      b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd", b"MSCF")
TAR_MARK = (257, b"ustar")


def package_type(data: bytes, limits: ArchiveLimits = LIMITS) -> str:
    """The content type of an Office Open XML or OpenDocument file.

    Raises Refused: ``too_many_members``, ``too_large_unpacked``, ``compression_ratio`` or
    ``nested_archive`` for a suspicious package, ``damaged`` for one that cannot be read,
    ``not_allowed`` for any other zip archive.
    """
    _check_end_record(data, limits)
    with _opened(data) as archive:
        members = [member for member in archive.infolist() if not member.is_dir()]
        _check_sizes(members, limits)
        kind = _kind(archive, members, limits)
        for member in members:
            if not (kind in OFFICE_TYPES.values() and OFFICE_EMBEDDED.fullmatch(member.filename)):
                _check_not_archive(archive, member, limits)
    return kind


def _check_end_record(data: bytes, limits: ArchiveLimits) -> None:
    """Member count and directory size as the end record states them, before anything parses
    the directory (a directory of millions of entries would take memory just to list)."""
    at = data.rfind(END_SIGNATURE, max(0, len(data) - END_RECORD.size - MAX_COMMENT))
    if at < 0 or len(data) - at < END_RECORD.size:
        raise Refused("damaged")
    _signature, _disk, _start, _here, count, size, _offset, _comment = END_RECORD.unpack_from(data, at)
    if count > limits.members or size > limits.directory_bytes:
        raise Refused("too_many_members", limit=limits.members)


def _opened(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error):
        raise Refused("damaged") from None


def _check_sizes(members: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(members) > limits.members:
        raise Refused("too_many_members", limit=limits.members)
    for member in members:  # first: the message can name the part at fault
        if member.file_size > limits.ratio_from_bytes and member.file_size > limits.ratio * max(member.compress_size, 1):
            raise Refused("compression_ratio", member=shown_name(member), ratio=limits.ratio)
    if sum(member.file_size for member in members) > limits.unpacked_bytes:
        raise Refused("too_large_unpacked", mb=limits.unpacked_bytes // MIB)


def _kind(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], limits: ArchiveLimits) -> str:
    """OpenDocument by its ``mimetype`` member, Office Open XML by its content types and the
    folder of its main part; any other archive is refused."""
    names = {member.filename for member in members}
    if "mimetype" in names:
        declared = head(archive, archive.getinfo("mimetype"), limits)
        if OPEN_DOCUMENT_TYPE.fullmatch(declared):
            return declared.decode("ascii")
    elif "[Content_Types].xml" in names:
        for folder, kind in OFFICE_TYPES.items():
            if any(name.startswith(folder) for name in names):
                return kind
    raise Refused("not_allowed")


def _check_not_archive(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ArchiveLimits) -> None:
    start = head(archive, member, limits)
    offset, mark = TAR_MARK
    if start.startswith(ARCHIVE_SIGNATURES) or start[offset:offset + len(mark)] == mark:
        raise Refused("nested_archive", member=shown_name(member))


def head(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ArchiveLimits = LIMITS) -> bytes:
    """The first ``limits.head_bytes`` of a member, unpacked: never more, whatever the
    directory claims (zipfile inflates only as much as is asked for)."""
    try:
        with archive.open(member) as stream:
            return stream.read(limits.head_bytes)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError, OSError, ValueError):
        raise Refused("damaged") from None  # encrypted, an unknown compression, or corrupt


def shown_name(member: zipfile.ZipInfo) -> str:
    """A member's name as a message may show it: printable, at most 80 characters."""
    name = "".join(char for char in member.filename if char.isprintable())
    return name if len(name) <= 80 else name[:79] + "…"
