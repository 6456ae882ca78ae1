"""The annex: the snapshots each figure comes from (ids and dates), the versions, the
mappings used, and how comparability was decided."""

from __future__ import annotations

from reportlab.lib.units import mm

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.reports.pdf.text import Writer

H, F, M = labels.HEADINGS, labels.FIELDS, labels.MARKS


def annex_story(comparison: Comparison, writer: Writer) -> list:
    method = comparison.method
    facts = [f"{labels.text(F, 'version')}: {', '.join(method.versions) or '—'}",
             f"{labels.text(F, 'mapping')}: {'; '.join(method.mappings) or '—'}",
             f"{labels.text(F, 'engine_version')}: {method.engine_version}",
             labels.text(labels.METHOD, "change_same"), labels.text(labels.METHOD, "change_versions")]
    header = [labels.text(F, k) for k in ("country", "cycle", "version", "assessment", "snapshot", "date")]
    rows = [[s.name, str(s.cycle), s.version, str(s.assessment_id), f"{s.snapshot_id} ({s.kind})", writer.date(s.date)]
            for s in method.snapshots]
    flowables = [writer.heading(labels.text(H, "annex"), "h1", 0, "annex"), *[writer.para(f, "body") for f in facts],
                 *writer.subheading(labels.text(H, "snapshots"))]
    if not rows:
        return flowables + [writer.para(labels.text(M, "nothing"), "muted")]
    return flowables + [writer.table(header, rows, [None, 14 * mm, 18 * mm, 22 * mm, 32 * mm, 32 * mm])]
