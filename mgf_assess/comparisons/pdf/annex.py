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
    header = [labels.text(F, "country"), labels.text(F, "cycle"),
              f"{labels.text(F, 'version')} · {labels.text(F, 'assessment')} · {labels.text(F, 'snapshot')} · "
              f"{labels.text(F, 'date')}"]
    rows = [[s.name, str(s.cycle), f"{s.version} · {s.assessment_id} · {s.snapshot_id} ({s.kind_label}) · "
                                   f"{writer.date(s.date)}"] for s in method.snapshots]
    flowables = [writer.heading(labels.text(H, "annex"), "h1", 0, "annex"), *[writer.para(f, "body") for f in facts],
                 *writer.subheading(labels.text(H, "snapshots"))]
    if not rows:
        return flowables + [writer.para(labels.text(M, "nothing"), "muted")]
    return flowables + [writer.table(header, rows, [45 * mm, 14 * mm, None])]
