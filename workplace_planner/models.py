"""Every model, imported in one place so that Alembic and the app see the whole schema."""

from workplace_planner.audit import AuditEntry  # noqa: F401
from workplace_planner.auth.models import (  # noqa: F401
    Membership,
    Organisation,
    OrganisationKind,
    Participant,
    Role,
    User,
)
from workplace_planner.auth.throttle import ThrottleCounter  # noqa: F401
from workplace_planner.programmes.models import (  # noqa: F401
    Programme,
    Status,
    StepProgress,
    programme_participants,
)
from workplace_planner.steps.adopt.models import (  # noqa: F401
    AdoptionMeasurement,
    AdoptionTarget,
)
from workplace_planner.steps.design.models import (  # noqa: F401
    ArchitectureDomain,
    Procurement,
    WorkplaceProfile,
)
from workplace_planner.steps.evaluate.models import (  # noqa: F401
    CarriedOverItem,
    CycleRefresh,
    LessonLearned,
    RealisedBenefit,
)
from workplace_planner.steps.implement.models import (  # noqa: F401
    BudgetActual,
    CommunicationItem,
    MigrationWave,
    WaveUsers,
)
from workplace_planner.steps.operate.models import (  # noqa: F401
    RegieTask,
    RunRole,
    ServiceContract,
    ServiceLevel,
    ServiceLevelMeasurement,
)
from workplace_planner.steps.prepare.models import (  # noqa: F401
    Champion,
    PilotCriterion,
    PilotGroup,
)
from workplace_planner.steps.strategy.continuity.models import BiaEntry  # noqa: F401
from workplace_planner.steps.strategy.direction.models import (  # noqa: F401
    Kpi,
    KpiMeasurement,
    MunicipalActivity,
    ParticipantVision,
    Pillar,
    SuccessFactor,
    Vision,
)
from workplace_planner.steps.strategy.employee.models import (  # noqa: F401
    AdoptionMeasure,
    DeviceKit,
    Interview,
    LicenceBundle,
    Persona,
    PersonaHeadcount,
)
from workplace_planner.steps.strategy.organisation.models import (  # noqa: F401
    Assumption,
    BusinessCase,
    CaseLine,
    CaseVersion,
    CloudResource,
    Comment,
    QualitativeBenefit,
    Scenario,
)
from workplace_planner.steps.strategy.risks.models import (  # noqa: F401
    Risk,
    RiskAcceptance,
    RiskMatrix,
    RiskMeasure,
)
from workplace_planner.steps.strategy.technology.models import (  # noqa: F401
    Ambition,
    FollowUp,
    GovernanceDecision,
    Milestone,
    Principle,
    RoadmapItem,
    System,
    Workshop,
)
