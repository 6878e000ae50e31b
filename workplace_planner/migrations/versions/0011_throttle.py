"""Log-in throttling counters in the database, shared by every worker

Revision ID: 0011_throttle
Revises: 0010_audit_labels
Create Date: 2026-11-23 16:50:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011_throttle"
down_revision = "0010_audit_labels"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "throttle_counters",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_throttle_counters")),
    )


def downgrade():
    op.drop_table("throttle_counters")
