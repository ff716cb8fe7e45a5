"""Pathway reads and writes ask the one access policy, then leave an audit row."""

from django.core.exceptions import PermissionDenied

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record


def require(user, person, groups=(FieldGroup.PATHWAY,), edit: bool = False) -> policy.Access:
    grant = policy.access(user, person)
    if not set(groups) <= grant.groups or (edit and not grant.may_edit):
        record(user, [Entry(person.pk, Action.DENIED, groups, "", "pathway")])
        raise PermissionDenied
    return grant


def audit(user, person, grant: policy.Access, action: str, detail: str, groups=None) -> None:
    groups = groups or [FieldGroup.PATHWAY]
    record(user, [Entry(person.pk, action, groups, grant.ground, detail)])
