"""Log-in throttling counted in the database: several workers (here: two apps on the same
database) share one count, so an attacker does not get the allowance once per worker."""

from __future__ import annotations

import time

import conftest
from conftest import PASSWORD, log_in

from workplace_planner.auth.throttle import DatabaseStorage, ThrottleCounter
from workplace_planner.extensions import db


def _workers(make_app, demo, count=2):
    url = demo.config["SQLALCHEMY_DATABASE_URI"]
    return [make_app(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_STORAGE_URI="database://")
            for _ in range(count)]


def _forget_counters(app):
    with app.app_context():
        db.session.execute(db.delete(ThrottleCounter))
        db.session.commit()
    conftest._demo_state["dirty"] = True


def test_the_default_storage_is_the_database(make_app):
    assert make_app().config["RATELIMIT_STORAGE_URI"] == "database://"


def test_failed_log_ins_on_two_workers_add_up(make_app, demo):
    first, second = _workers(make_app, demo)
    try:
        for _ in range(3):
            assert log_in(first.test_client(), "editor@demo.example", "fout").status_code == 200
        for _ in range(2):
            assert log_in(second.test_client(), "editor@demo.example", "fout").status_code == 200
        # Five failures in all: the sixth attempt is refused on either worker, even with the
        # right password.
        response = log_in(first.test_client(), "editor@demo.example", PASSWORD)
        assert response.status_code == 429
        assert "Te veel pogingen" in response.get_data(as_text=True)
        assert log_in(second.test_client(), "editor@demo.example", PASSWORD).status_code == 429
        # Another account is not affected.
        assert log_in(second.test_client(), "admin@demo.example").status_code == 302
    finally:
        _forget_counters(first)


def test_a_counter_starts_again_when_its_window_has_passed(make_app, demo):
    (app,) = _workers(make_app, demo, 1)
    storage = DatabaseStorage("database://")
    try:
        with app.app_context():
            assert storage.check()
            assert storage.incr("k", 300) == 1
            assert storage.incr("k", 300, amount=2) == 3
            assert storage.get("k") == 3
            assert storage.get_expiry("k") > time.time() + 250
            db.session.execute(db.update(ThrottleCounter).values(expires_at=time.time() - 1))
            db.session.commit()
            assert storage.get("k") == 0  # the window has passed
            assert storage.incr("k", 300) == 1  # and a new one starts
            storage.clear("k")
            assert storage.get("k") == 0
            storage.incr("a", 60)
            storage.incr("b", 60)
            assert storage.reset() == 2
    finally:
        _forget_counters(app)

