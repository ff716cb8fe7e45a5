"""Writes to households: a family unit for reunification and settlement."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record

from .choices import Relationship
from .models import Household, HouseholdMember, Person


def _require_family_edit(user, person: Person) -> policy.Access:
    grant = policy.access(user, person)
    if not grant.may_edit or FieldGroup.FAMILY not in grant.groups:
        raise PermissionDenied
    return grant


@transaction.atomic
def start_household(user, head: Person) -> Household:
    grant = _require_family_edit(user, head)
    household = Household.objects.create(
        reference=f"HH-{head.organisation_id}-{head.pk}", organisation_id=head.organisation_id
    )
    HouseholdMember.objects.create(household=household, person=head, relationship=Relationship.HEAD)
    record(user, [Entry(head.pk, Action.UPDATE, [FieldGroup.FAMILY], grant.ground, "household")])
    return household


@transaction.atomic
def add_member(
    user, household: Household, person: Person, relationship: str, expected_version: int
) -> HouseholdMember:
    grant = _require_family_edit(user, person)
    if not policy.may_edit_household(user, household):
        raise PermissionDenied
    if household.members.filter(person=person).exists():
        raise ValidationError({"person": _("This person is already a member of the household.")})
    rows = Household.objects.filter(pk=household.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if rows == 0:
        raise ValidationError(
            _("Someone else changed this household while you were editing it. Reload it.")
        )
    member = HouseholdMember.objects.create(
        household=household, person=person, relationship=relationship
    )
    record(
        user,
        [
            Entry(
                person.pk,
                Action.UPDATE,
                [FieldGroup.FAMILY],
                grant.ground,
                f"household:{household.pk}",
            )
        ],
    )
    return member
