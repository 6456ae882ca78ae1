"""Demo evidence: generic citations (see ``demo.citations``), example.org links and small files.

Files are a one-page PDF or a small PNG chart built here, so the upload folder holds real,
valid documents. Pure: ``demo.assessments`` stores the items.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, replace

from mgf_assess.demo.answers import Profile, unit
from mgf_assess.demo.citations import citation
from scoring.api import Answer, Definition, Question

OPTIONAL_SHARE = 0.3  # of answers whose evidence is optional that still carry some
URL_SHARE = 0.35


@dataclass(frozen=True)
class EvidenceItem:
    question: str
    kind: str
    citation: str
    url: str | None = None
    file: tuple[str, bytes] | None = None  # (file name, bytes)


def evidence_for(definition: Definition, profile: Profile, answers: dict[str, Answer],
                 with_files: bool) -> list[EvidenceItem]:
    """Evidence for the answered questions: always where required, on some others; with
    ``with_files``, the first legal text comes as a PDF and the first statistics as a chart."""
    items, wanted_files = [], {"law": "pdf", "statistics": "png"} if with_files else {}
    for qid, answer in answers.items():
        question = definition.question_map[qid]
        if answer.status == "answered" and _wants_evidence(question, profile):
            item = _item(question, profile)
            if item.kind in wanted_files:
                item = replace(item, file=_file(item, profile, wanted_files.pop(item.kind)))
            items.append(item)
    return items


def _wants_evidence(question: Question, profile: Profile) -> bool:
    if question.evidence == "none":
        return False
    return question.evidence == "required" or unit(profile.code, profile.cycle, question.id, "ev") < OPTIONAL_SHARE


def kind_of(question: Question, u: float) -> str:
    """The kind of source that backs an answer of this question, judged by its type and options."""
    if question.type in ("number", "percent"):
        return "statistics"
    if {option.code for option in question.options} & {"planned", "adopted", "implemented", "evaluated"}:
        return "policy"
    if question.evidence == "required" or question.type == "yes_no":
        return "law"
    return "other" if u < 0.1 else "law" if u < 0.55 else "implementation"


def _item(question: Question, profile: Profile) -> EvidenceItem:
    kind = kind_of(question, unit(profile.code, question.id, "kind"))
    text = citation(kind, profile, question.id)
    url = None
    if unit(profile.code, profile.cycle, question.id, "url") < URL_SHARE:
        url = f"https://example.org/{profile.code.lower()}/{profile.cycle}/{question.id.replace('_', '-')}"
    return EvidenceItem(question.id, kind, text, url)


def _file(item: EvidenceItem, profile: Profile, kind: str) -> tuple[str, bytes]:
    if kind == "pdf":
        return f"{item.question}.pdf", pdf_bytes(f"{profile.name}: {item.citation}")
    return f"{item.question}-chart.png", png_bytes(profile.code + item.question)


def pdf_bytes(text: str) -> bytes:
    """A minimal, valid one-page PDF showing ``text`` (ASCII; the demo only needs a readable page)."""
    lines = ["Demo evidence (fictitious document)", text.replace("\u2013", "-").replace("\u2014", "-")]
    shown = " 0 -20 Td ".join(f"({_pdf_text(line)}) Tj" for line in lines)
    stream = f"BT /F1 12 Tf 56 780 Td {shown} ET".encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf_text(line: str) -> str:
    """A line as a PDF string body: ASCII, with the string delimiters escaped."""
    ascii_line = line.encode("ascii", "replace").decode("ascii")[:90]
    return ascii_line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def png_bytes(seed: str, width: int = 160, height: int = 90) -> bytes:
    """A small PNG bar chart (five bars whose heights follow ``seed``), built without libraries."""
    slot = width // 5
    heights = [int(height * (0.2 + 0.7 * unit(seed, bar))) for bar in range(5)]
    white, blue = b"\xff\xff\xff", b"\x00\x72\xb2"
    rows = []
    for y in range(height):
        bars = (white * 4 + (blue if height - y <= h else white) * (slot - 8) + white * 4 for h in heights)
        rows.append(b"\x00" + b"".join(bars) + white * (width - 5 * slot))  # 0: no row filter
    return _png(width, height, zlib.compress(b"".join(rows), 9))


def _png(width: int, height: int, data: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
