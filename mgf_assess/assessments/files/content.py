"""The type of an evidence file, judged by its bytes against an allow-list.

Formats that begin with a signature (PDF, PNG, JPEG, GIF, legacy Office) are recognised by
puremagic. Office Open XML and OpenDocument files are zip packages: puremagic would call any
zip a Word document, so ``archives`` judges them from their zip directory instead, which is
also where compression bombs show. What remains is accepted as plain text (CSV included) if it
is UTF-8 without NUL characters.
"""

from __future__ import annotations

import puremagic

from mgf_assess.assessments.files import archives
from mgf_assess.assessments.files.refusals import Refused

ALLOWED_DESCRIPTION = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, plain text or CSV"
# What puremagic may name, and the content type we keep for it. Legacy Office files (doc, xls,
# ppt) share one container signature: puremagic calls each of them application/msword.
SIGNATURE_TYPES = {
    "application/pdf": "application/pdf",
    "image/png": "image/png",
    "image/jpeg": "image/jpeg",
    "image/gif": "image/gif",
    "application/msword": "application/msword",
}
TEXT_PROBE_BYTES = 8192  # a NUL character among the first bytes means a binary file


def sniff(data: bytes) -> str:
    """The content type of an allowed document or image, judged by its bytes.

    Raises Refused: ``not_allowed`` for any other kind of file, or the reason an Office or
    OpenDocument package is refused (see ``archives.package_type``).
    """
    if data.startswith(archives.ZIP_SIGNATURE):
        return archives.package_type(data)
    found = _signature_type(data) or _text_type(data)
    if found is None:
        raise Refused("not_allowed")
    return found


def _signature_type(data: bytes) -> str | None:
    """An allowed type among puremagic's most confident matches (several may tie), else None."""
    try:
        matches = puremagic.magic_string(data)
    except (puremagic.PureError, ValueError):  # nothing recognised, or no bytes at all
        return None
    best = max((match.confidence for match in matches), default=None)
    allowed = [SIGNATURE_TYPES[m.mime_type] for m in matches if m.confidence == best and m.mime_type in SIGNATURE_TYPES]
    return allowed[0] if allowed else None


def _text_type(data: bytes) -> str | None:
    if not data or b"\x00" in data[:TEXT_PROBE_BYTES]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/plain"
