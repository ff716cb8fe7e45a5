"""Who may run, teach and enrol in a course group: the one access policy, applied to courses."""

from django.core.exceptions import PermissionDenied

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record

from .models import Course, CourseGroup


def manages(user, course: Course) -> bool:
    return policy.manages_courses_of(user, course.provider_id)


def teaches(user, group: CourseGroup) -> bool:
    return policy.may_teach(user) and group.teacher_id == user.pk


def require_manager(user, course: Course) -> None:
    if not manages(user, course):
        raise PermissionDenied


def require_teacher(user, group: CourseGroup) -> None:
    if not teaches(user, group):
        raise PermissionDenied


def uses_courses(user) -> bool:
    """Teachers, course providers, caseworkers who enrol and the coordinator."""
    return (
        policy.may_teach(user)
        or policy.manages_courses(user)
        or policy.may_enrol(user)
        or policy.plans_course_capacity(user)
    )


def may_see_group(user, group: CourseGroup) -> bool:
    """Groups carry no personal data themselves; participants are filtered person by person."""
    return (
        teaches(user, group)
        or manages(user, group.course)
        or policy.may_enrol(user)
        or policy.plans_course_capacity(user)
    )


def require_editor(user, person) -> policy.Access:
    """The caller works with this client (enrols, withdraws); refused and audited otherwise."""
    grant = policy.access(user, person)
    if not grant.may_edit:
        record(user, [Entry(person.pk, Action.DENIED, [FieldGroup.PATHWAY], "", "course")])
        raise PermissionDenied
    return grant


def audit(user, person_id: int, action: str, groups, detail: str, ground: str = "") -> None:
    record(user, [Entry(person_id, action, groups, ground, detail)])
