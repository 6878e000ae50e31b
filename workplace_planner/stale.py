"""Refuse saves based on a stale version: concurrent edits never silently overwrite."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l


class StaleVersion(ValueError):
    """The object changed since the form was opened; nothing was saved."""

    def __init__(self):
        super().__init__(
            _l(
                "Someone else saved a change while you were editing, so nothing was saved. "
                "Your input is still in the form: open the page again to see the latest "
                "version, or save once more to replace it."
            )
        )


def check_version(obj, submitted_version) -> None:
    if submitted_version is not None and int(submitted_version) != obj.version:
        raise StaleVersion()


def show_latest_version(form, obj) -> None:
    """After a refused save: the form keeps the user's input but now carries the newest version,
    so a deliberate second save replaces the other change instead of failing again."""
    form.version.data = obj.version
    form.version.raw_data = [str(obj.version)]
