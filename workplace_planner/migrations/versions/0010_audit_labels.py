"""The change history keeps what an object was called, so it stays readable after a deletion

Revision ID: 0010_audit_labels
Revises: 0009_adopt_operate_evaluate
Create Date: 2026-11-23 16:30:24.489307

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010_audit_labels"
down_revision = "0009_adopt_operate_evaluate"
branch_labels = None
depends_on = None


def upgrade():
    # Entries written before this revision get an empty label; the log then shows the id.
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("object_label", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.alter_column("object_label", server_default=None)


def downgrade():
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_column("object_label")
