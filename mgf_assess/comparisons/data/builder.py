"""The comparison's data: ``build_comparison(user, request, language) -> Comparison``.

Every renderer (web page, PDF, XLSX, CSV, JSON, the API's document) starts from the same
``Comparison``, so they never disagree. It is built in one pass:

1. the request is checked against the database (``sources.check_request``);
2. every country's result of the cycle is loaded with what the user may see of it
   (``sources.load_cycle``), and the scope keeps those asked for (``sources.in_scope``);
3. the main questionnaire version (the one most countries answered) gives the columns: the
   overall node when the questionnaire has one, then its domains, and the bands;
4. the views: profiles of the countries the user may see (``profiles``), the distribution
   over every state of the scope (``distribution``), the change from the baseline cycle
   (``change``), the ranking and peer learning when asked for (``ranking``, ``peers``), the
   corridor's roles and weakest links (``corridor``), and the method (``method``).

Texts are in ``language`` (built inside ``force_locale``); numbers stay raw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale

from mgf_assess.comparisons.data import change as change_view
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.corridor import corridor_view, with_roles
from mgf_assess.comparisons.data.distribution import Member, groups
from mgf_assess.comparisons.data.method import method
from mgf_assess.comparisons.data.model import BandInfo, Comparison, Node, Peers, Profile
from mgf_assess.comparisons.data.peers import peers
from mgf_assess.comparisons.data.profiles import cells_of, profile, sort_profiles
from mgf_assess.comparisons.data.ranking import ranked_order, ranking
from mgf_assess.comparisons.data.request import ComparisonRequest, RequestProblems
from mgf_assess.comparisons.data.sources import (
    Entry,
    check_request,
    family_definition,
    in_scope,
    load_cycle,
    main_definition,
    mapping_between,
    scope_text,
)
from mgf_assess.comparisons.models import Corridor
from mgf_assess.config import RTL_LANGUAGES
from mgf_assess.core import policy
from mgf_assess.database import utcnow
from mgf_assess.i18n import localized
from scoring.api import Definition


@dataclass
class Context:
    """What the views are computed from: the request, the columns, the results loaded."""

    user: object
    request: ComparisonRequest
    language: str
    corridor: Corridor | None
    definition: Definition
    nodes: tuple[Node, ...]
    everyone: list[Entry]  # every result of the cycle that may enter (any scope)
    population: list[Entry]  # those of the scope: the aggregates count them all
    shown: dict[str, Profile]  # country → profile, for every result the user may see

    @property
    def band_labels(self) -> dict[str, str]:
        return {band.code: localized(band.label, self.language) for band in self.definition.bands}

    @property
    def bands(self) -> list[str]:
        return [band.code for band in self.definition.bands]

    @property
    def withhold(self) -> bool:
        """Whether small aggregates are withheld from the user (see ``distribution``)."""
        return not policy.sees_every_result(self.user)


def build_comparison(user, request: ComparisonRequest, language: str, now: datetime | None = None) -> Comparison:
    """Everything a renderer needs to show the comparison ``request`` asks for, as ``user`` may
    see it, in ``language``. Raises RequestProblems for a request it cannot answer."""
    with force_locale(language):
        context = _context(user, request, language)
        profiles = with_roles(sort_profiles([context.shown[e.code] for e in context.population if e.visible]),
                              context.corridor)
        ranked = ranking(profiles, _node(context.nodes, request.rank)) if request.rank else None
        rows, summaries, mappings, before = _change(context, profiles)
        source_label = labels.text(labels.LABELS["source"], request.source)
        return Comparison(
            language, "rtl" if language in RTL_LANGUAGES else "ltr", request.questionnaire,
            localized(context.definition.title, language), request.cycle, request.baseline, request.source,
            source_label, request.source == "latest", now or utcnow(),
            scope_text(request, context.corridor, language), context.nodes, _bands(context),
            tuple(ranked_order(profiles, ranked) if ranked else profiles), _distribution(context),
            rows, summaries, ranked, _peers(context),
            corridor_view(context.corridor, profiles, context.nodes, context.bands, language)
            if context.corridor else None,
            method(request, [*context.population, *before], len(context.population), source_label, mappings,
                   language),
            len(context.population), sum(not e.visible for e in context.population), request.query(),
            _areas([context.definition, *(e.definition for e in before)], language),
            tuple(sort_profiles([profile(user, e, language, context.band_labels) for e in before if e.visible])))


def _context(user, request: ComparisonRequest, language: str) -> Context:
    corridor = check_request(user, request)
    everyone = load_cycle(user, request.questionnaire, request.cycle, request.source) if request.cycle else []
    definition = main_definition(everyone) or family_definition(request.questionnaire)
    nodes = nodes_of(definition, language)
    if request.rank is not None and request.rank not in {node.id for node in nodes}:
        raise RequestProblems({"rank": labels.text(labels.MARKS, "rank_ids",
                                                   ids=", ".join(node.id for node in nodes))})
    context = Context(user, request, language, corridor, definition, nodes, everyone,
                      in_scope(everyone, request, corridor), {})
    band_labels = context.band_labels
    context.shown = {e.code: profile(user, e, language, band_labels) for e in everyone if e.visible}
    return context


def nodes_of(definition: Definition, language: str) -> tuple[Node, ...]:
    """The overall node (when the questionnaire has an overall score), then every domain."""
    bands = {band.code: localized(band.label, language) for band in definition.bands}
    target = definition.target_band
    overall = (Node("overall", labels.text(labels.FIELDS, "overall"), target, bands.get(target, "")),) \
        if definition.method != "none" else ()
    return overall + tuple(Node(d.id, localized(d.title, language), definition.domain_target(d),
                                bands.get(definition.domain_target(d), "")) for d in definition.domains)


def _node(nodes: tuple[Node, ...], node_id: str) -> Node:
    return next(node for node in nodes if node.id == node_id)


def _bands(context: Context) -> tuple[BandInfo, ...]:
    return tuple(BandInfo(b.code, localized(b.label, context.language), b.min) for b in context.definition.bands)


def _distribution(context: Context):
    labels_ = context.band_labels
    members = [Member(e.code, e.country.region_code, e.country.sub_region_code, e.visible,
                      context.shown[e.code].cells if e.visible else cells_of(e.figures, labels_))
               for e in context.population]
    return groups(members, context.nodes, context.bands, context.withhold, context.language,
                  labels.text(labels.LABELS["level"], "global"))


def _change(context: Context, profiles: list[Profile]):
    """Rows and summaries of the change from the baseline cycle, the mappings used, and the
    baseline entries (for the annex); all empty without a baseline."""
    request = context.request
    if request.baseline is None:
        return (), (), (), []
    codes = {e.code for e in context.population}
    before = [e for e in load_cycle(context.user, request.questionnaire, request.baseline, request.source)
              if e.code in codes]
    order = {p.country: index for index, p in enumerate(profiles)}
    pairs = sorted(change_view.pairs_of(before, context.population),
                   key=lambda pair: (order.get(pair[1].code, len(order)), pair[1].code))
    found = change_view.changes(pairs)
    names = {after.code: after.country.name(context.language) for _, after in pairs}
    rows = change_view.change_rows(pairs, found, names, {n.id: n.title for n in context.nodes},
                                   context.band_labels)
    domains = tuple(node for node in context.nodes if node.id != "overall")
    mappings = tuple(sorted({_mapping_text(b.definition, a.definition) for b, a in pairs
                             if b.definition.version != a.definition.version}))
    return rows, change_view.summaries(pairs, found, domains, context.withhold), mappings, before


def _mapping_text(old: Definition, new: Definition) -> str:
    _mapping, file = mapping_between(old, new)
    return f"{old.version} → {new.version} ({file or labels.text(labels.MARKS, 'no_mapping')})"


def _peers(context: Context) -> Peers | None:
    """Peer learning for the requested country, when the user may see it and look for its peers."""
    chosen, allowed = context.request.peer, policy.peer_countries(context.user)
    if chosen is None or chosen not in context.shown or (allowed is not None and chosen not in allowed):
        return None
    entry = next(e for e in context.everyone if e.code == chosen)
    return peers(context.shown[chosen], list(context.shown.values()), entry.definition, entry.snapshot.result,
                 context.language)


def _areas(definitions: list[Definition], language: str) -> dict[str, tuple[str, str]]:
    """Area id → (domain id, title) over the versions shown (the main version's title first)."""
    found: dict[str, tuple[str, str]] = {}
    for definition in {id(d): d for d in definitions}.values():
        for domain in definition.domains:
            for area in domain.areas:
                found.setdefault(area.id, (domain.id, localized(area.title, language)))
    return found
