"""Demo evidence: generic citations, example.org links and small generated files.

Citations name the kind of source an official would cite (a national act, policy, survey or
report) with a section, never a real document number: the demo says nothing about real laws.
Files are a one-page PDF or a small PNG chart built here, so the upload folder holds real,
valid documents. Pure, apart from ``demo_data`` storing the items.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, replace

from mgf_assess.demo_answers import Profile, unit
from scoring.answers import Answer
from scoring.model import Definition, Question

OPTIONAL_SHARE = 0.3  # of answers whose evidence is optional that still carry some
URL_SHARE = 0.35

# (words found in question ids, law, policy, statistics): the source an official would cite.
TOPICS = [
    (("agreements", "treaties", "icrmw", "ratified"), "Register of international agreements, Ministry of Foreign Affairs, {y} edition",
     "Foreign policy guidelines on migration cooperation {y}, section {p}",
     "Ministry of Foreign Affairs, register of international agreements, {y} edition"),
    (("health",), "Public Health Act, section {n}", "Health Sector Strategic Plan {y}–{z}, objective {p}",
     "Ministry of Health, annual health statistics {y}, table {n}"),
    (("education", "enrolment", "student"), "Education Act, section {n}", "Education Sector Plan {y}–{z}, chapter {p}",
     "Ministry of Education, statistical yearbook {y}, table {n}"),
    (("justice",), "Legal Aid Act, section {n}", "Access to Justice Strategy {y}–{z}, objective {p}",
     "Judiciary, annual statistics {y}, table {n}"),
    (("identity", "statelessness", "naturalisation"), "Citizenship and Civil Registration Act, section {n}",
     "National Civil Registration Strategy {y}–{z}", "Civil registration office, annual report {y}, table {n}"),
    (("social_security", "benefit"), "Social Security Act, section {n}", "Social Protection Strategy {y}–{z}, pillar {p}",
     "Social security institute, annual report {y}, table {n}"),
    (("discrimination",), "Anti-Discrimination Act, section {n}", "National Action Plan against Racism and Xenophobia {y}–{z}",
     "Equality body, annual report {y}, table {n}"),
    (("trafficking", "smuggling"), "Counter-Trafficking in Persons Act, part {p}",
     "National Action Plan against Trafficking in Persons {y}–{z}", "National anti-trafficking report {y}, table {n}"),
    (("remittance", "financial", "investment"), "Payment Services Act, section {n}",
     "National Financial Inclusion Strategy {y}, pillar {p}", "Central bank, remittance prices survey {y}"),
    (("diaspora", "abroad", "consular"), "Consular Services Act, section {n}", "Diaspora Engagement Strategy {y}, section {p}",
     "Ministry of Foreign Affairs, consular statistics {y}"),
    (("labour", "recruit", "skills", "language", "unemployment", "equal_treatment", "pre_departure"),
     "Labour Code, chapter on foreign workers, article {n}", "National Labour Migration Policy {y}, section {p}",
     "National Statistics Office, Labour Force Survey {y}, table {n}"),
    (("residence", "reunification", "regularisation", "visa", "pathways"), "Immigration and Residence Act, section {n}",
     "Immigration Regulations {y}, schedule {p}", "Ministry of the Interior, residence and visa statistics {y}, table {n}"),
    (("border", "detention", "return", "readmission", "rescue", "missing", "deaths"),
     "Immigration and Residence Act, section {n}", "National Border Management Strategy {y}, section {p}",
     "Border agency, annual statistics {y}, table {n}"),
    (("crises", "contingency", "warning", "evacuation", "drr", "relocation", "climate", "recovery", "durable",
      "displacement"), "Disaster Risk Management Act, section {n}", "National Disaster Risk Reduction Strategy {y}, pillar {p}",
     "National disaster management agency, annual report {y}, table {n}"),
    (("census", "data", "statistics", "profile", "disaggregation"), "Statistics Act, section {n}",
     "National Strategy for the Development of Statistics {y}–{z}", "Population and Housing Census {y}, migration module"),
]
FALLBACK = ("Decree establishing the national coordination mechanism on migration, article {n}",
            "National Migration Policy {y}, section {p}", "Migration coordination secretariat, annual report {y}")
IMPLEMENTATION = ["Annual report of the responsible ministry, {y}, chapter {p}",
                  "Minutes of the national coordination committee on migration, {y}",
                  "Programme budget of the responsible ministry, {y}, line {n}"]
OTHER = "Report of the national consultation with civil society and social partners, {y}"


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
    citation = _citation(kind, profile, question.id)
    url = None
    if unit(profile.code, profile.cycle, question.id, "url") < URL_SHARE:
        url = f"https://example.org/{profile.code.lower()}/{profile.cycle}/{question.id.replace('_', '-')}"
    return EvidenceItem(question.id, kind, citation, url)


def _citation(kind: str, profile: Profile, qid: str) -> str:
    if kind == "implementation":
        template = IMPLEMENTATION[_pick(profile, qid, "template", len(IMPLEMENTATION))]
    elif kind == "other":
        template = OTHER
    else:
        sources = next((t[1:] for t in TOPICS if any(word in qid for word in t[0])), FALLBACK)
        template = sources[("law", "policy", "statistics").index(kind)]
    year = profile.cycle - 1 - _pick(profile, qid, "year", 6)
    return template.format(n=2 + _pick(profile, qid, "n", 60), p=1 + _pick(profile, qid, "p", 8),
                           y=year, z=year + 4)


def _pick(profile: Profile, qid: str, purpose: str, size: int) -> int:
    """A steady whole number in [0, size) for this country, question and purpose."""
    return int(size * unit(profile.code, qid, purpose))


def _file(item: EvidenceItem, profile: Profile, kind: str) -> tuple[str, bytes]:
    if kind == "pdf":
        return f"{item.question}.pdf", pdf_bytes(f"{profile.name}: {item.citation}")
    return f"{item.question}-chart.png", png_bytes(profile.code + item.question)


def pdf_bytes(text: str) -> bytes:
    """A minimal, valid one-page PDF showing ``text`` (ASCII; the demo only needs a readable page)."""
    safe = text.encode("ascii", "replace").decode("ascii").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 56 780 Td (Demo evidence) Tj 0 -20 Td ({safe[:90]}) Tj ET".encode("ascii")
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


def png_bytes(seed: str, width: int = 160, height: int = 90) -> bytes:
    """A small PNG bar chart (five bars whose heights follow ``seed``), built without libraries."""
    heights = [int(height * (0.2 + 0.7 * unit(seed, bar))) for bar in range(5)]
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            bar, inside = divmod(x, width // 5)
            filled = 4 <= inside < width // 5 - 4 and height - y <= heights[min(bar, 4)]
            row += bytes((0, 114, 178) if filled else (255, 255, 255))
        rows.append(bytes(row))
    return _png(width, height, zlib.compress(b"".join(rows), 9))


def _png(width: int, height: int, data: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
