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

from .models import OrganisationType, Role, User


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
    # Participants of the course groups the user teaches, while their enrolment is active.
    COURSE = "course"


@dataclass(frozen=True)
class RoleRule:
    scope: Scope
    groups: frozenset[FieldGroup]
    may_edit: bool = False
    may_create: bool = False
    may_read_audit: bool = False
    receives_referrals: bool = False
    oversees_referrals: bool = False  # sees every referral; may override missing consent
    teaches: bool = False  # takes attendance and records exams in the groups they teach
    # Course groups the user runs: those of courses their organisation provides, or all of them
    # (the coordinator, who also plans capacity).
    course_management: Scope = Scope.NONE
    manages_network: bool = False  # keeps the service directory and partnership agreements
    # Statistics: dashboards and exports of indicators, always disclosure-protected unless the
    # role is explicitly allowed unprotected figures (each such view is audited).
    may_view_statistics: bool = False
    sees_unprotected_statistics: bool = False


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
        course_management=Scope.ALL,
        manages_network=True,
        may_view_statistics=True,
    ),
    Role.AUDITOR: RoleRule(Scope.ALL, frozenset({FieldGroup.IDENTITY}), may_read_audit=True),
    # The groups are an upper bound: each referral shares only some of them.
    Role.PARTNER_STAFF: RoleRule(
        Scope.REFERRAL,
        ALL_GROUPS - {FieldGroup.PATHWAY},
        receives_referrals=True,
        course_management=Scope.OWN_ORGANISATION,
    ),
    # A teacher sees the participants of the groups they teach, and only what teaching needs.
    Role.TEACHER: RoleRule(
        Scope.COURSE, frozenset({FieldGroup.IDENTITY, FieldGroup.CONTACT}), teaches=True
    ),
    # Analysts work with aggregates only: disclosure-protected statistics, no client records.
    Role.ANALYST: RoleRule(Scope.NONE, frozenset(), may_view_statistics=True),
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


def _enrolments_granting(user: User) -> QuerySet:
    """Active enrolments in the course groups the user teaches."""
    from courses.choices import EnrolmentStatus
    from courses.models import Enrolment

    return Enrolment.objects.filter(group__teacher_id=user.pk, status=EnrolmentStatus.ACTIVE)


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
    if rule.scope == Scope.COURSE:
        grants = _enrolments_granting(user).filter(person_id=OuterRef("pk"))
        return persons.filter(Exists(grants))
    return persons.none()


def visible_related(user: User, records: QuerySet, path: str) -> QuerySet:
    """Narrow records that belong to a person (reached by the lookup `path`, e.g.
    "plan__person") to those whose person the user may see. Same rules as visible_persons,
    written as joins so the database can walk an ordered index and stop early."""
    rule = rule_for(user)
    if rule.scope == Scope.ALL:
        return records
    if rule.scope == Scope.OWN_ORGANISATION and user.organisation_id:
        return records.filter(**{f"{path}__organisation_id": user.organisation_id})
    from people.models import Person

    return records.filter(**{f"{path}__in": visible_persons(user, Person.objects.all())})


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


def _course_access(user: User, person) -> Access:
    groups = sorted(
        set(
            _enrolments_granting(user)
            .filter(person_id=person.pk)
            .values_list("group_id", flat=True)
        )
    )
    allowed = rule_for(user).groups
    if not groups or not allowed:
        return DENIED
    return Access(allowed, ground=("course_group:" + ",".join(map(str, groups)))[:100])


def access(user: User, person) -> Access:
    """Field groups of `person` the user may read, or DENIED."""
    rule = rule_for(user)
    if rule.scope == Scope.REFERRAL:
        return _referral_access(user, person) if user.organisation_id else DENIED
    if rule.scope == Scope.COURSE:
        return _course_access(user, person)
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


def may_refer(user: User) -> bool:
    """Whether the user sends referrals for the clients they work with."""
    return rule_for(user).may_edit and user.organisation_id is not None


def manages_network(user: User) -> bool:
    return rule_for(user).manages_network


# Organisations that run courses: language schools, NGOs, municipalities, schools.
COURSE_PROVIDER_TYPES = frozenset(
    {
        OrganisationType.COURSE_PROVIDER,
        OrganisationType.NGO,
        OrganisationType.MUNICIPALITY,
        OrganisationType.SCHOOL,
    }
)


def may_teach(user: User) -> bool:
    return rule_for(user).teaches


def manages_courses(user: User) -> bool:
    """Coordinators, and the staff of organisations that provide courses."""
    management = rule_for(user).course_management
    if management == Scope.ALL:
        return True
    return (
        management == Scope.OWN_ORGANISATION
        and user.organisation_id is not None
        and user.organisation.type in COURSE_PROVIDER_TYPES
    )


def courses_managed(user: User, courses: QuerySet) -> QuerySet:
    """Narrow a Course queryset to the courses the user runs."""
    if not manages_courses(user):
        return courses.none()
    if rule_for(user).course_management == Scope.ALL:
        return courses
    return courses.filter(provider_id=user.organisation_id)


def manages_courses_of(user: User, organisation_id: int | None) -> bool:
    """Whether the user runs the courses this organisation provides."""
    if not manages_courses(user):
        return False
    if rule_for(user).course_management == Scope.ALL:
        return True
    return organisation_id is not None and organisation_id == user.organisation_id


def plans_course_capacity(user: User) -> bool:
    """Whether the user watches seats against demand across all providers."""
    return rule_for(user).course_management == Scope.ALL


def may_enrol(user: User) -> bool:
    """Whether the user enrols the clients they work with in courses."""
    return rule_for(user).may_edit and user.organisation_id is not None


def roles_receiving_referrals() -> list[str]:
    return [role for role, rule in ROLE_RULES.items() if rule.receives_referrals]


def may_view_statistics(user: User) -> bool:
    """Whether the user sees indicator dashboards and exports (disclosure-protected)."""
    return rule_for(user).may_view_statistics


def sees_unprotected_statistics(user: User) -> bool:
    """Whether the user may see figures before disclosure control (audited on every view)."""
    rule = rule_for(user)
    return rule.may_view_statistics and rule.sees_unprotected_statistics


# Plan goals in these areas reveal health or psychosocial needs: they are read with the
# vulnerabilities group, not merely the pathway group.
SENSITIVE_PLAN_AREAS = frozenset({"health"})


def hidden_plan_areas(grant: Access) -> frozenset[str]:
    """Plan areas one user may not read for one person."""
    return frozenset() if grant.allows(FieldGroup.VULNERABILITIES) else SENSITIVE_PLAN_AREAS


def hidden_plan_areas_in_lists(user: User) -> frozenset[str]:
    """Plan areas to leave out of lists spanning many people (e.g. the worklist)."""
    readable = FieldGroup.VULNERABILITIES in rule_for(user).groups
    return frozenset() if readable else SENSITIVE_PLAN_AREAS
