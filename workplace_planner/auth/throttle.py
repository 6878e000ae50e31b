"""Log-in throttling counters in the application's own database.

Flask-Limiter keeps its counters in a ``limits`` storage. The in-memory one counts per process,
so with several workers (or hosts) an attacker would get the allowance once per worker. This
storage keeps the counters in a small table of the same database every worker already shares,
so the default needs no extra service. Select it with ``RATELIMIT_STORAGE_URI=database://``
(the default); ``memory://`` or ``redis://…`` work as before.

Each counter is written in its own short transaction, apart from the request's session: a
refused log-in rolls the request back, but its failed attempt must still count.
"""

from __future__ import annotations

import time

from limits.storage import Storage
from sqlalchemy import Float, Integer, String, case, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from workplace_planner.extensions import db


class ThrottleCounter(db.Model):
    __tablename__ = "throttle_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[float] = mapped_column(Float)  # seconds since the epoch


def _insert(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


class DatabaseStorage(Storage):
    """A fixed-window counter store on the app's database (``database://``)."""

    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    @staticmethod
    def _engine():
        return db.engine  # the request's app: the same database every worker uses

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        table = ThrottleCounter.__table__
        engine = self._engine()
        insert = _insert(engine.dialect.name)(table).values(
            key=key, count=amount, expires_at=now + expiry
        )
        expired = table.c.expires_at <= now
        upsert = insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((expired, amount), else_=table.c.count + amount),
                "expires_at": case((expired, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.count)
        with engine.begin() as connection:
            count = connection.execute(upsert).scalar_one()
            if count == amount:  # a new window: a good moment to forget old ones
                connection.execute(delete(table).where(table.c.expires_at < now - 86_400))
        return count

    def _row(self, key: str):
        table = ThrottleCounter.__table__
        with self._engine().connect() as connection:
            return connection.execute(
                select(table.c.count, table.c.expires_at).where(table.c.key == key)
            ).first()

    def get(self, key: str) -> int:
        row = self._row(key)
        return row.count if row is not None and row.expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row.expires_at if row is not None else time.time()

    def check(self) -> bool:
        try:
            with self._engine().connect() as connection:
                connection.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self._engine().begin() as connection:
            return connection.execute(delete(ThrottleCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        with self._engine().begin() as connection:
            connection.execute(
                delete(ThrottleCounter.__table__).where(ThrottleCounter.__table__.c.key == key)
            )
