"""Pathway reads and writes ask the one access policy, then leave an audit row."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

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


def require_visible(user, person, groups=(FieldGroup.PATHWAY,)) -> policy.Access:
    """As `require` for a read, but a person the user may not see at all is "not found", so a
    record's existence is not revealed (as for the person record itself)."""
    if not policy.access(user, person).groups:
        record(user, [Entry(person.pk, Action.DENIED, groups, "", "pathway")])
        raise Http404
    return require(user, person, groups)


def audit(user, person, grant: policy.Access, action: str, detail: str, groups=None) -> None:
    groups = groups or [FieldGroup.PATHWAY]
    record(user, [Entry(person.pk, action, groups, grant.ground, detail)])
