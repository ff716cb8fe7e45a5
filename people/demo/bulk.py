"""Writing demo households as raw rows with primary keys assigned up front.

Ids continue after the current maximum of each table, so child rows never need a read-back.
PostgreSQL receives the rows with COPY, other databases with a parameterised `executemany`; both
go through Django's connection and the caller's transaction. Dates are ISO strings, timestamps
are adapted once by the backend's own `adapt_datetimefield_value`.
"""

import json
from datetime import datetime
from functools import lru_cache

from django.core.management.color import no_style
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from people.models import (
    Citizenship,
    Consent,
    Education,
    Household,
    HouseholdMember,
    IdentityDocument,
    LegalStatus,
    NameKey,
    Person,
    PersonLanguage,
    Qualification,
    Vulnerability,
    WorkExperience,
)
from people.search import document_key, name_keys

from .specs import ISSUING_AUTHORITY, HouseholdSpec

# Every concrete field of each model, in row order; Table refuses a model that gained a field.
FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Person: (
        "id", "given_name", "family_name", "given_name_latin", "family_name_latin", "sex",
        "birth_date", "birth_date_precision", "country_of_birth", "host_language_level", "phone",
        "email", "address", "municipality", "organisation", "caseworker", "version",
        "created_at", "updated_at",
    ),
    Household: ("id", "reference", "organisation", "reunification_pending", "note", "version"),
    HouseholdMember: ("id", "household", "person", "relationship"),
    NameKey: ("id", "person", "key"),
    Citizenship: ("id", "person", "country"),
    PersonLanguage: ("id", "person", "language", "level", "is_native"),
    IdentityDocument: (
        "id", "person", "type", "number", "number_key", "issuing_country", "issued_on",
        "expires_on",
    ),
    LegalStatus: (
        "id", "person", "status_type", "permit_purpose", "valid_from", "valid_to",
        "issuing_authority",
    ),
    Education: ("id", "person", "isced_level", "field", "country", "completed_year"),
    Qualification: ("id", "person", "title", "country", "recognition"),
    WorkExperience: ("id", "person", "isco_code", "occupation", "country", "years"),
    Vulnerability: ("id", "person", "kind", "note", "recorded_on"),
    Consent: (
        "id", "person", "purpose", "recipient", "field_groups", "given_on", "withdrawn_on",
        "expires_on",
    ),
}  # fmt: skip


@lru_cache(maxsize=100_000)
def _keys_of_name(name: str) -> frozenset[str]:
    return frozenset(name_keys(name))


def person_name_keys(given: str, family: str, given_latin: str, family_latin: str) -> set[str]:
    """Same set as people.search.name_keys(given, family, given_latin, family_latin).

    name_keys is a union over the names it is given, so caching each name's keys gives the same
    result at a fraction of the cost when a million people share a few hundred names.
    """
    return set().union(*(_keys_of_name(n) for n in (given, family, given_latin, family_latin)))


class Table:
    """Pending rows of one model; `fields` (default FIELDS[model]) name every concrete field."""

    def __init__(
        self,
        connection: BaseDatabaseWrapper,
        model: type[models.Model],
        fields: tuple[str, ...] | None = None,
    ):
        meta = model._meta
        fields = fields or FIELDS[model]
        expected = {f.name for f in meta.concrete_fields}
        if set(fields) != expected:
            raise RuntimeError(f"demo seeding does not know every field of {meta.label}")
        qn = connection.ops.quote_name
        self.model = model
        self.name = meta.db_table
        columns = ", ".join(qn(meta.get_field(f).column) for f in fields)
        if connection.vendor == "postgresql":
            self.sql = f"COPY {qn(self.name)} ({columns}) FROM STDIN"
        else:
            marks = ", ".join(["%s"] * len(fields))
            self.sql = f"INSERT INTO {qn(self.name)} ({columns}) VALUES ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX({qn(meta.pk.column)}) FROM {qn(self.name)}")  # noqa: S608
            self.next_id = (cursor.fetchone()[0] or 0) + 1
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, *values) -> int:
        pk = self.next_id
        self.next_id += 1
        self.rows.append((pk, *values))
        return pk

    def reserve(self) -> int:
        """An id for a row whose values are known only later (see `put`)."""
        pk = self.next_id
        self.next_id += 1
        return pk

    def put(self, pk: int, *values) -> None:
        self.rows.append((pk, *values))

    def write(self, connection: BaseDatabaseWrapper) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.written += len(self.rows)
        self.rows = []


class RowWriter:
    """Turns HouseholdSpecs into rows; `flush` writes the pending rows in one transaction."""

    def __init__(
        self,
        connection: BaseDatabaseWrapper,
        organisation_ids: dict[str, int],
        caseworker_ids: dict[str, int],
    ):
        self.connection = connection
        self.organisation_ids = organisation_ids
        self.caseworker_ids = caseworker_ids
        self.tables = {model: Table(connection, model) for model in FIELDS}
        self.pending_persons = 0
        # The consents of the household last added: (person id, consent id, consent spec).
        self.added_consents: list[tuple[int, int, tuple]] = []
        self._timestamps: dict[str, object] = {}
        self._json: dict[tuple[str, ...], str] = {}

    def _timestamp(self, day: str):
        if day not in self._timestamps:
            moment = datetime.fromisoformat(f"{day}T09:00:00+00:00")
            self._timestamps[day] = self.connection.ops.adapt_datetimefield_value(moment)
        return self._timestamps[day]

    def add(self, household: HouseholdSpec) -> list[int]:
        t = self.tables
        centre = self.organisation_ids[household.centre]
        caseworker = self.caseworker_ids.get(household.centre)
        created = self._timestamp(household.registered)
        household_id = None
        if household.is_household:
            household_id = t[Household].next_id
            reference = f"HH-{household_id:08d}"
            t[Household].add(reference, centre, household.reunification_pending, household.note, 1)
        ids = []
        self.added_consents = []
        for p in household.members:
            pid = t[Person].add(
                p.given_name, p.family_name, p.given_name_latin, p.family_name_latin, p.sex,
                p.birth_date, p.birth_precision, p.country_of_birth, p.host_level, p.phone,
                p.email, household.address, household.municipality, centre, caseworker, 1,
                created, created,
            )  # fmt: skip
            ids.append(pid)
            if household_id is not None:
                t[HouseholdMember].add(household_id, pid, p.relationship or "other")
            keys = person_name_keys(
                p.given_name, p.family_name, p.given_name_latin, p.family_name_latin
            )
            for key in sorted(keys):
                t[NameKey].add(pid, key)
            for country in p.citizenships:
                t[Citizenship].add(pid, country)
            for row in p.languages:
                t[PersonLanguage].add(pid, *row)
            for kind, number, country, issued, expires in p.documents:
                t[IdentityDocument].add(
                    pid, kind, number, document_key(number), country, issued, expires
                )
            for row in p.statuses:
                t[LegalStatus].add(pid, *row, ISSUING_AUTHORITY)
            for row in p.education:
                t[Education].add(pid, *row)
            for row in p.qualifications:
                t[Qualification].add(pid, *row)
            for row in p.work:
                t[WorkExperience].add(pid, *row)
            for row in p.vulnerabilities:
                t[Vulnerability].add(pid, *row)
            for purpose, recipient, groups, given, withdrawn, expires in p.consents:
                if groups not in self._json:
                    self._json[groups] = json.dumps(list(groups))
                recipient_id = self.organisation_ids[recipient]
                consent_id = t[Consent].add(
                    pid, purpose, recipient_id, self._json[groups], given, withdrawn, expires
                )
                self.added_consents.append(
                    (pid, consent_id, (purpose, recipient_id, groups, given, withdrawn, expires))
                )
        self.pending_persons += len(household.members)
        return ids

    def flush(self) -> None:
        with transaction.atomic(using=self.connection.alias):
            for table in self.tables.values():
                table.write(self.connection)
        self.pending_persons = 0

    def finish(self) -> None:
        """Reset PostgreSQL sequences past the explicit ids and refresh planner statistics."""
        finish_tables(self.connection, list(self.tables.values()))

    def counts(self) -> dict[str, int]:
        """Rows written, by table."""
        return {table.name: table.written for table in self.tables.values()}


def finish_tables(connection: BaseDatabaseWrapper, tables: list[Table]) -> None:
    """After writing with explicit ids: reset PostgreSQL sequences past them and refresh the
    planner statistics (ANALYZE) of the tables written."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            models_ = [table.model for table in tables]
            for sql in connection.ops.sequence_reset_sql(no_style(), models_):
                cursor.execute(sql)
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.name)}")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
