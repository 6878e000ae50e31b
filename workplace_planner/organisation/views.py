"""The organisation page: details, participating municipalities and members."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from workplace_planner import audit_log, paging
from workplace_planner.auth import services as accounts
from workplace_planner.auth.models import Membership, Participant, Role
from workplace_planner.authorization import Permission, requires
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.organisation import services, transfer
from workplace_planner.organisation.forms import (
    ROLE_DESCRIPTIONS,
    ROLE_LABELS,
    AddMemberForm,
    OrganisationForm,
    ParticipantForm,
    RoleForm,
)
from workplace_planner.scoping import current_organisation, get_scoped_or_404

blueprint = Blueprint("organisation", __name__, url_prefix="/organisation")


def _render_show(form=None, participant_form=None, status=200):
    organisation = current_organisation()
    form = form or OrganisationForm(obj=organisation)
    participant_form = participant_form or ParticipantForm(formdata=None)
    return (
        render_template(
            "organisation/show.html",
            organisation=organisation,
            form=form,
            participant_form=participant_form,
            role_labels=ROLE_LABELS,
        ),
        status,
    )


@blueprint.route("", methods=["GET", "POST"])
@requires(read=Permission.VIEW, write=Permission.MANAGE_ORGANISATION)
def show():
    organisation = current_organisation()
    form = OrganisationForm(obj=organisation)
    if not form.is_submitted():
        return _render_show(form=form)

    def apply():
        services.update_organisation(
            organisation, form.version.data, form.name.data, form.headcount.data,
            form.inhabitants.data,
        )

    if save_form(form, apply, versioned=organisation):
        flash(_("The organisation has been saved."), "ok")
        return redirect(url_for(".show"))
    return _render_show(form=form, status=422)


@blueprint.route("/participants", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATION)
def add_participant():
    form = ParticipantForm()

    def apply():
        services.add_participant(
            current_organisation(), form.name.data, form.headcount.data, form.inhabitants.data
        )

    if save_form(form, apply):
        flash(_("%(name)s has been added.", name=form.name.data), "ok")
        return redirect(url_for(".show") + "#participants")
    return _render_show(participant_form=form, status=422)


@blueprint.route("/participants/<int:participant_id>", methods=["GET", "POST"])
@requires(Permission.MANAGE_ORGANISATION)
def edit_participant(participant_id: int):
    participant = get_scoped_or_404(Participant, participant_id)
    form = ParticipantForm(obj=participant)
    if not form.is_submitted():
        return render_template(
            "organisation/participant_edit.html", form=form, participant=participant
        )

    def apply():
        services.update_participant(
            participant, form.version.data, form.name.data, form.headcount.data,
            form.inhabitants.data,
        )

    if save_form(form, apply, versioned=participant):
        flash(_("%(name)s has been saved.", name=participant.name), "ok")
        return redirect(url_for(".show") + "#participants")
    return render_template(
        "organisation/participant_edit.html", form=form, participant=participant
    ), 422


@blueprint.route("/participants/<int:participant_id>/delete", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATION)
def delete_participant(participant_id: int):
    participant = get_scoped_or_404(Participant, participant_id)
    name = participant.name
    services.remove_participant(participant)
    db.session.commit()
    flash(_("%(name)s has been removed.", name=name), "ok")
    return redirect(url_for(".show") + "#participants")


def _render_members(form=None, status=200, first_password=None, new_member=None):
    organisation = current_organisation()
    memberships = sorted(
        organisation.memberships, key=lambda m: (m.user.display_name.lower(), m.id)
    )
    return (
        render_template(
            "organisation/members.html",
            organisation=organisation,
            memberships=memberships,
            form=form or AddMemberForm(formdata=None),
            role_form_for=lambda m: RoleForm(formdata=None, role=m.role.value),
            role_labels=ROLE_LABELS,
            role_descriptions=ROLE_DESCRIPTIONS,
            roles=list(Role),
            first_password=first_password,
            new_member=new_member,
        ),
        status,
    )


@blueprint.route("/members", methods=["GET", "POST"])
@requires(Permission.MANAGE_ORGANISATION)
def members():
    form = AddMemberForm()
    if not form.is_submitted():
        return _render_members()
    added = {}

    def apply():
        added["membership"], added["password"] = accounts.add_member(
            current_organisation(), form.email.data, form.name.data or "", Role(form.role.data)
        )

    if save_form(form, apply):
        user = added["membership"].user
        flash(_("%(email)s is now a member.", email=user.email), "ok")
        # The first password is shown once, on this answer only; it is not stored.
        return _render_members(first_password=added["password"], new_member=user)
    return _render_members(form=form, status=422)


@blueprint.route("/members/<int:membership_id>/role", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATION)
def change_role(membership_id: int):
    membership = get_scoped_or_404(Membership, membership_id)
    form = RoleForm()
    if form.validate():
        try:
            accounts.change_role(membership, Role(form.role.data))
        except accounts.AccountError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("The role of %(email)s has been changed.", email=membership.user.email), "ok")
    return redirect(url_for(".members"))


@blueprint.route("/members/<int:membership_id>/remove", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATION)
def remove_member(membership_id: int):
    membership = get_scoped_or_404(Membership, membership_id)
    email = membership.user.email
    try:
        accounts.remove_member(membership)
    except accounts.AccountError as error:
        flash(str(error), "error")
        return redirect(url_for(".members"))
    db.session.commit()
    flash(_("%(email)s is no longer a member.", email=email), "ok")
    if membership.user_id == current_user.id:
        return redirect(url_for("programmes.index"))
    return redirect(url_for(".members"))


# ----------------------------------------------------------------------------- change history
def _audit_filters() -> audit_log.Filters:
    args = request.args

    def day(name):
        try:
            return date.fromisoformat(args.get(name, ""))
        except ValueError:
            return None

    return audit_log.Filters(
        kind=args.get("kind", "").strip()[:60],
        user_id=args.get("user", 0, type=int) or None,
        since=day("since"),
        until=day("until"),
    )


@blueprint.route("/changes")
@requires(Permission.VIEW_AUDIT)
def changes():
    organisation = current_organisation()
    filters = _audit_filters()
    page = audit_log.search(organisation.id, filters, request.args.get("page", 1, type=int))
    return render_template(
        "organisation/changes.html",
        rows=audit_log.describe(page.items, _("system")),
        filters=filters, page=page,
        kinds=audit_log.kinds_in_use(organisation.id),
        members=audit_log.members(organisation.id),
        query=paging.other_args(request.args),
    )


@blueprint.route("/changes.<any(csv, xlsx):file_format>")
@requires(Permission.VIEW_AUDIT)
def export_changes(file_format: str):
    organisation = current_organisation()
    entries = audit_log.all_matching(organisation.id, _audit_filters())
    records = transfer.change_records(audit_log.describe(entries, _("system")))
    return table_download(file_format, transfer.CHANGE_COLUMNS, records, _("Changes"),
                          "changes")
