"""Technology perspective of step 1: workshops, systems, ambition, roadmap, governance; and the
generic audit trail (audit_entries).

The link between roadmap items and personas (roadmap_item_personas) is created by
0003_personas, because the personas table only exists from there.

Revision ID: 0002_technology
Revises: 0001_foundation
Create Date: 2026-11-23 14:05:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002_technology"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('object_type', sa.String(length=60), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_audit_entries_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_entries_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_object_id'), ['object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_object_type'), ['object_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('technology_principles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_technology_principles_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_technology_principles_programme_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_technology_principles'))
    )
    with op.batch_alter_table('technology_principles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_technology_principles_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_technology_principles_programme_id'), ['programme_id'], unique=False)

    op.create_table('workshops',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('current_situation', 'ambition', 'roadmap', 'governance', 'security', 'other', name='workshopkind', native_enum=False, length=30), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('facilitator', sa.String(length=200), nullable=False),
    sa.Column('participant_roles', sa.Text(), nullable=False),
    sa.Column('outcomes', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('follow_ups', sa.Text(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_workshops_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_workshops_programme_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshops'))
    )
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshops_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshops_programme_id'), ['programme_id'], unique=False)

    op.create_table('governance_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.Enum('sourcing', 'vendor_management', 'way_of_working', 'ownership', 'other', name='topic', native_enum=False, length=30), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('choice_key', sa.String(length=40), nullable=True),
    sa.Column('choice', sa.Text(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('consequences', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_governance_decisions_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_governance_decisions_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_governance_decisions_workshop_id_workshops'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_governance_decisions'))
    )
    with op.batch_alter_table('governance_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_governance_decisions_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_governance_decisions_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_governance_decisions_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('roadmap_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('perspective', sa.String(length=20), nullable=False),
    sa.Column('start_quarter', sa.Integer(), nullable=True),
    sa.Column('end_quarter', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('idea', 'planned', 'in_progress', 'done', 'dropped', name='itemstatus', native_enum=False, length=30), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('customer_value', sa.Integer(), nullable=True),
    sa.Column('organisation_value', sa.Integer(), nullable=True),
    sa.Column('urgency', sa.Integer(), nullable=True),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_quarter IS NULL OR start_quarter IS NULL OR end_quarter >= start_quarter', name=op.f('ck_roadmap_items_ends_after_start')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_roadmap_items_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_roadmap_items_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_roadmap_items_workshop_id_workshops'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roadmap_items'))
    )
    with op.batch_alter_table('roadmap_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadmap_items_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadmap_items_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadmap_items_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('systems',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('domain', sa.Enum('identity', 'devices', 'collaboration', 'mail', 'files', 'telephony', 'business_applications', 'network', 'security', 'other', name='domain', native_enum=False, length=30), nullable=False),
    sa.Column('supplier', sa.String(length=200), nullable=False),
    sa.Column('hosting', sa.Enum('on_premise', 'private_cloud', 'public_cloud', 'saas', name='hosting', native_enum=False, length=30), nullable=False),
    sa.Column('end_of_support', sa.Date(), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('strengths', sa.Text(), nullable=False),
    sa.Column('pain_points', sa.Text(), nullable=False),
    sa.Column('target', sa.Enum('keep', 'replace', 'move_to_saas', 'move_to_public_cloud', 'retire', name='target', native_enum=False, length=30), nullable=True),
    sa.Column('replacement_hosting', sa.Enum('on_premise', 'private_cloud', 'public_cloud', 'saas', name='hosting', native_enum=False, length=30), nullable=True),
    sa.Column('target_note', sa.Text(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_systems_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_systems_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_systems_workshop_id_workshops'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_systems')),
    sa.UniqueConstraint('programme_id', 'name', name=op.f('uq_systems_programme_id'))
    )
    with op.batch_alter_table('systems', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_systems_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_systems_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_systems_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('technology_ambitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_technology_ambitions_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_technology_ambitions_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_technology_ambitions_workshop_id_workshops'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_technology_ambitions')),
    sa.UniqueConstraint('programme_id', name=op.f('uq_technology_ambitions_programme_id'))
    )
    with op.batch_alter_table('technology_ambitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_technology_ambitions_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_technology_ambitions_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_technology_ambitions_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('workshop_participants',
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_workshop_participants_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_workshop_participants_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('workshop_id', 'participant_id', name=op.f('pk_workshop_participants'))
    )
    op.create_table('governance_follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('open', 'done', 'dismissed', name='followupstatus', native_enum=False, length=30), nullable=False),
    sa.Column('rule_key', sa.String(length=60), nullable=True),
    sa.Column('cost_category', sa.String(length=40), nullable=True),
    sa.Column('fte', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('yearly_amount', sa.Numeric(precision=15, scale=2), nullable=True),
    sa.Column('one_off_amount', sa.Numeric(precision=15, scale=2), nullable=True),
    sa.Column('assumption', sa.Text(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['governance_decisions.id'], name=op.f('fk_governance_follow_ups_decision_id_governance_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_governance_follow_ups_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_governance_follow_ups_programme_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_governance_follow_ups')),
    sa.UniqueConstraint('decision_id', 'rule_key', name=op.f('uq_governance_follow_ups_decision_id'))
    )
    with op.batch_alter_table('governance_follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_governance_follow_ups_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_governance_follow_ups_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_governance_follow_ups_programme_id'), ['programme_id'], unique=False)

    op.create_table('roadmap_dependencies',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('depends_on_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('item_id <> depends_on_id', name=op.f('ck_roadmap_dependencies_not_on_itself')),
    sa.ForeignKeyConstraint(['depends_on_id'], ['roadmap_items.id'], name=op.f('fk_roadmap_dependencies_depends_on_id_roadmap_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['roadmap_items.id'], name=op.f('fk_roadmap_dependencies_item_id_roadmap_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'depends_on_id', name=op.f('pk_roadmap_dependencies'))
    )
    op.create_table('roadmap_item_participants',
    sa.Column('roadmap_item_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_roadmap_item_participants_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['roadmap_item_id'], ['roadmap_items.id'], name=op.f('fk_roadmap_item_participants_roadmap_item_id_roadmap_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('roadmap_item_id', 'participant_id', name=op.f('pk_roadmap_item_participants'))
    )
    op.create_table('roadmap_item_systems',
    sa.Column('roadmap_item_id', sa.Integer(), nullable=False),
    sa.Column('system_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['roadmap_item_id'], ['roadmap_items.id'], name=op.f('fk_roadmap_item_systems_roadmap_item_id_roadmap_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['system_id'], ['systems.id'], name=op.f('fk_roadmap_item_systems_system_id_systems'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('roadmap_item_id', 'system_id', name=op.f('pk_roadmap_item_systems'))
    )
    op.create_table('roadmap_milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('roadmap_item_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('reached', sa.Boolean(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_roadmap_milestones_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['roadmap_item_id'], ['roadmap_items.id'], name=op.f('fk_roadmap_milestones_roadmap_item_id_roadmap_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roadmap_milestones'))
    )
    with op.batch_alter_table('roadmap_milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadmap_milestones_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadmap_milestones_roadmap_item_id'), ['roadmap_item_id'], unique=False)

    op.create_table('system_participants',
    sa.Column('system_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_system_participants_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['system_id'], ['systems.id'], name=op.f('fk_system_participants_system_id_systems'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('system_id', 'participant_id', name=op.f('pk_system_participants'))
    )


def downgrade():
    op.drop_table('system_participants')
    with op.batch_alter_table('roadmap_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadmap_milestones_roadmap_item_id'))
        batch_op.drop_index(batch_op.f('ix_roadmap_milestones_organisation_id'))

    op.drop_table('roadmap_milestones')
    op.drop_table('roadmap_item_systems')
    op.drop_table('roadmap_item_participants')
    op.drop_table('roadmap_dependencies')
    with op.batch_alter_table('governance_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_governance_follow_ups_programme_id'))
        batch_op.drop_index(batch_op.f('ix_governance_follow_ups_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_governance_follow_ups_decision_id'))

    op.drop_table('governance_follow_ups')
    op.drop_table('workshop_participants')
    with op.batch_alter_table('technology_ambitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_technology_ambitions_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_technology_ambitions_programme_id'))
        batch_op.drop_index(batch_op.f('ix_technology_ambitions_organisation_id'))

    op.drop_table('technology_ambitions')
    with op.batch_alter_table('systems', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_systems_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_systems_programme_id'))
        batch_op.drop_index(batch_op.f('ix_systems_organisation_id'))

    op.drop_table('systems')
    with op.batch_alter_table('roadmap_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadmap_items_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_roadmap_items_programme_id'))
        batch_op.drop_index(batch_op.f('ix_roadmap_items_organisation_id'))

    op.drop_table('roadmap_items')
    with op.batch_alter_table('governance_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_governance_decisions_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_governance_decisions_programme_id'))
        batch_op.drop_index(batch_op.f('ix_governance_decisions_organisation_id'))

    op.drop_table('governance_decisions')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshops_programme_id'))
        batch_op.drop_index(batch_op.f('ix_workshops_organisation_id'))

    op.drop_table('workshops')
    with op.batch_alter_table('technology_principles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_technology_principles_programme_id'))
        batch_op.drop_index(batch_op.f('ix_technology_principles_organisation_id'))

    op.drop_table('technology_principles')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_object_type'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_object_id'))

    op.drop_table('audit_entries')
