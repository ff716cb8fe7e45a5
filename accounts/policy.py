"""The one access policy: who may see which person, and which field groups of that person.

Every view, API endpoint, search, list, count and export asks this module. Rules are a table of
data (ROLE_RULES) read by a handful of functions; nothing else in the code base filters persons
by role. Deny by default: a role without a rule sees nobody.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Role, User


class FieldGroup(StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    LEGAL_STATUS = "legal_status"
    FAMILY = "family"
    EDUCATION_WORK = "education_work"
    VULNERABILITIES = "vulnerabilities"
    PATHWAY = "pathway"


FIELD_GROUP_LABELS = {
    FieldGroup.IDENTITY: _("Identity"),
    FieldGroup.CONTACT: _("Contact"),
    FieldGroup.LEGAL_STATUS: _("Legal status"),
    FieldGroup.FAMILY: _("Family"),
    FieldGroup.EDUCATION_WORK: _("Education and work"),
    FieldGroup.VULNERABILITIES: _("Vulnerabilities and health"),
    FieldGroup.PATHWAY: _("Integration pathway"),
}
ALL_GROUPS = frozenset(FieldGroup)


class Scope(StrEnum):
    NONE = "none"
    OWN_ORGANISATION = "own_organisation"
    ALL = "all"


@dataclass(frozen=True)
class RoleRule:
    scope: Scope
    groups: frozenset[FieldGroup]
    may_edit: bool = False
    may_create: bool = False
    may_read_audit: bool = False


ROLE_RULES: dict[str, RoleRule] = {
    Role.CASEWORKER: RoleRule(Scope.OWN_ORGANISATION, ALL_GROUPS, may_edit=True, may_create=True),
    Role.COORDINATOR: RoleRule(
        Scope.ALL,
        frozenset(
            {
                FieldGroup.IDENTITY,
                FieldGroup.LEGAL_STATUS,
                FieldGroup.FAMILY,
                FieldGroup.EDUCATION_WORK,
                FieldGroup.PATHWAY,
            }
        ),
    ),
    Role.AUDITOR: RoleRule(Scope.ALL, frozenset({FieldGroup.IDENTITY}), may_read_audit=True),
    # Analysts work with aggregates only; partner staff gain access through referrals;
    # teachers through course groups; administrators manage accounts, not clients.
}
NO_ACCESS = RoleRule(Scope.NONE, frozenset())


@dataclass(frozen=True)
class Access:
    """What one user may do with one person, and the ground that allows it (for the audit)."""

    groups: frozenset[FieldGroup]
    ground: str
    may_edit: bool = False

    def allows(self, group: FieldGroup) -> bool:
        return group in self.groups


DENIED = Access(frozenset(), "")


def rule_for(user: User) -> RoleRule:
    if not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    return ROLE_RULES.get(user.role, NO_ACCESS)


def visible_persons(user: User, persons: QuerySet) -> QuerySet:
    """Narrow any Person queryset to those the user may see at all."""
    rule = rule_for(user)
    if rule.scope == Scope.ALL:
        return persons
    if rule.scope == Scope.OWN_ORGANISATION and user.organisation_id:
        return persons.filter(organisation_id=user.organisation_id)
    return persons.none()


def visible_households(user: User, households: QuerySet) -> QuerySet:
    """Households are family data: visible where the family group is, by the same scope."""
    rule = rule_for(user)
    if FieldGroup.FAMILY not in rule.groups:
        return households.none()
    if rule.scope == Scope.ALL:
        return households
    if rule.scope == Scope.OWN_ORGANISATION and user.organisation_id:
        return households.filter(organisation_id=user.organisation_id)
    return households.none()


def access(user: User, person) -> Access:
    """Field groups of `person` the user may read, or DENIED."""
    rule = rule_for(user)
    in_scope = rule.scope == Scope.ALL or (
        rule.scope == Scope.OWN_ORGANISATION
        and user.organisation_id is not None
        and person.organisation_id == user.organisation_id
    )
    if not in_scope or not rule.groups:
        return DENIED
    return Access(rule.groups, ground=f"role:{user.role}", may_edit=rule.may_edit)


def may_edit_household(user: User, household) -> bool:
    rule = rule_for(user)
    return (
        rule.may_edit
        and FieldGroup.FAMILY in rule.groups
        and rule.scope == Scope.OWN_ORGANISATION
        and household.organisation_id == user.organisation_id
    )


def may_create_person(user: User) -> bool:
    return rule_for(user).may_create and user.organisation_id is not None


def may_read_audit(user: User) -> bool:
    return rule_for(user).may_read_audit


def may_search(user: User) -> bool:
    return rule_for(user).scope != Scope.NONE
