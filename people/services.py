"""Writes to the registry. Each is checked by the access policy and audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record

from .models import Citizenship, NameKey, Person
from .search import name_keys

PERSON_FIELDS_BY_GROUP = {
    FieldGroup.IDENTITY: [
        "given_name",
        "family_name",
        "given_name_latin",
        "family_name_latin",
        "sex",
        "birth_date",
        "birth_date_precision",
        "country_of_birth",
    ],
    FieldGroup.CONTACT: ["phone", "email", "address", "municipality"],
    FieldGroup.EDUCATION_WORK: ["host_language_level"],
}
EDITABLE_FIELDS = [f for fields in PERSON_FIELDS_BY_GROUP.values() for f in fields]


class StaleEditError(Exception):
    """The record changed since the editor loaded it."""

    def __init__(self, current_version: int):
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else saved this record while you were editing it. Reload to see their "
                "changes, then make yours again."
            )
        )


def refresh_name_keys(person: Person) -> None:
    keys = name_keys(
        person.given_name, person.family_name, person.given_name_latin, person.family_name_latin
    )
    NameKey.objects.filter(person=person).exclude(key__in=keys).delete()
    existing = set(NameKey.objects.filter(person=person).values_list("key", flat=True))
    NameKey.objects.bulk_create([NameKey(person=person, key=k) for k in keys - existing])


def _set_citizenships(person: Person, countries: list[str]) -> None:
    Citizenship.objects.filter(person=person).exclude(country__in=countries).delete()
    existing = set(person.citizenships.values_list("country", flat=True))
    Citizenship.objects.bulk_create(
        [Citizenship(person=person, country=c) for c in countries if c not in existing]
    )


def _claim_version(person: Person, expected_version: int, **values) -> None:
    """Write `values` and bump the version only if nobody saved since `expected_version`.

    A conditional UPDATE works the same on SQLite (where select_for_update is a no-op) and
    PostgreSQL."""
    rows = Person.objects.filter(pk=person.pk, version=expected_version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if rows == 0:
        current = Person.objects.filter(pk=person.pk).values_list("version", flat=True).first()
        raise StaleEditError(current or 0)


def _groups_touched(changed: list[str]) -> set[FieldGroup]:
    return {g for g, fields in PERSON_FIELDS_BY_GROUP.items() if set(fields) & set(changed)}


@transaction.atomic
def create_person(user, data: dict, citizenships: list[str] = ()) -> Person:
    if not policy.may_create_person(user):
        raise PermissionDenied
    person = Person(organisation_id=user.organisation_id, caseworker=user)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(person, field, data[field])
    person.full_clean()
    person.save()
    refresh_name_keys(person)
    _set_citizenships(person, list(citizenships))
    grant = policy.access(user, person)
    record(user, [Entry(person.pk, Action.CREATE, _groups_touched(list(data)), grant.ground)])
    return person


@transaction.atomic
def update_person(
    user, person: Person, data: dict, expected_version: int, citizenships: list[str] | None = None
) -> Person:
    """Apply `data` only if nobody saved since `expected_version`; raise StaleEditError if not."""
    grant = policy.access(user, person)
    changed = [f for f in EDITABLE_FIELDS if f in data]
    touched = _groups_touched(changed) | ({FieldGroup.IDENTITY} if citizenships else set())
    if not grant.may_edit or not touched <= grant.groups:
        raise PermissionDenied
    _claim_version(person, expected_version, **{f: data[f] for f in changed})
    person.refresh_from_db()
    refresh_name_keys(person)
    if citizenships is not None:
        _set_citizenships(person, citizenships)
    record(user, [Entry(person.pk, Action.UPDATE, touched, grant.ground, ",".join(changed))])
    return person


@transaction.atomic
def add_record(user, person: Person, kind_name: str, instance, expected_version: int):
    """Attach a sub-record (document, status, ...) to `person`, bumping the person's version so
    a concurrent edit of the same person is detected."""
    from .records import KINDS

    kind = KINDS[kind_name]
    grant = policy.access(user, person)
    if not grant.may_edit or kind.group not in grant.groups:
        raise PermissionDenied
    _claim_version(person, expected_version)
    instance.person = person
    instance.save()
    record(user, [Entry(person.pk, Action.UPDATE, [kind.group], grant.ground, f"add:{kind_name}")])
    return instance


@transaction.atomic
def withdraw_consent(user, consent, on) -> None:
    grant = policy.access(user, consent.person)
    if not grant.may_edit:
        raise PermissionDenied
    consent.withdrawn_on = on
    consent.save(update_fields=["withdrawn_on"])
    record(
        user,
        [
            Entry(
                consent.person_id,
                Action.UPDATE,
                [FieldGroup.IDENTITY],
                grant.ground,
                f"withdraw-consent:{consent.pk}",
            )
        ],
    )
