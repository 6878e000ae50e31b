"""Backup and restore of a whole programme: lossless, across databases, all or nothing."""

import copy
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import DateTime

from workplace_planner import backup
from workplace_planner.extensions import db


def canonical(payload: dict) -> dict:
    """The backup with every id replaced by the row's position and every reference by the
    position of the row it names, so two restores of the same programme compare equal."""
    tables = db.metadata.tables
    data = payload["tables"]
    position = {
        name: {row["id"]: index for index, row in enumerate(rows) if "id" in row}
        for name, rows in data.items()
    }
    participants = {p["id"]: p["name"] for p in payload["participants"]}
    users = {u["id"]: u["email"] for u in payload["users"]}
    model_tables = backup._model_tables()
    result = {}
    for name, rows in data.items():
        table = tables[name]
        out = []
        for row in rows:
            item = {}
            for key, value in row.items():
                column = table.c[key]
                targets = [fk.column.table.name for fk in column.foreign_keys]
                if key in ("id", "organisation_id"):
                    continue
                if value is not None and isinstance(column.type, DateTime):
                    parsed = datetime.fromisoformat(value)
                    value = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).isoformat()
                if targets and value is not None:
                    target = targets[0]
                    value = (participants.get(value) if target == "participants"
                             else users.get(value) if target == "users"
                             else (target, position[target][value]))
                if name == backup.AUDIT_TABLE and key == "object_id":
                    target = model_tables[row["object_type"]]
                    value = (target, position[target][value])
                item[key] = value
            out.append(item)
        result[name] = out
    return result


@pytest.fixture
def second_database(make_app, tmp_path):
    """Another database (SQLite) with the same schema, where the same people have accounts."""
    from workplace_planner.auth.models import User
    from workplace_planner.demo import DEMO_USERS

    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'second.sqlite'}")
    with app.app_context():
        db.create_all()
        for email, _role, _organisation in DEMO_USERS:
            db.session.add(User(email=email, name=email, password_hash="x"))
        db.session.commit()
    return app


def _export(app, programme_id):
    with app.app_context():
        return json.loads(json.dumps(backup.export_programme(programme_id)))


def _import(app, payload, organisation=None):
    with app.app_context():
        try:
            report = backup.import_programme(payload, organisation)
            db.session.commit()
            return report.programme.id
        except Exception:
            db.session.rollback()
            raise


def _counts(app) -> dict:
    with app.app_context():
        return {
            name: db.session.execute(db.select(db.func.count()).select_from(table)).scalar()
            for name, table in db.metadata.tables.items()
        }


def test_the_backup_holds_every_module_of_the_programme(demo, ids):
    payload = _export(demo, ids["programme"])
    tables = payload["tables"]
    for name in ("programmes", "step_progress", "personas", "persona_headcounts",
                 "interview_personas", "adoption_measures", "licence_bundles"):
        assert tables.get(name), name
    # Nothing of the other organisation's programme.
    assert [row["id"] for row in tables["programmes"]] == [ids["programme"]]
    assert all(row["programme_id"] == ids["programme"] for row in tables["personas"])


def test_round_trip_into_another_database_is_lossless(demo, ids, second_database):
    original = _export(demo, ids["programme"])
    restored_id = _import(second_database, original)
    again = _export(second_database, restored_id)
    left, right = canonical(again), canonical(original)
    for name in right:  # table by table and row by row, so a failure names what differs
        for a, b in zip(left[name], right[name], strict=True):
            assert a == b, (name, {k: (a[k], b[k]) for k in a if a[k] != b.get(k)})
    assert left == right
    assert again["organisation"]["name"] == original["organisation"]["name"]


def test_round_trip_back_into_the_first_database_in_another_organisation(
    demo, ids, second_database
):
    from workplace_planner.demo import OTHER

    original = _export(demo, ids["programme"])
    via_second = _export(second_database, _import(second_database, original))
    restored_id = _import(demo, via_second, organisation=OTHER)
    assert canonical(_export(demo, restored_id)) == canonical(original)
    with demo.app_context():
        from workplace_planner.programmes.models import Programme

        restored = db.session.get(Programme, restored_id)
        assert restored.organisation_id == ids["other"]
        # Its participating municipalities were created in the other organisation.
        assert {p.organisation_id for p in restored.participants} == {ids["other"]}


def test_a_tampered_file_changes_nothing_and_says_why(demo, ids):
    payload = _export(demo, ids["programme"])
    payload["tables"]["personas"][0]["role"] = "gewijzigd zonder de controle bij te werken"
    before = _counts(demo)
    with pytest.raises(backup.BackupError, match="checksum"):
        _import(demo, payload)
    assert _counts(demo) == before


@pytest.mark.parametrize("damage", ["dangling", "unknown_table", "unknown_column", "bad_value",
                                    "no_programme", "wrong_format"])
def test_a_broken_file_changes_nothing_and_says_why(demo, ids, damage):
    payload = copy.deepcopy(_export(demo, ids["programme"]))
    tables = payload["tables"]
    if damage == "dangling":
        tables["persona_headcounts"][0]["persona_id"] = 999_999
    elif damage == "unknown_table":
        tables["secrets"] = []
    elif damage == "unknown_column":
        tables["personas"][0]["salary"] = 1
    elif damage == "bad_value":
        tables["personas"][0]["digital_skill"] = "veel"
    elif damage == "no_programme":
        tables["programmes"] = []
    elif damage == "wrong_format":
        payload["format"] = "something/else"
    payload["checksum"] = backup.checksum(payload)  # damaged, yet consistent
    before = _counts(demo)
    with pytest.raises(backup.BackupError):
        _import(demo, payload)
    assert _counts(demo) == before


def test_people_without_an_account_are_reported_and_left_empty(demo, ids, make_app, tmp_path):
    empty = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite'}")
    with empty.app_context():
        db.create_all()
        report = backup.import_programme(_export(demo, ids["programme"]))
        db.session.commit()
        assert "workshop@demo.example" in report.unknown_users
        owners = {p.owner_id for p in report.programme.progress}
        assert owners == {None}


def test_the_commands_round_trip_through_a_file(demo, ids, tmp_path):
    runner = demo.test_cli_runner()
    path = tmp_path / "programma.json"
    result = runner.invoke(args=["export-programme", str(ids["programme"]), str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["import-programme", str(path), "--organisation",
                                 "Gemeente Oosterhaven"])
    assert result.exit_code == 0, result.output
    assert "restored as programme" in result.output


def test_the_import_command_refuses_a_damaged_file_with_a_reason(demo, tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text('{"format": "workplace-planner/programme-backup/v1", "tables": {')
    before = _counts(demo)
    result = demo.test_cli_runner().invoke(args=["import-programme", str(path)])
    assert result.exit_code != 0 and "Nothing was imported" in result.output
    assert _counts(demo) == before


def test_export_of_an_unknown_programme_is_refused(demo, tmp_path):
    result = demo.test_cli_runner().invoke(
        args=["export-programme", "999999", str(tmp_path / "x.json")])
    assert result.exit_code != 0 and "no programme" in result.output


def _start_next_cycle(demo, ids) -> int:
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.evaluate import services as evaluate

    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        chosen = [i.id for i in evaluate.unfinished_items(programme)][:3]
        following, _refresh = evaluate.start_next_cycle(
            programme, chosen, name="Werkplek 2032–2035",
            start_year=2032, horizon_years=4)
        db.session.commit()
        return following.id


def _carried_over(app, programme_id):
    """What each carried-over item of a programme's refresh says, by name."""
    from workplace_planner.steps.evaluate.models import CycleRefresh

    with app.app_context():
        refreshes = db.session.scalars(db.select(CycleRefresh).where(
            CycleRefresh.programme_id == programme_id)).all()
        return [
            (r.next_programme.name if r.next_programme else None,
             [(c.title, c.from_item.title if c.from_item else None,
               c.to_item.title if c.to_item else None,
               c.to_item.programme_id == r.next_programme_id if c.to_item else None)
              for c in r.items])
            for r in refreshes
        ]


def test_the_next_cycle_and_its_carried_over_items_survive_a_restore_of_both(
    demo, ids, second_database
):
    following_id = _start_next_cycle(demo, ids)
    expected = _carried_over(demo, ids["programme"])
    assert expected[0][0] == "Werkplek 2032–2035" and len(expected[0][1]) == 3
    earlier, later = _export(demo, ids["programme"]), _export(demo, following_id)
    # The next cycle first, then the programme that started it: every link is back.
    _import(second_database, later)
    restored = _import(second_database, earlier)
    assert _carried_over(second_database, restored) == expected


def test_a_link_to_a_next_cycle_that_is_not_here_is_reported_and_left_empty(
    demo, ids, second_database
):
    _start_next_cycle(demo, ids)
    with second_database.app_context():
        report = backup.import_programme(_export(demo, ids["programme"]))
        db.session.commit()
        restored = report.programme.id
        assert any("Werkplek 2032–2035" in text for text in report.unlinked)
    refresh = _carried_over(second_database, restored)[0]
    assert refresh[0] is None
    # The carried-over items keep where they came from and their title; only the copy is gone.
    assert [(title, source) for title, source, *_ in refresh[1]] == [
        (title, source) for title, source, *_ in _carried_over(demo, ids["programme"])[0][1]]
    assert {copy for _t, _s, copy, _same in refresh[1]} == {None}
