"""The attendance register: marks per session, attendance rates, absences that trigger the
programme's sanction rules."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record

from . import access, sanctions
from .choices import EnrolmentStatus, Mark
from .models import Attendance, Enrolment, Session


@dataclass(frozen=True)
class Rate:
    present: int
    excused: int
    unexcused: int

    @property
    def recorded(self) -> int:
        return self.present + self.excused + self.unexcused

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.recorded) if self.recorded else None


def rates(enrolment_ids) -> dict[int, Rate]:
    """Attendance per enrolment, counted by the database."""
    rows = (
        Attendance.objects.filter(enrolment_id__in=list(enrolment_ids))
        .values("enrolment_id")
        .annotate(
            present=Count("id", filter=Q(mark=Mark.PRESENT)),
            excused=Count("id", filter=Q(mark=Mark.EXCUSED)),
            unexcused=Count("id", filter=Q(mark=Mark.UNEXCUSED)),
        )
    )
    found = {r["enrolment_id"]: Rate(r["present"], r["excused"], r["unexcused"]) for r in rows}
    return {pk: found.get(pk, Rate(0, 0, 0)) for pk in enrolment_ids}


def unexcused_in_plan(enrolment: Enrolment) -> int:
    """Unexcused absences across every course taken under the enrolment's plan."""
    if enrolment.plan_id is None:
        return Attendance.objects.filter(enrolment=enrolment, mark=Mark.UNEXCUSED).count()
    return Attendance.objects.filter(
        enrolment__plan_id=enrolment.plan_id, mark=Mark.UNEXCUSED
    ).count()


@transaction.atomic
def record_register(user, session: Session, marks: dict[int, str]) -> list[Attendance]:
    """Save the teacher's marks for one session: {enrolment id: mark}."""
    group = session.group
    access.require_teacher(user, group)
    if any(mark not in Mark.values for mark in marks.values()):
        raise ValidationError(_("Choose present, excused or absent without excuse."))
    enrolments = {
        e.pk: e
        for e in Enrolment.objects.select_related("person", "plan__person").filter(
            group=group, status=EnrolmentStatus.ACTIVE, pk__in=list(marks)
        )
    }
    if set(marks) - set(enrolments):
        raise ValidationError(_("Some of these participants are not in this group."))
    previous = dict(
        Attendance.objects.filter(session=session, enrolment_id__in=list(marks)).values_list(
            "enrolment_id", "mark"
        )
    )
    saved, entries = [], []
    for pk, mark in marks.items():
        row, _created = Attendance.objects.update_or_create(
            session=session, enrolment_id=pk, defaults={"mark": mark, "recorded_by": user}
        )
        saved.append(row)
        if previous.get(pk) != mark:
            grant = policy.access(user, enrolments[pk].person)
            detail = f"attendance:{session.pk}:{mark}"
            entries.append(
                Entry(
                    enrolments[pk].person_id,
                    Action.UPDATE,
                    [FieldGroup.IDENTITY],
                    grant.ground,
                    detail,
                )
            )
    record(user, entries)
    for pk, mark in marks.items():
        if mark == Mark.UNEXCUSED and previous.get(pk) != mark:
            enrolment = enrolments[pk]
            sanctions.apply_rules(
                user, enrolment, "unexcused_absences", unexcused_in_plan(enrolment)
            )
    return saved
