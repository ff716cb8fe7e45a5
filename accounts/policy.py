"""The one access policy: who may see which person, and which field groups of that person.

Every view, API endpoint, search, list, count and export asks this module. Rules are a table of
data (ROLE_RULES) read by a handful of functions; nothing else in the code base filters persons
by role. Deny by default: a role without a rule sees nobody.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
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
    # Clients with an active referral to the user's organisation, only the groups the referral
    # shares, only while the client's consent (or a recorded override) stands.
    REFERRAL = "referral"


@dataclass(frozen=True)
class RoleRule:
    scope: Scope
    groups: frozenset[FieldGroup]
    may_edit: bool = False
    may_create: bool = False
    may_read_audit: bool = False
    receives_referrals: bool = False
    oversees_referrals: bool = False  # sees every referral; may override missing consent


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
        oversees_referrals=True,
    ),
    Role.AUDITOR: RoleRule(Scope.ALL, frozenset({FieldGroup.IDENTITY}), may_read_audit=True),
    # The groups are an upper bound: each referral shares only some of them.
    Role.PARTNER_STAFF: RoleRule(
        Scope.REFERRAL, ALL_GROUPS - {FieldGroup.PATHWAY}, receives_referrals=True
    ),
    # Analysts work with aggregates only; teachers gain access through course groups;
    # administrators manage accounts, not clients.
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


def _referrals_granting(user: User, group: FieldGroup | None = None) -> QuerySet:
    """Active referrals to the user's organisation whose consent (or override) stands today."""
    from partners.choices import ACTIVE_STATES
    from partners.models import Referral

    today = timezone.localdate()
    consent_stands = (
        Q(consent__given_on__lte=today)
        & (Q(consent__withdrawn_on__isnull=True) | Q(consent__withdrawn_on__gt=today))
        & (Q(consent__expires_on__isnull=True) | Q(consent__expires_on__gte=today))
    )
    referrals = Referral.objects.filter(
        Q(override_by__isnull=False) | consent_stands,
        receiver_id=user.organisation_id,
        status__in=ACTIVE_STATES,
    )
    if group is not None:
        referrals = referrals.filter(shared_groups__contains=f",{group},")
    return referrals


def visible_persons(user: User, persons: QuerySet, group: FieldGroup | None = None) -> QuerySet:
    """Narrow any Person queryset to those the user may see at all (or, given `group`, whose
    `group` the user may read)."""
    rule = rule_for(user)
    if group is not None and group not in rule.groups:
        return persons.none()
    if rule.scope == Scope.ALL:
        return persons
    if rule.scope == Scope.OWN_ORGANISATION and user.organisation_id:
        return persons.filter(organisation_id=user.organisation_id)
    if rule.scope == Scope.REFERRAL and user.organisation_id:
        grants = _referrals_granting(user, group).filter(person_id=OuterRef("pk"))
        return persons.filter(Exists(grants))
    return persons.none()


def persons_with_group(user: User, persons: QuerySet, group: FieldGroup) -> QuerySet:
    """Narrow a Person queryset to those whose `group` the user may read (lists of pathway,
    health ... records)."""
    return visible_persons(user, persons, group)


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


def _referral_access(user: User, person) -> Access:
    referrals = list(
        _referrals_granting(user).filter(person_id=person.pk).values_list("pk", "shared_groups")
    )
    if not referrals:
        return DENIED
    groups = {g for _pk, shared in referrals for g in shared.split(",") if g}
    allowed = frozenset(FieldGroup(g) for g in groups) & rule_for(user).groups
    ground = "referral:" + ",".join(str(pk) for pk, _shared in sorted(referrals))
    return Access(allowed, ground=ground[:100]) if allowed else DENIED


def access(user: User, person) -> Access:
    """Field groups of `person` the user may read, or DENIED."""
    rule = rule_for(user)
    if rule.scope == Scope.REFERRAL:
        return _referral_access(user, person) if user.organisation_id else DENIED
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


def may_plan(user: User) -> bool:
    """Whether the user works with integration pathways at all (worklist, programme rules)."""
    return FieldGroup.PATHWAY in rule_for(user).groups


def receives_referrals(user: User) -> bool:
    return rule_for(user).receives_referrals and user.organisation_id is not None


def oversees_referrals(user: User) -> bool:
    return rule_for(user).oversees_referrals


def roles_receiving_referrals() -> list[str]:
    return [role for role, rule in ROLE_RULES.items() if rule.receives_referrals]
