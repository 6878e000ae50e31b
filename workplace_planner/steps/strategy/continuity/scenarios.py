"""What fails when: pure functions on plain facts (no Flask, no database), so the rules are
tested on their own and shown to people exactly as the code applies them.

Rules (also in ``docs/bia.md``):

- A system *depends on the internet* when it runs in the public cloud or as SaaS. On-premise
  and private-cloud systems are reached over the organisation's own network.
- ``Situation.NOW`` looks at where a system runs today (``System.hosting``);
  ``Situation.TARGET`` at where it runs once the ambition is reached, i.e. after the roadmap
  (``System.target_hosting``): a system without a decided target stays where it is, a retired
  system is gone and is affected by nothing.
- Scenarios: *internet* affects every system that depends on the internet; *public cloud*
  every public-cloud system (one tenant); *SaaS supplier* the chosen SaaS system and every
  other SaaS system of the same supplier; *identity* every system of the identity domain,
  wherever it runs; *system* only the chosen system (if it still exists in that situation).
- A process *stops* when it depends on at least one affected system. It crosses its maximum
  tolerable downtime (MTD) when the outage lasts longer than the MTD; without an outage
  duration the outage is assumed to last exactly the MTD, so "crosses after" is the MTD.
- Roadmap effect: a linked system whose hosting moves from on-premise/private cloud to public
  cloud/SaaS gives every process that depends on it a new internet dependency (*gain*); a move
  the other way removes one (*loss*). A process that gains one is flagged when it has no
  fallback and its RTO is unknown or shorter than the assumed recovery time of an outside
  outage (the internet line or the cloud service): the municipality cannot then meet the RTO
  by its own effort.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workplace_planner.steps.strategy.continuity.choices import ScenarioKind, Situation
from workplace_planner.steps.strategy.technology.choices import Domain, Hosting

CLOUD = frozenset({Hosting.PUBLIC_CLOUD, Hosting.SAAS})
# The assumed time an outside outage (internet line, cloud service) takes to be resolved.
DEFAULT_RECOVERY_HOURS = 8


@dataclass(frozen=True)
class SystemFacts:
    id: int
    name: str
    domain: Domain
    hosting: Hosting
    target_hosting: Hosting | None = None  # None: no target decided, or retired
    retired: bool = False
    supplier: str = ""

    def hosting_in(self, situation: Situation) -> Hosting | None:
        """Where the system runs in the situation; None when it no longer exists."""
        if situation is Situation.NOW:
            return self.hosting
        if self.retired:
            return None
        return self.target_hosting or self.hosting

    def on_internet(self, situation: Situation) -> bool:
        return self.hosting_in(situation) in CLOUD


@dataclass(frozen=True)
class ProcessFacts:
    id: int
    name: str
    system_ids: frozenset[int]
    mtd_hours: int | None = None
    rto_hours: int | None = None
    has_fallback: bool = False


@dataclass(frozen=True)
class Outcome:
    """A process that stops in a scenario."""

    process: ProcessFacts
    systems: tuple[SystemFacts, ...]  # the affected systems it depends on
    crosses_after: int | None  # hours until the MTD is crossed (the MTD); None: unknown
    outage_hours: int | None
    exceeds_mtd: bool | None  # None: MTD unknown

    @property
    def without_fallback(self) -> bool:
        return not self.process.has_fallback


def affected_systems(systems: Iterable[SystemFacts], kind: ScenarioKind,
                     situation: Situation, system_id: int | None = None) -> frozenset[int]:
    """The ids of the systems that are down in the scenario."""
    systems = [s for s in systems if s.hosting_in(situation) is not None]
    chosen = next((s for s in systems if s.id == system_id), None)
    if kind is ScenarioKind.INTERNET:
        hit = [s for s in systems if s.on_internet(situation)]
    elif kind is ScenarioKind.PUBLIC_CLOUD:
        hit = [s for s in systems if s.hosting_in(situation) is Hosting.PUBLIC_CLOUD]
    elif kind is ScenarioKind.SAAS_SUPPLIER:
        if chosen is None or chosen.hosting_in(situation) is not Hosting.SAAS:
            hit = []
        else:
            supplier = chosen.supplier.strip().lower()
            hit = [s for s in systems if s.id == chosen.id or (
                supplier and s.supplier.strip().lower() == supplier
                and s.hosting_in(situation) is Hosting.SAAS)]
    elif kind is ScenarioKind.IDENTITY:
        hit = [s for s in systems if s.domain is Domain.IDENTITY]
    else:
        hit = [chosen] if chosen is not None else []
    return frozenset(s.id for s in hit)


def stopped_processes(processes: Iterable[ProcessFacts], systems: Iterable[SystemFacts],
                      affected: frozenset[int], outage_hours: int | None = None
                      ) -> list[Outcome]:
    """The processes that depend on an affected system, soonest MTD first (unknown last)."""
    by_id = {s.id: s for s in systems}
    outcomes = []
    for process in processes:
        hit = sorted(process.system_ids & affected)
        if not hit:
            continue
        mtd = process.mtd_hours
        exceeds = None if mtd is None else (outage_hours if outage_hours is not None
                                            else mtd) > mtd
        outcomes.append(Outcome(process, tuple(by_id[i] for i in hit if i in by_id), mtd,
                                outage_hours, exceeds))
    return sorted(outcomes, key=lambda o: (o.crosses_after is None, o.crosses_after or 0,
                                           o.process.name.lower()))


def movement(system: SystemFacts) -> str | None:
    """"gain" when the system moves onto the internet after the roadmap, "loss" when it moves
    off it, None when nothing changes (or it is retired or has no target)."""
    now, target = system.on_internet(Situation.NOW), system.hosting_in(Situation.TARGET)
    if target is None or system.target_hosting is None:
        return None
    if not now and target in CLOUD:
        return "gain"
    if now and target not in CLOUD:
        return "loss"
    return None


@dataclass(frozen=True)
class ProcessEffect:
    process: ProcessFacts
    gained: tuple[SystemFacts, ...]
    lost: tuple[SystemFacts, ...]
    flagged: bool  # gains an internet dependency it cannot recover from within its RTO


@dataclass(frozen=True)
class ItemEffect:
    item_id: int
    title: str
    effects: list[ProcessEffect] = field(default_factory=list)

    @property
    def flagged(self) -> list[ProcessEffect]:
        return [e for e in self.effects if e.flagged]

    @property
    def gaining(self) -> int:
        """How many processes become more dependent on the internet."""
        return sum(1 for e in self.effects if e.gained)

    @property
    def losing(self) -> int:
        return sum(1 for e in self.effects if e.lost)


def cannot_meet_rto(process: ProcessFacts, recovery_hours: int) -> bool:
    """Without a fallback, a process cannot meet an RTO shorter than the outside recovery."""
    if process.has_fallback:
        return False
    return process.rto_hours is None or process.rto_hours < recovery_hours


class RoadmapRules:
    """The roadmap-effect rules with the systems and processes indexed once, so that asking
    about one item costs only its own systems: which processes depend on each system that
    moves, and which of those moves flag a process. ``roadmap_effect`` for all items, and a
    page of items (``changes``/``flags`` to choose them, ``effect`` for the ones shown),
    give the same answers."""

    def __init__(self, systems: Iterable[SystemFacts], processes: Sequence[ProcessFacts],
                 recovery_hours: int = DEFAULT_RECOVERY_HOURS) -> None:
        self.systems = {s.id: s for s in systems}
        self.moving = {sid: m for sid, s in self.systems.items() if (m := movement(s))}
        self.order = {p.id: index for index, p in enumerate(processes)}
        self.dependents: dict[int, list[ProcessFacts]] = {}  # moving system -> processes
        for process in processes:
            for sid in process.system_ids:
                if sid in self.moving:
                    self.dependents.setdefault(sid, []).append(process)
        self.recovery_hours = recovery_hours
        # Moving onto the internet, with a dependent process that cannot meet its RTO.
        self.flagging: dict[int, list[ProcessFacts]] = {}
        for sid, dependents in self.dependents.items():
            found = [p for p in dependents if cannot_meet_rto(p, recovery_hours)]
            if found and self.moving[sid] == "gain":
                self.flagging[sid] = found

    def changes(self, system_ids: Iterable[int]) -> bool:
        """Whether an item with these systems changes any process's internet dependency."""
        return any(sid in self.dependents for sid in system_ids)

    def flags(self, system_ids: Iterable[int]) -> bool:
        """Whether an item with these systems flags at least one process."""
        return any(sid in self.flagging for sid in system_ids)

    def flagged_processes(self, system_ids: Iterable[int]) -> set[int]:
        return {p.id for sid in system_ids for p in self.flagging.get(sid, ())}

    def effect(self, item_id: int, title: str, system_ids: Iterable[int]) -> ItemEffect | None:
        """The processes that gain or lose an internet dependency through the item, in the
        order of the processes; None when it changes none."""
        moving = sorted({sid for sid in system_ids if sid in self.dependents})
        touched = {p.id: p for sid in moving for p in self.dependents[sid]}
        effects = []
        for process in sorted(touched.values(), key=lambda p: self.order[p.id]):
            hit = [sid for sid in moving if sid in process.system_ids]
            gained = tuple(self.systems[s] for s in hit if self.moving[s] == "gain")
            lost = tuple(self.systems[s] for s in hit if self.moving[s] == "loss")
            flagged = bool(gained) and cannot_meet_rto(process, self.recovery_hours)
            effects.append(ProcessEffect(process, gained, lost, flagged))
        return ItemEffect(item_id, title, effects) if effects else None


def roadmap_effect(items: Sequence[tuple[int, str, Sequence[int]]],
                   systems: Iterable[SystemFacts], processes: Sequence[ProcessFacts],
                   recovery_hours: int = DEFAULT_RECOVERY_HOURS) -> list[ItemEffect]:
    """Per roadmap item (id, title, linked system ids): which processes gain or lose an
    internet dependency through the systems it changes. Items that change none are left out."""
    rules = RoadmapRules(systems, processes, recovery_hours)
    return [effect for item in items if (effect := rules.effect(*item)) is not None]


def mtd_band(mtd_hours: int | None, bands: Sequence[int]) -> int | None:
    """The index of the first band whose upper bound holds the MTD; len(bands) beyond the
    last; None when unknown."""
    if mtd_hours is None:
        return None
    for index, bound in enumerate(bands):
        if mtd_hours <= bound:
            return index
    return len(bands)
