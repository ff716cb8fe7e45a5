"""Writes to courses and course groups: create, change, open against the programme's quality
criteria, close; sessions. Enrolment, attendance and exams live in their own modules."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from accounts.models import User
from accounts.policy import FieldGroup
from audit.models import Action
from pathways.choices import MeasureStatus
from pathways.plans import record_fulfilment_outcome

from . import access, quality
from .choices import CourseKind, EnrolmentStatus, GroupStatus
from .enrolment import FULFILMENT_KIND, fill_free_seats
from .models import Course, CourseGroup, Enrolment, Session

GROUP_FIELDS = ("name", "teacher", "programme_id", "start_date", "end_date", "capacity")


class StaleGroupError(Exception):
    def __init__(self) -> None:
        super().__init__(_("Someone else changed this group. Reload it and try again."))


def create_course(user: User, data: dict) -> Course:
    course = Course(**data)
    if not access.manages(user, course):
        raise ValidationError({"provider": _("You may only add courses your organisation runs.")})
    course.full_clean()
    course.save()
    return course


def _check_dates(start: date, end: date) -> None:
    if end < start:
        raise ValidationError({"end_date": _("The group cannot end before it starts.")})


def _check_teacher(teacher: User | None, course: Course) -> None:
    if teacher is None:
        return
    if not policy.may_teach(teacher):
        raise ValidationError({"teacher": _("Choose a user with the teacher role.")})
    if teacher.organisation_id != course.provider_id:
        raise ValidationError({"teacher": _("Choose a teacher of the course's provider.")})


@transaction.atomic
def create_group(user: User, course: Course, data: dict) -> CourseGroup:
    access.require_manager(user, course)
    _check_dates(data["start_date"], data["end_date"])
    _check_teacher(data.get("teacher"), course)
    group = CourseGroup(course=course, **{k: v for k, v in data.items() if k in GROUP_FIELDS})
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def change_group(user: User, group: CourseGroup, data: dict, version: int) -> CourseGroup:
    """Change a group's details. An open group must still meet the criteria afterwards, and
    never has fewer seats than participants."""
    access.require_manager(user, group.course)
    if group.status == GroupStatus.CLOSED:
        raise ValidationError(_("This group is closed and can no longer be changed."))
    values = {k: v for k, v in data.items() if k in GROUP_FIELDS}
    for field, value in values.items():
        setattr(group, field, value)
    _check_dates(group.start_date, group.end_date)
    _check_teacher(group.teacher, group.course)
    group.full_clean(exclude=["course"], validate_constraints=False)
    if group.status == GroupStatus.OPEN and (reasons := quality.problems(group)):
        raise ValidationError(reasons)
    if "teacher" in values:
        values["teacher_id"] = values.pop("teacher").pk if values["teacher"] else None
    rows = CourseGroup.objects.filter(
        pk=group.pk, version=version, seats_taken__lte=group.capacity
    ).update(**values, version=F("version") + 1)
    if rows == 0:
        current = CourseGroup.objects.filter(pk=group.pk).values("version", "seats_taken").first()
        if current and current["version"] == version:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)d participants already hold a seat: the group cannot be smaller."
                    )
                    % {"taken": current["seats_taken"]}
                }
            )
        raise StaleGroupError
    group.version = version + 1
    if group.status == GroupStatus.OPEN:
        fill_free_seats(group)
    return group


@transaction.atomic
def open_group(user: User, group: CourseGroup, version: int) -> CourseGroup:
    """Open the group for enrolment if it meets every quality criterion of its programme."""
    access.require_manager(user, group.course)
    if group.status != GroupStatus.PLANNED:
        raise ValidationError(_("Only a planned group can be opened."))
    if reasons := quality.problems(group):
        raise ValidationError(reasons)
    rows = CourseGroup.objects.filter(
        pk=group.pk, version=version, status=GroupStatus.PLANNED
    ).update(status=GroupStatus.OPEN, version=F("version") + 1)
    if rows == 0:
        raise StaleGroupError
    group.status, group.version = GroupStatus.OPEN, version + 1
    return group


def _ends_with_exam(group: CourseGroup) -> bool:
    criteria = quality.criteria_for(group)
    host_language = group.course.course_type.kind == CourseKind.HOST_LANGUAGE
    return group.course.curriculum.final_exam or (criteria.exam_required and host_language)


@transaction.atomic
def close_group(user: User, group: CourseGroup, version: int) -> CourseGroup:
    """The course is over: participants complete it, the waiting list is let go."""
    access.require_manager(user, group.course)
    rows = CourseGroup.objects.filter(
        pk=group.pk, version=version, status__in=(GroupStatus.PLANNED, GroupStatus.OPEN)
    ).update(status=GroupStatus.CLOSED, version=F("version") + 1)
    if rows == 0:
        raise StaleGroupError
    group.status, group.version = GroupStatus.CLOSED, version + 1
    today = timezone.localdate()
    ground = f"course_provider:{group.course.provider_id}"
    participants = list(group.enrolments.filter(status=EnrolmentStatus.ACTIVE))
    waiting = list(group.enrolments.filter(status=EnrolmentStatus.WAITING))
    Enrolment.objects.filter(pk__in=[e.pk for e in participants]).update(
        status=EnrolmentStatus.COMPLETED, ended_on=today, version=F("version") + 1
    )
    Enrolment.objects.filter(pk__in=[e.pk for e in waiting]).update(
        status=EnrolmentStatus.WITHDRAWN,
        ended_on=today,
        end_reason=_("The group closed before a seat became free."),
        version=F("version") + 1,
    )
    reason = _("The group closed before a seat became free.")
    for enrolment in waiting:
        record_fulfilment_outcome(FULFILMENT_KIND, enrolment.pk, MeasureStatus.NOT_DONE, reason)
    if not _ends_with_exam(group):
        for enrolment in participants:
            record_fulfilment_outcome(FULFILMENT_KIND, enrolment.pk, MeasureStatus.DONE)
    for enrolment in participants + waiting:
        detail = f"enrolment:{enrolment.pk}:group-closed"
        access.audit(user, enrolment.person_id, Action.UPDATE, [FieldGroup.PATHWAY], detail, ground)
    return group


@transaction.atomic
def add_session(user: User, group: CourseGroup, data: dict) -> Session:
    access.require_manager(user, group.course)
    if group.status == GroupStatus.CLOSED:
        raise ValidationError(_("This group is closed and can no longer be changed."))
    day, start, end = data["date"], data["start_time"], data["end_time"]
    if not group.start_date <= day <= group.end_date:
        raise ValidationError(
            {
                "date": _("The session must fall between %(start)s and %(end)s.")
                % {"start": group.start_date, "end": group.end_date}
            }
        )
    if end <= start:
        raise ValidationError({"end_time": _("The session must end after it starts.")})
    hours = data.get("hours")
    if hours is None:
        minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"))
    session = Session(group=group, date=day, start_time=start, end_time=end, hours=hours)
    session.topic = data.get("topic", "")
    session.full_clean()
    session.save()
    return session
