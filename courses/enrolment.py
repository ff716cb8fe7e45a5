"""Enrolment in course groups: seats, the waiting list and moving up when a seat frees.

Seats are counted on the group (`seats_taken`) and only ever changed by a conditional UPDATE
(`... WHERE seats_taken < capacity`): the database decides who gets the last seat, on SQLite
(where select_for_update does nothing) as on PostgreSQL, and a CHECK constraint backs it up.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.policy import FieldGroup
from audit.models import Action
from partners.notifications import notify
from pathways.choices import MeasureStatus, MeasureType
from pathways.models import Measure, Plan
from pathways.plans import link_fulfilment, record_fulfilment_outcome
from pathways.programme_registry import profile as programme_profile
from people.models import Person

from . import access
from .choices import CURRENT_STATES, EnrolmentStatus, GroupStatus
from .models import CourseGroup, Enrolment
from .waiting import ordered

FULFILMENT_KIND = "course_enrolment"


def priority_of(group: CourseGroup) -> tuple[str, ...]:
    profile = programme_profile(group.programme_id) if group.programme_id else None
    return profile.waiting_list_priority if profile else ()


def waiting_list(group: CourseGroup) -> QuerySet:
    """The group's waiting list, first in line first."""
    waiting = Enrolment.objects.filter(group=group, status=EnrolmentStatus.WAITING)
    return ordered(waiting.select_related("person"), priority_of(group))


def _take_seat(group: CourseGroup) -> bool:
    taken = CourseGroup.objects.filter(
        pk=group.pk, status=GroupStatus.OPEN, seats_taken__lt=F("capacity")
    ).update(seats_taken=F("seats_taken") + 1)
    return taken == 1


def _release_seat(group: CourseGroup) -> None:
    CourseGroup.objects.filter(pk=group.pk, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )


def _plan_for(person: Person, group: CourseGroup, measure: Measure | None) -> Plan | None:
    if measure is not None:
        plan = measure.goal.version.plan
        if plan.person_id != person.pk:
            raise ValidationError({"measure": _("This measure belongs to another client's plan.")})
        if plan.closed_on:
            raise ValidationError({"measure": _("This plan is closed.")})
        if measure.type != MeasureType.COURSE:
            raise ValidationError(
                {"measure": _("Only a course measure is carried out by a course.")}
            )
        if measure.fulfilled_by_id is not None:
            raise ValidationError(
                {"measure": _("This measure is already carried out by another enrolment.")}
            )
        return plan
    # A direct enrolment still counts for the client's open plan under the group's programme.
    plans = Plan.objects.filter(person=person, closed_on__isnull=True)
    return plans.filter(programme_id=group.programme_id).order_by("-start_date").first()


def enrol(user, group: CourseGroup, person: Person, measure: Measure | None = None) -> Enrolment:
    """Give the person a seat, or a place on the waiting list when the group is full."""
    grant = access.require_editor(user, person)  # a refusal is audited, outside the transaction
    return _enrol(user, grant.ground, group, person, measure)


@transaction.atomic
def _enrol(user, ground: str, group: CourseGroup, person: Person, measure: Measure | None):
    if group.status != GroupStatus.OPEN:
        raise ValidationError(_("This group is not open for enrolment."))
    plan = _plan_for(person, group, measure)
    current = Enrolment.objects.filter(group=group, person=person, status__in=CURRENT_STATES)
    if current.exists():
        raise ValidationError(_("This client is already enrolled or waiting in this group."))
    seated = _take_seat(group)
    now = timezone.now()
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                group=group,
                person=person,
                plan=plan,
                measure_key=measure.key if measure else None,
                status=EnrolmentStatus.ACTIVE if seated else EnrolmentStatus.WAITING,
                mandatory=bool(plan and plan.mandatory),
                requested_at=now,
                enrolled_at=now if seated else None,
                enrolled_by=user,
            )
    except IntegrityError:
        if seated:
            _release_seat(group)
        raise ValidationError(
            _("This client is already enrolled or waiting in this group.")
        ) from None
    if measure is not None:
        link_fulfilment(measure, FULFILMENT_KIND, enrolment.pk)
    detail = f"enrolment:{enrolment.pk}:{enrolment.status}"
    access.audit(user, person.pk, Action.CREATE, [FieldGroup.PATHWAY], detail, ground)
    return enrolment


def _notify_moved_up(enrolment: Enrolment) -> None:
    person = enrolment.person
    recipients = [u for u in (person.caseworker, enrolment.enrolled_by) if u is not None]
    text = _("Client no. %(person)d moved up from the waiting list into %(group)s.") % {
        "person": person.pk,
        "group": enrolment.group,
    }
    notify(list({u.pk: u for u in recipients}.values()), text[:300], f"/people/{person.pk}/")


def fill_free_seats(group: CourseGroup) -> list[Enrolment]:
    """Move the first in line into each free seat; their caseworkers are told."""
    promoted: list[Enrolment] = []
    while (candidate := waiting_list(group).first()) is not None:
        if not _take_seat(group):
            break
        moved = Enrolment.objects.filter(pk=candidate.pk, status=EnrolmentStatus.WAITING).update(
            status=EnrolmentStatus.ACTIVE, enrolled_at=timezone.now(), version=F("version") + 1
        )
        if not moved:  # somebody else moved or withdrew them meanwhile
            _release_seat(group)
            continue
        candidate.status = EnrolmentStatus.ACTIVE
        _notify_moved_up(candidate)
        promoted.append(candidate)
    return promoted


def withdraw(user, enrolment: Enrolment, reason: str) -> list[Enrolment]:
    """End an enrolment or waiting-list place; a freed seat goes to the next in line."""
    group = enrolment.group
    if access.manages(user, group.course):
        ground = f"course_provider:{group.course.provider_id}"
    else:
        ground = access.require_editor(user, enrolment.person).ground
    return _withdraw(user, ground, enrolment, reason)


@transaction.atomic
def _withdraw(user, ground: str, enrolment: Enrolment, reason: str) -> list[Enrolment]:
    group = enrolment.group
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason the client leaves the course.")})
    was_active = enrolment.status == EnrolmentStatus.ACTIVE
    ended = Enrolment.objects.filter(pk=enrolment.pk, status__in=CURRENT_STATES).update(
        status=EnrolmentStatus.WITHDRAWN,
        ended_on=timezone.localdate(),
        end_reason=reason[:300],
        version=F("version") + 1,
    )
    if not ended:
        raise ValidationError(_("This enrolment has already ended."))
    enrolment.status = EnrolmentStatus.WITHDRAWN
    record_fulfilment_outcome(FULFILMENT_KIND, enrolment.pk, MeasureStatus.NOT_DONE, reason)
    access.audit(
        user,
        enrolment.person_id,
        Action.UPDATE,
        [FieldGroup.PATHWAY],
        f"enrolment:{enrolment.pk}:withdrawn",
        ground,
    )
    if not was_active:
        return []
    _release_seat(group)
    return fill_free_seats(group)
