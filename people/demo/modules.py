"""The rest of the demo beside the registry: partner network, course catalogue and, for the
people being seeded, assessments, plans, referrals and course participation.

`DemoModules.add` is called with each household just written by bulk.RowWriter, so the rows
are drawn from the household's records in memory and written in the same batches, with ids
assigned up front. A separate random stream (from the same seed) keeps the people exactly as
they were without these modules. The scenario households are written by scenario_cases.

Like the people, these rows leave no audit events: they are not a user's read or change.
"""

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from accounts.models import Organisation, Role, User
from courses.models import CourseGroup
from pathways.programmes import shipped_profiles
from people.models import Person

from . import population, scenario_cases
from .bulk import Table
from .context import ConsentRec, DemoPerson, DemoUsers, day_of
from .courses_catalogue import ensure_catalogue, ensure_teachers
from .courses_demo import Courses
from .partners_demo import Referrals
from .partners_network import ensure_network
from .pathways_demo import Pathways
from .rows import Tables, Values
from .specs import HouseholdSpec, iso

PERSON, GROUP = Person._meta.db_table, CourseGroup._meta.db_table
# One more teacher in a region for every so many people seeded there: about four groups each.
PEOPLE_PER_TEACHER = 5_000
REGION_SHARE = {"Chișinău": 0.6, "Bălți": 0.25, "Cahul": 0.15}  # as catalogue.CENTRES


class DemoModules:
    def __init__(
        self,
        connection: BaseDatabaseWrapper,
        seed: int,
        persons: int,
        organisations: dict[str, Organisation],
        users: dict[str, User],
        consents: Table,
    ):
        self.connection = connection
        self.rng = random.Random(f"integra-demo-modules:{seed}")
        self.tables, self.values = Tables(connection), Values(connection)
        self.consents = consents
        self.organisations = {key: org.pk for key, org in organisations.items()}
        self.centre_keys = {org.pk: key for key, org in organisations.items()}
        self.profiles = shipped_profiles()  # not only those the deployment runs
        self.network = ensure_network(organisations)
        catalogue = ensure_catalogue(organisations["courses"])
        per_region = {
            region: max(2, math.ceil(persons * share / PEOPLE_PER_TEACHER))
            for region, share in REGION_SHARE.items()
        }
        teachers = ensure_teachers(users["teacher"], per_region)
        self.users = DemoUsers(
            caseworkers={
                u.organisation_id: u.pk for u in users.values() if u.role == Role.CASEWORKER
            },
            coordinator=users["coordinator"].pk,
            partner_staff={
                u.organisation_id: u.pk for u in users.values() if u.role == Role.PARTNER_STAFF
            },
            teacher=users["teacher"].pk,
        )
        # Months between intakes: fewer, fuller groups in a small registry.
        period = 1 if persons >= 200_000 else (2 if persons >= 20_000 else 6)
        t, v, rng = self.tables, self.values, self.rng
        self.pathways = Pathways(t, v, rng, self.profiles)
        self.referrals = Referrals(t, v, rng, self.users)
        self.courses = Courses(
            t, v, rng, catalogue, teachers, users["teacher"].pk, period, self.profiles
        )

    def add(self, household: HouseholdSpec, ids: list[int], consents: list[tuple]) -> None:
        centre = self.organisations[household.centre]
        given: dict[int, list[ConsentRec]] = {}
        for pid, consent_id, (purpose, recipient, groups, on, withdrawn, expires) in consents:
            given.setdefault(pid, []).append(
                ConsentRec(
                    consent_id,
                    recipient,
                    purpose,
                    frozenset(groups),
                    day_of(on),
                    day_of(withdrawn),
                    day_of(expires),
                )  # fmt: skip
            )
        persons = [
            DemoPerson(
                pid,
                spec,
                household,
                centre,
                household.centre,
                self.users.caseworkers.get(centre),
                given.get(pid, []),
            )  # fmt: skip
            for pid, spec in zip(ids, household.members, strict=True)
        ]
        if household.scenario:
            with self.fixed_stream(household.scenario):
                scenario_cases.add(self, household.scenario, persons)
        else:
            population.add(self, persons)

    @contextmanager
    def fixed_stream(self, case: int) -> Iterator[None]:
        """Draw a scenario case's details from its own stream: the same whatever the seed."""
        parts = (self.pathways, self.referrals, self.courses)
        try:
            for part in parts:
                part.rng = random.Random(f"integra-demo-scenario:{case}")
            yield
        finally:
            for part in parts:
                part.rng = self.rng

    def consent(self, person: DemoPerson, recipient: int, purpose: str, groups, on: int):
        """The client consents (e.g. while agreeing the plan); a row of people's consents."""
        groups = tuple(sorted(groups))
        expires = on + 2 * 365
        consent_id = self.consents.add(
            person.pid, purpose, recipient, self.values.json(groups), iso(on), None, iso(expires)
        )
        record = ConsentRec(consent_id, recipient, purpose, frozenset(groups), on, None, expires)
        person.consents.append(record)
        return record

    def flush(self) -> None:
        """Write the pending rows, and the host-language levels raised by passed exams."""
        with transaction.atomic(using=self.connection.alias):
            self.tables.write()
            raised = self.courses.levels_reached
            if raised:
                with self.connection.cursor() as cursor:
                    cursor.executemany(
                        f"UPDATE {PERSON} SET host_language_level = %s, "  # noqa: S608
                        "version = version + 1 WHERE id = %s",
                        [(level, pid) for pid, level in sorted(raised.items())],
                    )
                raised.clear()

    def finish(self) -> None:
        """Seats taken in every group made, then sequences and statistics."""
        rows = [
            (state.seats, state.id)
            for groups in self.courses.groups.values()
            for state in groups
            if state.seats
        ]
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {GROUP} SET seats_taken = %s WHERE id = %s",  # noqa: S608
                rows,
            )
        self.tables.finish()

    def counts(self) -> dict[str, int]:
        return self.tables.counts()
