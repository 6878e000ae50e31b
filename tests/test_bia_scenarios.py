"""The scenario and roadmap rules of the BIA as pure functions, on a small hand-made set."""

from __future__ import annotations

import pytest

from workplace_planner.steps.strategy.continuity.choices import ScenarioKind, Situation
from workplace_planner.steps.strategy.continuity.durations import parse_hours
from workplace_planner.steps.strategy.continuity.scenarios import (
    ProcessFacts,
    RoadmapRules,
    SystemFacts,
    affected_systems,
    movement,
    mtd_band,
    roadmap_effect,
    stopped_processes,
)
from workplace_planner.steps.strategy.technology.choices import Domain, Hosting

APPS = Domain.BUSINESS_APPLICATIONS
BRP = SystemFacts(1, "BRP", APPS, Hosting.PRIVATE_CLOUD)
MAIL = SystemFacts(2, "Exchange", Domain.MAIL, Hosting.ON_PREMISE, Hosting.SAAS,
                   supplier="Microsoft")
CASES = SystemFacts(3, "Zaaksysteem", APPS, Hosting.SAAS, Hosting.SAAS, supplier="Zaakwijs")
PARKING = SystemFacts(4, "Parkeren", APPS, Hosting.SAAS, supplier="Parkeerweb")
AD = SystemFacts(5, "Active Directory", Domain.IDENTITY, Hosting.ON_PREMISE, Hosting.SAAS)
BACKUP = SystemFacts(6, "Back-up", Domain.FILES, Hosting.PUBLIC_CLOUD, Hosting.ON_PREMISE)
CITRIX = SystemFacts(7, "Citrix", Domain.DEVICES, Hosting.PUBLIC_CLOUD, retired=True)
TEAMS = SystemFacts(8, "Teams", Domain.COLLABORATION, Hosting.SAAS, supplier="microsoft ")
SYSTEMS = (BRP, MAIL, CASES, PARKING, AD, BACKUP, CITRIX, TEAMS)


def _ids(kind, situation, system_id=None):
    return affected_systems(SYSTEMS, kind, situation, system_id)


def test_an_internet_outage_hits_public_cloud_and_saas_only():
    assert _ids(ScenarioKind.INTERNET, Situation.NOW) == {3, 4, 6, 7, 8}
    # After the roadmap: mail and identity moved to SaaS, back-up came home, Citrix retired;
    # a system without a target (Parkeren) stays where it is.
    assert _ids(ScenarioKind.INTERNET, Situation.TARGET) == {2, 3, 4, 5, 8}


def test_the_cloud_tenant_identity_and_single_system_scenarios():
    assert _ids(ScenarioKind.PUBLIC_CLOUD, Situation.NOW) == {6, 7}
    assert _ids(ScenarioKind.PUBLIC_CLOUD, Situation.TARGET) == set()
    assert _ids(ScenarioKind.IDENTITY, Situation.NOW) == {5}
    assert _ids(ScenarioKind.SYSTEM, Situation.NOW, 1) == {1}
    assert _ids(ScenarioKind.SYSTEM, Situation.TARGET, 7) == set()  # retired by then
    assert _ids(ScenarioKind.SYSTEM, Situation.NOW, 999) == set()


def test_a_saas_supplier_takes_down_all_its_saas_systems():
    # Teams and (after the roadmap) Exchange are both Microsoft SaaS.
    assert _ids(ScenarioKind.SAAS_SUPPLIER, Situation.NOW, 8) == {8}
    assert _ids(ScenarioKind.SAAS_SUPPLIER, Situation.TARGET, 8) == {2, 8}
    # Exchange is not SaaS today: picking it as a SaaS supplier affects nothing.
    assert _ids(ScenarioKind.SAAS_SUPPLIER, Situation.NOW, 2) == set()


PROCESSES = (
    ProcessFacts(10, "Balie", frozenset({1, 5}), mtd_hours=24, rto_hours=8, has_fallback=True),
    ProcessFacts(11, "KCC", frozenset({3, 2}), mtd_hours=4, rto_hours=4, has_fallback=False),
    ProcessFacts(12, "Parkeren", frozenset({4}), mtd_hours=72, rto_hours=24),
    ProcessFacts(13, "Griffie", frozenset({2}), mtd_hours=None, rto_hours=None),
    ProcessFacts(14, "GIS", frozenset(), mtd_hours=168),
)


def test_exactly_the_dependent_processes_stop_soonest_first():
    affected = _ids(ScenarioKind.INTERNET, Situation.NOW)
    outcomes = stopped_processes(PROCESSES, SYSTEMS, affected)
    assert [o.process.name for o in outcomes] == ["KCC", "Parkeren"]
    kcc = outcomes[0]
    assert [s.name for s in kcc.systems] == ["Zaaksysteem"]
    assert kcc.crosses_after == 4 and kcc.without_fallback and kcc.exceeds_mtd is False

    target = _ids(ScenarioKind.INTERNET, Situation.TARGET)
    after = stopped_processes(PROCESSES, SYSTEMS, target,
                              outage_hours=8)
    assert [o.process.name for o in after] == ["KCC", "Balie", "Parkeren", "Griffie"]
    exceeds = {o.process.name: o.exceeds_mtd for o in after}
    assert exceeds == {"Balie": False, "KCC": True, "Parkeren": False, "Griffie": None}


def test_movement_of_a_system_after_the_roadmap():
    assert movement(MAIL) == "gain"
    assert movement(BACKUP) == "loss"
    assert movement(CASES) is None  # SaaS stays SaaS
    assert movement(PARKING) is None  # no target decided
    assert movement(CITRIX) is None  # retired


def test_the_roadmap_effect_flags_processes_that_cannot_meet_their_rto():
    items = [(100, "Mail naar de cloud", [2]), (101, "Back-up terug", [6]),
             (102, "Niets met BIA", [1])]
    processes = PROCESSES + (
        ProcessFacts(15, "Archief", frozenset({6}), rto_hours=48),
        ProcessFacts(16, "Raad", frozenset({2}), rto_hours=24, has_fallback=False),
        ProcessFacts(17, "Post", frozenset({2}), rto_hours=2, has_fallback=True),
    )
    effects = roadmap_effect(items, SYSTEMS, processes, recovery_hours=8)
    assert [e.item_id for e in effects] == [100, 101]
    mail = {pe.process.name: pe for pe in effects[0].effects}
    assert set(mail) == {"KCC", "Griffie", "Raad", "Post"}
    assert [s.name for s in mail["KCC"].gained] == ["Exchange"]
    # No fallback and an RTO shorter than the recovery (KCC), or none at all (Griffie).
    assert {e.process.name for e in effects[0].flagged} == {"KCC", "Griffie"}
    back = effects[1].effects
    assert [(pe.process.name, [s.name for s in pe.lost], pe.flagged) for pe in back] == [
        ("Archief", ["Back-up"], False)]
    # A longer outside recovery flags the process whose RTO is a day.
    longer = roadmap_effect(items, SYSTEMS, processes, recovery_hours=48)
    assert {e.process.name for e in longer[0].flagged} == {"KCC", "Griffie", "Raad"}


def test_which_items_change_or_flag_is_known_from_their_systems_alone():
    """The page of the roadmap effect picks its items with ``changes``/``flags`` and counts
    the flagged processes over all items: the same answers as working out every effect."""
    items = [(100, "Mail naar de cloud", [2]), (101, "Back-up terug", [6]),
             (102, "Niets met BIA", [1]), (103, "Mail en back-up", [6, 2, 2]),
             (104, "Geen systemen", []), (105, "Onbekend systeem", [999])]
    processes = PROCESSES + (ProcessFacts(15, "Archief", frozenset({6}), rto_hours=48),)
    for recovery in (2, 8, 48):
        effects = roadmap_effect(items, SYSTEMS, processes, recovery_hours=recovery)
        rules = RoadmapRules(SYSTEMS, processes, recovery)
        assert [i for i, _t, sids in items if rules.changes(sids)] == [e.item_id for e in effects]
        assert [i for i, _t, sids in items if rules.flags(sids)] == [
            e.item_id for e in effects if e.flagged]
        for (item_id, title, sids), effect in zip(
                [i for i in items if rules.changes(i[2])], effects, strict=True):
            assert rules.effect(item_id, title, sids) == effect
            assert rules.flagged_processes(sids) == {pe.process.id for pe in effect.flagged}
    both = roadmap_effect(items, SYSTEMS, processes)[2]
    assert both.item_id == 103 and (both.gaining, both.losing) == (2, 1)
    assert [pe.process.name for pe in both.effects] == ["KCC", "Griffie", "Archief"]


def test_mtd_bands():
    bands = (4, 24, 72, 168)
    assert [mtd_band(h, bands) for h in (1, 4, 5, 24, 72, 168, 500, None)] == [
        0, 0, 1, 1, 2, 3, 4, None]


@pytest.mark.parametrize(("text", "hours"), [
    ("4", 4), ("4 uur", 4), ("4 hours", 4), ("4u", 4), ("1 dag", 24), ("3 dagen", 72),
    ("1,5 dag", 36), ("1.5 days", 36), ("1 week", 168), ("2 weken", 336), ("0", 0),
])
def test_durations_people_type(text, hours):
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["vier uur", "4 maanden", "0,5 uur", "-3", "99999 weken"])
def test_durations_that_are_refused(text, demo):
    with demo.test_request_context(), pytest.raises(ValueError):
        parse_hours(text)
