"""The BIA services on a small programme made by hand: the scenario and the roadmap effect
read the inventory exactly as stored (hosting now, target, retired), and refusals save nothing."""

from __future__ import annotations

import pytest

from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.continuity import services
from workplace_planner.steps.strategy.continuity.choices import ScenarioKind, Situation
from workplace_planner.steps.strategy.technology import services as technology
from workplace_planner.steps.strategy.technology.choices import Domain, Hosting, Target


@pytest.fixture
def small(demo, ids):
    """A fresh programme: four systems, three processes, one roadmap item."""
    from workplace_planner.auth.models import Organisation
    from workplace_planner.programmes import services as programmes

    with demo.test_request_context():
        organisation = db.session.get(Organisation, ids["shared"])
        programme = programmes.create_programme(organisation, "Kleine BIA", 2027, 3, "", [])
        db.session.flush()
        apps = Domain.BUSINESS_APPLICATIONS

        def system(name, domain, hosting, target=None, replacement=None, supplier=""):
            return technology.create_system(
                programme, name=name, domain=domain, hosting=hosting, target=target,
                replacement_hosting=replacement, supplier=supplier)

        made = {
            "mail": system("Mail", Domain.MAIL, Hosting.ON_PREMISE, Target.MOVE_TO_SAAS),
            "brp": system("BRP", apps, Hosting.PRIVATE_CLOUD, Target.KEEP),
            "forms": system("E-formulieren", apps, Hosting.SAAS, Target.RETIRE,
                            supplier="Formwijs"),
            "idp": system("Identiteit", Domain.IDENTITY, Hosting.ON_PREMISE, Target.REPLACE,
                          Hosting.SAAS),
        }
        db.session.flush()

        def process(name, systems, **fields):
            return services.create_entry(
                programme, {"system_ids": [made[s].id for s in systems]}, name=name,
                owner="Team", **fields)

        process("Balie", ["brp", "idp"], mtd_hours=24, rto_hours=8, has_fallback=True)
        process("Webformulieren", ["forms"], mtd_hours=72, rto_hours=24)
        process("Post", ["mail"], mtd_hours=8, rto_hours=4)
        technology.create_item(programme, {"system_ids": [made["mail"].id, made["forms"].id]},
                               title="Mail naar de cloud")
        db.session.commit()
        yield programme.id


def _names(result) -> list[str]:
    return [o.process.name for o in result.outcomes]


def test_scenarios_on_a_hand_made_programme(demo, small):
    from workplace_planner.programmes.models import Programme

    with demo.test_request_context():
        programme = db.session.get(Programme, small)

        def run(kind, situation, system_id=None, outage=None):
            return services.run_scenario(programme, kind, situation, system_id, outage)

        now = run(ScenarioKind.INTERNET, Situation.NOW)
        assert [s.name for s in now.affected] == ["E-formulieren"]
        assert _names(now) == ["Webformulieren"]
        assert [o.process.name for o in now.without_fallback] == ["Webformulieren"]
        # After the roadmap: mail and identity are SaaS; the e-forms are retired.
        after = run(ScenarioKind.INTERNET, Situation.TARGET, outage=12)
        assert _names(after) == ["Post", "Balie"]
        assert [o.exceeds_mtd for o in after.outcomes] == [True, False]
        assert _names(run(ScenarioKind.IDENTITY, Situation.NOW)) == ["Balie"]
        assert _names(run(ScenarioKind.PUBLIC_CLOUD, Situation.NOW)) == []
        forms_id = next(s.id for s in now.affected)
        assert _names(run(ScenarioKind.SAAS_SUPPLIER, Situation.NOW, forms_id)) == [
            "Webformulieren"]


def test_the_roadmap_effect_on_a_hand_made_programme(demo, small):
    from workplace_planner.programmes.models import Programme

    with demo.test_request_context():
        programme = db.session.get(Programme, small)
        [effect] = services.roadmap_effect(programme, recovery_hours=8)
        assert effect.title == "Mail naar de cloud"
        # Post gains an internet dependency through the mail; RTO 4 hours, no fallback.
        assert [(e.process.name, [s.name for s in e.gained], e.flagged)
                for e in effect.effects] == [("Post", ["Mail"], True)]
        assert services.roadmap_effect(programme, recovery_hours=4)[0].flagged == []


def test_the_roadmap_effect_page_counts_every_item(demo, small):
    """A page of one item out of three that change a process; the totals count all three,
    the filter keeps the ones that flag a process, and a page past the end is the last."""
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.technology.models import System

    with demo.test_request_context():
        programme = db.session.get(Programme, small)
        systems = {s.name: s.id for s in db.session.scalars(
            db.select(System).where(System.programme_id == small))}
        technology.create_item(programme, {"system_ids": [systems["Identiteit"]]},
                               title="Identiteit naar de cloud")
        technology.create_item(programme, {"system_ids": [systems["BRP"]]},
                               title="BRP blijft")  # changes nothing: not counted
        technology.create_item(programme, {"system_ids": [systems["Mail"]]},
                               title="Mail nogmaals", start_quarter=2027 * 4)
        db.session.flush()

        result = services.roadmap_effect_page(programme, 8, page=1, page_size=1)
        assert (result.changing, result.flagging, result.flagged_processes) == (3, 2, 1)
        assert result.page.total == 3 and result.page.pages == 3
        assert [e.title for e in result.page.items] == ["Mail nogmaals"]  # a quarter: first
        last = services.roadmap_effect_page(programme, 8, page=99, page_size=1)
        assert last.page.number == 3
        assert [e.title for e in last.page.items] == ["Mail naar de cloud"]
        flagged = services.roadmap_effect_page(programme, 8, only_flagged=True)
        assert [e.title for e in flagged.page.items] == ["Mail nogmaals", "Mail naar de cloud"]
        assert flagged.changing == 3  # the totals still count everything
        # Balie has a fallback: the identity move flags nothing, but Balie is listed.
        everything = services.roadmap_effect_page(programme, 8)
        identity = next(e for e in everything.page.items if e.title.startswith("Identiteit"))
        assert [pe.process.name for pe in identity.effects] == ["Balie"]
        assert identity.flagged == []
        db.session.rollback()


def test_rto_beyond_mtd_is_a_domain_error_on_the_rto_field(demo, small):
    from workplace_planner.programmes.models import Programme

    with demo.test_request_context():
        programme = db.session.get(Programme, small)
        with pytest.raises(DomainError) as refused:
            services.create_entry(programme, {}, name="Te laat", mtd_hours=4, rto_hours=5)
        assert refused.value.field == "rto_hours"
        services.create_entry(programme, {}, name="Precies", mtd_hours=4, rto_hours=4)
