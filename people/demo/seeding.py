"""Seeding the demo: organisations, demo logins, up to millions of people and, for them, every
module: assessments and plans, the partner network and referrals, courses and participation.

The same `seed` always yields the same data (`random.Random(seed)` for the people, a second
stream from the same seed for the modules, dates relative to specs.REFERENCE_DATE). The
scenario cases come first, then generated households. Rows are written in batches, one
transaction per batch, with ids assigned up front (see bulk.py and rows.py), so a million
people take minutes on SQLite and PostgreSQL.

No audit events are written: seeding is neither a user's read nor a user's change of personal
data, and it runs before any user exists to be accountable for it. (The scenario cases are
written the same way, by the rules the services enforce, not through the services.)
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from accounts.models import Role
from people.models import Consent, Person

from .bulk import RowWriter
from .generator import Generator
from .modules import DemoModules
from .organisations import (
    DEMO_USERS,
    DemoLogin,
    demo_logins,
    demo_password,
    ensure_demo_users,
    ensure_organisations,
)
from .scenarios import scenario_households

DEFAULT_BATCH = 10_000


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


@dataclass
class SeedResult:
    created: int = 0
    skipped: bool = False
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    password: str = ""


def seed(
    persons: int,
    seed: int,
    *,
    if_empty: bool = False,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[Progress], None] | None = None,
    modules: bool = True,
) -> SeedResult:
    """Ensure the demo organisations and logins, then add `persons` people and (unless
    `modules` is False) their pathways, referrals and courses.

    With `if_empty`, people are added only when the registry holds nobody yet.
    """
    organisations = ensure_organisations()
    users = ensure_demo_users(organisations)
    result = SeedResult(logins=demo_logins(users), password=demo_password())
    if if_empty and Person.objects.exists():
        result.skipped = True
        return result
    if persons <= 0:
        return result
    caseworkers = {
        org_key: users[username].pk
        for username, (_, _, org_key, role) in DEMO_USERS.items()
        if role == Role.CASEWORKER
    }
    organisation_ids = {key: org.pk for key, org in organisations.items()}
    started = time.perf_counter()
    writer = RowWriter(connection, organisation_ids, caseworkers)
    extra = None
    if modules:
        consents = writer.tables[Consent]
        extra = DemoModules(connection, seed, persons, organisations, users, consents)
    created = seed_people(writer, persons, seed, batch_size, progress, started, extra)
    writer.finish()
    result.rows = writer.counts()
    if extra is not None:
        extra.finish()
        result.rows |= extra.counts()
    result.created = created
    result.seconds = time.perf_counter() - started
    return result


def seed_people(
    writer: RowWriter,
    persons: int,
    seed: int,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[Progress], None] | None = None,
    started: float | None = None,
    modules: DemoModules | None = None,
) -> int:
    """Write `persons` people (scenario cases first) through `writer`, and what `modules`
    draws for each household; returns how many people."""
    started = time.perf_counter() if started is None else started
    generator = Generator(random.Random(seed))
    done = 0
    with _bulk_session(writer.connection):
        for household in chain(scenario_households(), generator.households()):
            if done >= persons:
                break
            household.members = household.members[: persons - done]
            ids = writer.add(household)
            if modules is not None:
                modules.add(household, ids, writer.added_consents)
            done += len(household.members)
            if writer.pending_persons >= batch_size:
                _flush(writer, modules)
                if progress:
                    progress(Progress(done, persons, time.perf_counter() - started))
        _flush(writer, modules)
    if progress:
        progress(Progress(done, persons, time.perf_counter() - started))
    return done


def _flush(writer: RowWriter, modules: DemoModules | None) -> None:
    writer.flush()
    if modules is not None:
        modules.flush()


@contextmanager
def _bulk_session(db: BaseDatabaseWrapper) -> Iterator[None]:
    """A larger page cache on SQLite while writing; nothing to change on PostgreSQL."""
    if db.vendor != "sqlite":
        yield
        return
    with db.cursor() as cursor:
        cursor.execute("PRAGMA cache_size=-524288")  # 512 MiB
    try:
        yield
    finally:
        with db.cursor() as cursor:
            cursor.execute("PRAGMA cache_size=-65536")
