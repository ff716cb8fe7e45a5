"""Removing what `manage.py seed` wrote, for tests that seed twice (plans, referrals and
certificates protect the people they belong to, so they go first)."""

from courses.models import (
    Attendance,
    Certificate,
    CourseGroup,
    Enrolment,
    ExamResult,
    SanctionNotice,
    Session,
    SkillScore,
)
from partners.models import Referral, ReferralEvent
from pathways.models import (
    Assessment,
    Goal,
    Measure,
    MeasureStatusChange,
    Plan,
    PlanVersion,
    Review,
)
from people.models import Household, Person

SEEDED = (
    Certificate, SanctionNotice, SkillScore, ExamResult, Attendance, Enrolment, Session,
    CourseGroup, ReferralEvent, Referral, MeasureStatusChange, Review, Measure, Goal,
    PlanVersion, Plan, Assessment, Person, Household,
)  # fmt: skip


def wipe() -> None:
    """Delete the seeded people and everything drawn for them (not the catalogues)."""
    for model in SEEDED:
        model.objects.all().delete()
