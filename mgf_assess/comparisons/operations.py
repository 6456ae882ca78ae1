"""Writes of the comparisons feature: defining, changing and deleting corridors.

Every function checks its input (OperationError listing every problem, nothing changed),
mutates, flushes and audits in the same transaction; the route commits.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.comparisons.models import CORRIDOR_ROLES, Corridor, CorridorCountry
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import Country
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

NAME_MAX = 100
MAX_CORRIDOR_COUNTRIES = 30  # a migration route, not a region: a longer list is a mistake


def parse_members(text: str) -> list[tuple[str, str]]:
    """``KEN origin`` lines (or ``KEN, origin``) as (code, role) pairs; blank lines skipped."""
    members = []
    for line in (text or "").splitlines():
        parts = line.replace(",", " ").replace(";", " ").split()
        if parts:
            members.append((parts[0].upper(), parts[1].lower() if len(parts) > 1 else ""))
    return members


def _problems(name: str, members: list[tuple[str, str]], corridor_id: int | None) -> dict:
    problems = {}
    if not name or len(name) > NAME_MAX:
        problems["name"] = _l("Give the corridor a name of 1 to %(n)s characters.", n=NAME_MAX)
    elif db.session.scalar(db.select(Corridor.id).filter(Corridor.name == name, Corridor.id != (corridor_id or 0))):
        problems["name"] = _l("Another corridor is called %(name)s: choose another name.", name=name)
    known = {code for code, in db.session.execute(db.select(Country.code).where(Country.code.in_([c for c, _ in members])))}
    codes = [code for code, _ in members]
    if not 2 <= len(members) <= MAX_CORRIDOR_COUNTRIES:
        problems["members"] = _l("A corridor has 2 to %(n)s countries, one per line.", n=MAX_CORRIDOR_COUNTRIES)
    elif unknown := [c for c in codes if c not in known]:
        problems["members"] = _l("Unknown country codes: %(codes)s.", codes=", ".join(unknown)[:200])
    elif len(set(codes)) != len(codes):
        problems["members"] = _l("Each country appears once in a corridor.")
    elif bad := [f"{c} {r}".strip() for c, r in members if r not in CORRIDOR_ROLES]:
        problems["members"] = _l("Each line is a country code and its role (origin, transit or destination); "
                                 "not understood: %(lines)s.", lines="; ".join(bad)[:200])
    return problems


def save_corridor(actor, corridor: Corridor | None, name: str, members: list[tuple[str, str]]) -> Corridor:
    """Create ``corridor`` (None) or replace its name and countries; audited."""
    name = (name or "").strip()
    problems = _problems(name, members, corridor.id if corridor else None)
    if problems:
        raise OperationError(problems)
    old = _described(corridor) if corridor is not None else None
    if corridor is None:
        corridor = Corridor(name=name, created_by_id=getattr(actor, "id", None))
        db.session.add(corridor)
    corridor.name, corridor.updated_at = name, utcnow()
    corridor.members = [CorridorCountry(country_code=code, role=role, position=index)
                        for index, (code, role) in enumerate(members)]
    db.session.flush()
    audit.record(actor, "corridor.update" if old else "corridor.create", "corridor", corridor.id,
                 old=old, new=_described(corridor))
    return corridor


def delete_corridor(actor, corridor: Corridor) -> None:
    """Delete a corridor (comparisons that named it no longer find it); audited."""
    old = _described(corridor)
    db.session.delete(corridor)
    db.session.flush()
    audit.record(actor, "corridor.delete", "corridor", old["id"], old=old)


def _described(corridor: Corridor) -> dict:
    return {"id": corridor.id, "name": corridor.name,
            "countries": [[m.country_code, m.role] for m in corridor.members]}
