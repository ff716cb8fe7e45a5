"""The programme's quality criteria for course groups: group size, qualified teachers, hours,
objective testing. A group that breaks one cannot be opened; the reasons say which and why."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from pathways.programme_registry import profile as programme_profile
from pathways.programmes.schema import CourseQuality

from .choices import CourseKind
from .models import CourseGroup, TeacherQualification


@dataclass(frozen=True)
class Criteria:
    """What a group under one programme must meet; None where the programme sets nothing."""

    max_group_size: int | None = None
    qualifications: tuple[str, ...] = ()
    min_hours: int = 0
    exam_required: bool = False


def criteria_for(group: CourseGroup) -> Criteria:
    profile = programme_profile(group.programme_id) if group.programme_id else None
    quality: CourseQuality | None = profile.course_quality if profile else None
    if quality is None:
        return Criteria()
    min_hours = quality.min_hours
    module = profile.module(group.course.module_code) if group.course.module_code else None
    if module is not None:
        min_hours = max(min_hours, module.min_hours)
    return Criteria(
        max_group_size=quality.max_group_size,
        qualifications=quality.required_teacher_qualifications,
        min_hours=min_hours,
        exam_required=quality.exam_required,
    )


def missing_qualifications(group: CourseGroup, codes: tuple[str, ...]) -> list[str]:
    """Codes the group's teacher does not hold valid from the group's first to its last day."""
    if not codes or group.teacher_id is None:
        return list(codes)
    held = TeacherQualification.objects.filter(teacher_id=group.teacher_id, code__in=codes)
    valid = {q.code for q in held if q.valid_over(group.start_date, group.end_date)}
    return [code for code in codes if code not in valid]


def capacity_problem(group: CourseGroup, capacity: int, criteria: Criteria) -> str | None:
    if criteria.max_group_size is not None and capacity > criteria.max_group_size:
        return _(
            "The group has %(capacity)d seats; the programme allows at most %(max)d per group."
        ) % {"capacity": capacity, "max": criteria.max_group_size}
    return None


def problems(group: CourseGroup) -> list[str]:
    """Every reason the group may not open (empty: it may)."""
    criteria = criteria_for(group)
    found: list[str] = []
    if group.teacher_id is None:
        found.append(_("The group has no teacher yet."))
    if group.capacity < 1:
        found.append(_("The group needs at least one seat."))
    if too_big := capacity_problem(group, group.capacity, criteria):
        found.append(too_big)
    missing = missing_qualifications(group, criteria.qualifications)
    if missing and group.teacher_id is not None:
        found.append(
            _(
                "The teacher does not hold a qualification the programme requires, valid from "
                "%(start)s to %(end)s: %(codes)s."
            )
            % {"start": group.start_date, "end": group.end_date, "codes": ", ".join(missing)}
        )
    hours = group.course.curriculum.total_hours()
    if hours < criteria.min_hours:
        found.append(
            _("The curriculum has %(hours)d hours; the programme requires at least %(min)d.")
            % {"hours": hours, "min": criteria.min_hours}
        )
    host_language = group.course.course_type.kind == CourseKind.HOST_LANGUAGE
    if criteria.exam_required and host_language and not group.course.curriculum.final_exam:
        found.append(_("The programme requires an objective final exam; the curriculum has none."))
    return found
