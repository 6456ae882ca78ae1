"""The frozen dataclasses of a comparison (overview: ``comparisons.data.builder``).

Texts are localized; numbers stay raw (``Decimal`` scores 0–100 with two decimals, ``Decimal``
shares 0–1 with four decimals, ``None`` = nothing to measure); dates are UTC ``datetime``.
Codes (band, comparability, movement, role) sit beside their labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Node:
    """A column of the profiles: ``overall`` or a domain, with its target band."""

    id: str
    title: str
    target_band: str
    target_label: str


@dataclass(frozen=True)
class BandInfo:
    code: str
    label: str
    min: Decimal


@dataclass(frozen=True)
class Cell:
    """One country's figures at one node."""

    score: Decimal | None
    band: str | None
    band_label: str
    completeness: Decimal | None
    confidence: Decimal | None


@dataclass(frozen=True)
class Profile:
    """One country's row: where it is, what it was scored with, and its figures per node."""

    country: str
    name: str
    region: str
    region_name: str
    subregion: str
    subregion_name: str
    cycle: int
    version: str
    assessment_id: int
    snapshot_id: int
    snapshot_kind: str
    snapshot_date: datetime
    state: str
    public: bool  # a published profile anyone may read
    report: bool  # the user may open its gap report
    cells: dict[str, Cell]  # node id (overall, domains, areas) → figures
    role: str | None = None  # its role in the corridor compared, if any
    role_label: str = ""


@dataclass(frozen=True)
class Aggregate:
    """The states of one group at one node: counts per band, shares, median and quartiles.
    ``suppressed``: withheld from this user (fewer than 3 states), every figure empty."""

    n: int
    bands: tuple[tuple[str, int], ...]  # (band code, states), lowest band first
    meeting: int
    share_meeting: Decimal | None
    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None
    suppressed: bool = False

    def share(self, code: str) -> Decimal | None:
        count = dict(self.bands).get(code, 0)
        return None if self.suppressed or not self.n else round(Decimal(count) / self.n, 4)


@dataclass(frozen=True)
class Group:
    """All states, an M49 region or a sub-region, and its aggregate per node."""

    code: str  # "global" or an M49 code
    name: str
    level: str  # global | region | subregion
    parent: str | None
    aggregates: dict[str, Aggregate]


@dataclass(frozen=True)
class ChangeRow:
    """One country's change in one domain."""

    country: str
    name: str
    domain: str
    domain_title: str
    comparability: str
    comparability_label: str
    questions: int
    total: int
    baseline: Decimal | None
    current: Decimal | None
    delta: Decimal | None
    baseline_band: str | None
    baseline_band_label: str
    current_band: str | None
    current_band_label: str
    movement: str | None
    movement_label: str


@dataclass(frozen=True)
class ChangeSummary:
    """Per domain: how many states improved, stayed in their band or declined."""

    domain: str
    title: str
    n: int
    improved: int
    same: int
    declined: int
    suppressed: bool = False

    def share(self, key: str) -> Decimal | None:
        return None if self.suppressed or not self.n else round(Decimal(getattr(self, key)) / self.n, 4)


@dataclass(frozen=True)
class RankRow:
    rank: int
    country: str
    name: str
    score: Decimal
    band_label: str


@dataclass(frozen=True)
class Ranking:
    node: str
    title: str
    rows: tuple[RankRow, ...]


@dataclass(frozen=True)
class Peer:
    """A country that meets the target where the chosen one does not."""

    country: str
    name: str
    proximity: str  # subregion | region | other
    score: Decimal | None
    band_label: str
    public: bool
    report: bool
    assessment_id: int


@dataclass(frozen=True)
class Recommendation:
    id: str
    text: str
    priority: str
    priority_label: str


@dataclass(frozen=True)
class PeerNode:
    """A domain or area of the chosen country below its target, and who meets it there."""

    id: str
    level: str  # domain | area
    title: str
    score: Decimal | None
    band_label: str
    target_label: str
    recommendations: tuple[Recommendation, ...]
    peers: tuple[Peer, ...]
    more: int  # peers beyond the listed ones


@dataclass(frozen=True)
class Peers:
    country: str
    name: str
    nodes: tuple[PeerNode, ...]


@dataclass(frozen=True)
class WeakLink:
    node: str
    title: str
    band: str | None
    band_label: str
    score: Decimal | None
    holders: tuple[tuple[str, str], ...]  # (country, name), the weakest first


@dataclass(frozen=True)
class CorridorView:
    name: str
    members: tuple[tuple[str, str, str, str], ...]  # (country, name, role, role label)
    weakest: tuple[WeakLink, ...]


@dataclass(frozen=True)
class SnapshotUse:
    """A snapshot a figure comes from (listed in the annex; only those the user may see)."""

    country: str
    name: str
    cycle: int
    version: str
    assessment_id: int
    snapshot_id: int
    kind: str
    date: datetime
    kind_label: str = ""


@dataclass(frozen=True)
class Method:
    """How the comparison was made, in sentences, and what it rests on."""

    sentences: tuple[str, ...]
    versions: tuple[str, ...]
    mappings: tuple[str, ...]  # "2015.1 → 2026.1 (mgf/mappings/2015.1-to-2026.1.yaml)"
    snapshots: tuple[SnapshotUse, ...]
    engine_version: str


@dataclass(frozen=True)
class Comparison:
    """Everything every renderer needs, in one language."""

    language: str
    direction: str
    questionnaire: str
    title: str
    cycle: int | None
    baseline: int | None
    source: str
    source_label: str
    preliminary: bool
    generated_at: datetime
    scope_text: str
    nodes: tuple[Node, ...]  # overall (when the questionnaire has one), then the domains
    bands: tuple[BandInfo, ...]
    profiles: tuple[Profile, ...]
    distribution: tuple[Group, ...]
    change: tuple[ChangeRow, ...]
    change_summary: tuple[ChangeSummary, ...]
    ranking: Ranking | None
    peers: Peers | None
    corridor: CorridorView | None
    method: Method
    population: int  # states counted in the aggregates
    hidden: int  # of which the user may not see individually
    request_query: dict[str, str]
    areas: dict[str, tuple[str, str]]  # area id → (domain id, title), every version shown
    baseline_profiles: tuple[Profile, ...] = ()  # the baseline cycle's results the user may see

    @property
    def domains(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.id != "overall")

    def band_label(self, code: str | None) -> str:
        return next((band.label for band in self.bands if band.code == code), "")
