"""One way to save a form: validate, apply a service call, commit once; a domain error becomes a
message next to the field it concerns, a stale version a message above the form. Nothing is
saved on error, and the user's input stays in the form."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from workplace_planner.extensions import db
from workplace_planner.stale import StaleVersion, show_latest_version


class DomainError(ValueError):
    """A refused operation; ``field`` names the form field the message belongs next to."""

    field: str | None = None

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        if field is not None:
            self.field = field


def report(form, error: Exception, field: str | None = None) -> None:
    target = getattr(form, field, None) if field else None
    if target is not None:
        target.errors = [*target.errors, str(error)]
    else:
        form.form_errors.append(str(error))


def _shown(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def saved_values_that_differ(form, obj) -> list[str]:
    """"Label: value" for every field whose saved value differs from what the user sent, so a
    refused save shows what the other person changed."""
    db.session.refresh(obj)
    changed = []
    for name, field in form._fields.items():
        if name in ("csrf_token", "version") or not hasattr(obj, name):
            continue
        saved = getattr(obj, name)
        saved = getattr(saved, "value", saved)  # enums: compare their stored value
        if isinstance(saved, list):  # a relationship collection: the form sends ids
            saved = [getattr(member, "id", member) for member in saved]
        sent = field.data
        if not saved and not sent:  # None, "", 0 and [] all mean "empty"
            continue
        if str(saved if saved is not None else "") != str(sent if sent is not None else ""):
            choices = dict(getattr(field, "choices", None) or [])
            shown = ([choices.get(v, v) for v in saved] if isinstance(saved, list)
                     else choices.get(saved, saved))
            changed.append(f"{field.label.text}: {_shown(shown)}")
    return changed


def save_form(form, apply: Callable[[], object], versioned=None) -> bool:
    """True when the form was valid and ``apply()`` was committed.

    ``versioned``: the object whose version the form carries, to show the newest version after
    a refused save (a deliberate second save then replaces the other change); or a function that
    finds it, for a form that creates the object when nobody has yet.
    """
    if not form.validate():
        return False
    try:
        apply()
        db.session.commit()
    except (StaleVersion, StaleDataError, IntegrityError) as error:
        # An IntegrityError here is another person's save of the same thing at the same moment
        # (the first save of a programme's only matrix, the same new name twice): the database
        # refused the second one, which is the same as a stale version to the user.
        db.session.rollback()
        if isinstance(error, IntegrityError):
            current_app.logger.warning("Save refused by the database: %s", error.orig)
        report(form, StaleVersion())
        if callable(versioned):
            versioned = versioned()
        if versioned is not None:
            changed = saved_values_that_differ(form, versioned)
            if changed:
                report(form, _l("Saved now: %(fields)s.", fields="; ".join(changed)))
            show_latest_version(form, versioned)
        return False
    except DomainError as error:
        db.session.rollback()
        report(form, error, error.field)
        return False
    return True
