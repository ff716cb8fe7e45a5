"""Exam results per skill, pass or fail by the programme's exam rule, and what follows: the
client's host-language level, the plan measure, a certificate or a sanction rule."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from pathways.choices import MeasureStatus
from pathways.plans import record_fulfilment_outcome
from pathways.programme_registry import profile as programme_profile
from people.models import Person

from . import access, sanctions
from .choices import CourseKind, EnrolmentStatus, Skill, cefr_rank
from .enrolment import FULFILMENT_KIND
from .models import Certificate, Enrolment, ExamResult, SkillScore

# Tries to raise the client's level before giving up on a record changing under us.
LEVEL_UPDATE_ATTEMPTS = 5


@dataclass(frozen=True)
class ExamRule:
    target: str
    skills: tuple[str, ...]  # required skills; empty: every skill tested counts


def rule_for(enrolment: Enrolment) -> ExamRule:
    """The programme's exam rule, or the course's own target level where the programme has none."""
    group = enrolment.group
    profile = programme_profile(group.programme_id) if group.programme_id else None
    target = (profile.exam.target_cefr if profile else None) or group.course.target_level
    if not target:
        raise ValidationError(
            _("Neither the programme nor the course sets a level to test against.")
        )
    return ExamRule(target, profile.exam.skills if profile else ())


def judge(rule: ExamRule, levels: dict[str, str]) -> tuple[str, bool]:
    """The level reached (the lowest over the skills that count) and whether it passes."""
    missing = [s for s in rule.skills if s not in levels]
    if missing:
        labels = ", ".join(str(Skill(s).label) for s in missing)
        raise ValidationError(
            _("The programme's exam also tests: %(skills)s.") % {"skills": labels}
        )
    counted = [levels[s] for s in (rule.skills or tuple(levels))]
    if not counted:
        raise ValidationError(_("Record the result of at least one skill."))
    reached = min(counted, key=cefr_rank)
    return reached, cefr_rank(reached) >= cefr_rank(rule.target)


def _raise_level(person_id: int, level: str) -> bool:
    """Raise the client's host-language level (never lower it), detecting concurrent edits."""
    for _attempt in range(LEVEL_UPDATE_ATTEMPTS):
        current = Person.objects.filter(pk=person_id).values("version", "host_language_level")
        row = current.first()
        if row is None or cefr_rank(row["host_language_level"]) >= cefr_rank(level):
            return False
        updated = Person.objects.filter(pk=person_id, version=row["version"]).update(
            host_language_level=level, version=F("version") + 1, updated_at=timezone.now()
        )
        if updated:
            return True
    raise ValidationError(_("The client's record keeps changing; record the result again."))


@transaction.atomic
def record_result(
    user, enrolment: Enrolment, taken_on: date, scores: dict[str, tuple[int, str]]
) -> ExamResult:
    """Record one exam: {skill: (score 0–100, CEFR level reached)}."""
    group = enrolment.group
    access.require_teacher(user, group)
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise ValidationError(_("Only a participant of the group can take its exam."))
    if taken_on > timezone.localdate():
        raise ValidationError({"taken_on": _("The exam date cannot be in the future.")})
    if any(not 0 <= score <= 100 for score, _level in scores.values()):
        raise ValidationError(_("A score is between 0 and 100."))
    rule = rule_for(enrolment)
    reached, passed = judge(rule, {skill: level for skill, (_s, level) in scores.items()})
    result = ExamResult.objects.create(
        enrolment=enrolment,
        taken_on=taken_on,
        target_level=rule.target,
        level_reached=reached,
        passed=passed,
        recorded_by=user,
    )
    SkillScore.objects.bulk_create(
        SkillScore(result=result, skill=skill, score=score, level=level)
        for skill, (score, level) in scores.items()
    )
    ground = policy.access(user, enrolment.person).ground
    person_id = enrolment.person_id
    access.audit(user, person_id, Action.CREATE, [FieldGroup.IDENTITY], f"exam:{result.pk}", ground)
    if group.course.course_type.kind == CourseKind.HOST_LANGUAGE and _raise_level(
        person_id, reached
    ):
        detail = f"exam:{result.pk}:host_language_level:{reached}"
        access.audit(user, person_id, Action.UPDATE, [FieldGroup.EDUCATION_WORK], detail, ground)
    if passed:
        record_fulfilment_outcome(FULFILMENT_KIND, enrolment.pk, MeasureStatus.DONE)
        from .certificates import issue

        issue(user, result, ground)
    else:
        reason = _("Exam not passed: %(reached)s reached, %(target)s required.") % {
            "reached": reached,
            "target": rule.target,
        }
        record_fulfilment_outcome(FULFILMENT_KIND, enrolment.pk, MeasureStatus.NOT_DONE, reason)
        failed = ExamResult.objects.filter(passed=False)
        failed = (
            failed.filter(enrolment__plan_id=enrolment.plan_id)
            if enrolment.plan_id
            else failed.filter(enrolment=enrolment)
        )
        sanctions.apply_rules(user, enrolment, "exam_failed", failed.count())
    return result


def certificate_of(result: ExamResult) -> Certificate | None:
    return Certificate.objects.filter(result=result).first()
