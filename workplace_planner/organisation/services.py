"""Operations on the organisation and its participating municipalities."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from workplace_planner.auth.models import Organisation, Participant
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version


class OrganisationError(DomainError):
    field = "name"


def update_organisation(organisation: Organisation, version, name, headcount, inhabitants):
    check_version(organisation, version)
    organisation.name = name.strip()
    organisation.headcount = headcount
    organisation.inhabitants = inhabitants


def _name_taken(organisation: Organisation, name: str, exclude_id: int | None = None) -> bool:
    query = select(Participant.id).where(
        Participant.organisation_id == organisation.id, Participant.name == name
    )
    if exclude_id is not None:
        query = query.where(Participant.id != exclude_id)
    return db.session.scalar(query) is not None


def add_participant(organisation: Organisation, name, headcount, inhabitants) -> Participant:
    name = name.strip()
    if _name_taken(organisation, name):
        raise OrganisationError(_l("There is already a participant with this name."))
    participant = Participant(
        organisation=organisation, name=name, headcount=headcount, inhabitants=inhabitants
    )
    db.session.add(participant)
    return participant


def update_participant(participant: Participant, version, name, headcount, inhabitants):
    check_version(participant, version)
    name = name.strip()
    if _name_taken(participant.organisation, name, exclude_id=participant.id):
        raise OrganisationError(_l("There is already a participant with this name."))
    participant.name = name
    participant.headcount = headcount
    participant.inhabitants = inhabitants


def remove_participant(participant: Participant) -> None:
    db.session.delete(participant)
