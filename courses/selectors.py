"""Reads for the course pages and API: groups, participants (only those the user may see,
each read audited), registers, a client's open course measures."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record
from people.models import Person

from . import access, quality
from .attendance import Rate, rates
from .choices import EnrolmentStatus, GroupStatus
from .enrolment import waiting_list
from .models import Attendance, Course, CourseGroup, Enrolment, ExamResult, Session


def catalogue(user, filters: dict) -> QuerySet:
    """Open groups (and the planned groups of courses the user runs), newest start last."""
    managed = policy.courses_managed(user, Course.objects.all()).values("pk")
    groups = CourseGroup.objects.select_related(
        "course__provider", "course__course_type", "teacher"
    ).filter(
        Q(status=GroupStatus.OPEN) | Q(status=GroupStatus.PLANNED, course__in=managed),
        course__active=True,
    )
    for name, lookup in (
        ("region", "course__region"),
        ("kind", "course__course_type__kind"),
        ("level", "course__target_level"),
        ("language", "course__language"),
    ):
        if filters.get(name):
            groups = groups.filter(**{lookup: filters[name]})
    return groups.order_by("start_date", "id")


def teaching(user) -> list[CourseGroup]:
    if not policy.may_teach(user):
        return []
    groups = CourseGroup.objects.filter(teacher=user).exclude(status=GroupStatus.CLOSED)
    return list(groups.select_related("course").order_by("start_date", "id")[:50])


def get_group(user, pk: int) -> CourseGroup:
    group = (
        CourseGroup.objects.select_related(
            "course__provider", "course__course_type", "course__curriculum", "teacher"
        )
        .filter(pk=pk)
        .first()
    )
    if group is None or not access.may_see_group(user, group):
        raise Http404
    return group


@dataclass(frozen=True)
class Participant:
    enrolment: Enrolment
    person: Person | None  # None: the user may not see who this is
    position: int | None = None  # on the waiting list
    rate: Rate | None = None
    may_withdraw: bool = False


def _visible_ids(user, person_ids) -> set[int]:
    persons = Person.objects.filter(pk__in=list(person_ids))
    visible = policy.visible_persons(user, persons, FieldGroup.IDENTITY)
    return set(visible.values_list("pk", flat=True))


def _audit_listed(user, persons: list[Person], detail: str) -> None:
    entries = [
        Entry(p.pk, Action.LIST, [FieldGroup.IDENTITY], policy.access(user, p).ground, detail)
        for p in persons
    ]
    record(user, entries)


def _may_withdraw(user, group: CourseGroup, person: Person | None) -> bool:
    if access.manages(user, group.course):
        return True
    return person is not None and policy.access(user, person).may_edit


@dataclass(frozen=True)
class GroupPage:
    group: CourseGroup
    sessions: list[Session]
    participants: list[Participant]
    waiting: list[Participant]
    problems: list[str]
    hours: int


def group_page(user, group: CourseGroup) -> GroupPage:
    active = list(
        group.enrolments.filter(status=EnrolmentStatus.ACTIVE)
        .select_related("person")
        .prefetch_related("exam_results__certificate")
        .order_by("person__family_name_latin", "person__given_name_latin", "id")
    )
    queue = list(waiting_list(group))
    visible = _visible_ids(user, [e.person_id for e in active + queue])
    attendance = rates([e.pk for e in active])

    def row(enrolment: Enrolment, position: int | None = None) -> Participant:
        person = enrolment.person if enrolment.person_id in visible else None
        return Participant(
            enrolment,
            person,
            position,
            attendance.get(enrolment.pk),
            _may_withdraw(user, group, person),
        )

    participants = [row(e) for e in active]
    waiting = [row(e, index) for index, e in enumerate(queue, start=1)]
    shown = [p.person for p in participants + waiting if p.person is not None]
    _audit_listed(user, shown, f"course_group:{group.pk}")
    problems = quality.problems(group) if group.status == GroupStatus.PLANNED else []
    return GroupPage(
        group,
        list(group.sessions.all()),
        participants,
        waiting,
        problems,
        group.course.curriculum.total_hours(),
    )


def get_session(user, pk: int) -> Session:
    session = Session.objects.select_related("group__course").filter(pk=pk).first()
    if session is None or not access.teaches(user, session.group):
        raise Http404
    return session


@dataclass(frozen=True)
class RegisterRow:
    enrolment: Enrolment
    person: Person
    mark: str


def register(user, session: Session) -> list[RegisterRow]:
    """The participants of the session's group with their marks so far; the read is audited."""
    access.require_teacher(user, session.group)
    enrolments = list(
        session.group.enrolments.filter(status=EnrolmentStatus.ACTIVE)
        .select_related("person")
        .order_by("person__family_name_latin", "person__given_name_latin", "id")
    )
    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "mark"))
    _audit_listed(user, [e.person for e in enrolments], f"register:{session.pk}")
    return [RegisterRow(e, e.person, marks.get(e.pk, "")) for e in enrolments]


def get_enrolment(user, pk: int) -> Enrolment:
    """An enrolment the user may act on (its teacher, its course's provider, or a user who may
    see the person); the person is audited when shown by the caller."""
    enrolment = (
        Enrolment.objects.select_related("group__course__course_type", "person", "plan")
        .filter(pk=pk)
        .first()
    )
    if enrolment is None:
        raise Http404
    group = enrolment.group
    if not (
        access.teaches(user, group)
        or access.manages(user, group.course)
        or policy.access(user, enrolment.person).groups
    ):
        raise Http404
    return enrolment


def visible_enrolments(user) -> QuerySet:
    """Enrolments of persons the user may see, in groups the user has to do with."""
    persons = policy.visible_persons(user, Person.objects.all(), FieldGroup.IDENTITY)
    enrolments = Enrolment.objects.filter(person__in=persons.values("pk"))
    if not (policy.may_enrol(user) or policy.plans_course_capacity(user)):
        managed = policy.courses_managed(user, Course.objects.all()).values("pk")
        enrolments = enrolments.filter(Q(group__teacher=user) | Q(group__course__in=managed))
    return enrolments.select_related("person", "group")


def visible_attendance(user) -> QuerySet:
    return Attendance.objects.filter(enrolment__in=visible_enrolments(user).values("pk"))


def visible_results(user) -> QuerySet:
    results = ExamResult.objects.filter(enrolment__in=visible_enrolments(user).values("pk"))
    return results.select_related("enrolment").prefetch_related("scores")
