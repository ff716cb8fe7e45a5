import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from people.choices import CEFR
from people.models import Person

from .choices import CURRENT_STATES, CourseKind, Delivery, EnrolmentStatus, GroupStatus, Mark, Skill


class CourseType(models.Model):
    """A kind of course: host language up to a CEFR level, civic orientation, vocational,
    literacy."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    name = models.CharField(_("name"), max_length=200)
    target_level = models.CharField(
        _("target level (CEFR)"), max_length=2, choices=CEFR.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["kind", "target_level", "name"]
        verbose_name = _("course type")

    def __str__(self) -> str:
        return self.name


class Curriculum(models.Model):
    course_type = models.ForeignKey(CourseType, on_delete=models.PROTECT, related_name="curricula")
    title = models.CharField(_("title"), max_length=200)
    version = models.CharField(_("version"), max_length=20, default="1")
    final_exam = models.BooleanField(_("ends with an objective exam"), default=False)

    class Meta:
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def total_hours(self) -> int:
        return self.modules.aggregate(total=Sum("hours"))["total"] or 0


class CurriculumModule(models.Model):
    curriculum = models.ForeignKey(Curriculum, on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200)
    hours = models.PositiveIntegerField(_("hours"))

    class Meta:
        ordering = ["curriculum", "position", "id"]


class Course(models.Model):
    provider = models.ForeignKey(
        Organisation, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="courses"
    )
    course_type = models.ForeignKey(
        CourseType, verbose_name=_("course type"), on_delete=models.PROTECT, related_name="+"
    )
    curriculum = models.ForeignKey(
        Curriculum, verbose_name=_("curriculum"), on_delete=models.PROTECT, related_name="courses"
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language of instruction (ISO 639-1)"), max_length=3)
    target_level = models.CharField(
        _("target level (CEFR)"), max_length=2, choices=CEFR.choices, blank=True
    )
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    location = models.CharField(_("location"), max_length=300, blank=True)
    region = models.CharField(_("region"), max_length=100)
    time_zone = models.CharField(_("time zone"), max_length=50, default="UTC")
    module_code = models.CharField(_("programme module it fulfils"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("course")
        indexes = [models.Index(fields=["region", "target_level", "language"])]

    def __str__(self) -> str:
        return self.title

    @property
    def kind(self) -> str:
        return self.course_type.kind


class TeacherQualification(models.Model):
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teaching_qualifications"
    )
    code = models.SlugField(_("qualification code"), max_length=40)
    title = models.CharField(_("title"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["teacher", "code"])]

    def valid_over(self, start, end) -> bool:
        return self.issued_on <= start and (self.expires_on is None or self.expires_on >= end)


class CourseGroup(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(_("name"), max_length=100)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teacher"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="course_groups",
    )
    programme_id = models.CharField(_("programme"), max_length=40, blank=True)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    capacity = models.PositiveSmallIntegerField(_("seats"))
    # Seats held by active enrolments; only ever changed by a conditional UPDATE.
    seats_taken = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=GroupStatus.choices, default=GroupStatus.PLANNED
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [
            models.Index(fields=["status", "course"]),
            models.Index(fields=["teacher", "status"]),
        ]
        constraints = [
            # The last line of defence against overfilling, whatever the code above it does.
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="group_not_overfilled"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="group_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.name}"

    @property
    def free_seats(self) -> int:
        return max(self.capacity - self.seats_taken, 0)


class Session(models.Model):
    group = models.ForeignKey(CourseGroup, on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)

    class Meta:
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="session_ends_after_start"
            )
        ]


class Enrolment(models.Model):
    group = models.ForeignKey(CourseGroup, on_delete=models.PROTECT, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="course_enrolments")
    plan = models.ForeignKey(
        "pathways.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    measure_key = models.UUIDField(null=True, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices)
    mandatory = models.BooleanField(_("participation is mandatory"), default=False)
    requested_at = models.DateTimeField(_("asked for a place"), default=timezone.now)
    enrolled_at = models.DateTimeField(_("enrolled"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["group", "requested_at", "id"]
        indexes = [
            models.Index(fields=["group", "status", "requested_at"]),
            models.Index(fields=["person", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(status__in=CURRENT_STATES),
                name="enrolment_current_unique",
            )
        ]


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    mark = models.CharField(_("attendance"), max_length=10, choices=Mark.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["enrolment", "mark"])]
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="attendance_unique")
        ]


class ExamResult(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="exam_results")
    taken_on = models.DateField(_("exam date"))
    target_level = models.CharField(_("level required"), max_length=2, choices=CEFR.choices)
    level_reached = models.CharField(_("level reached"), max_length=2, choices=CEFR.choices)
    passed = models.BooleanField(_("passed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-taken_on", "-id"]


class SkillScore(models.Model):
    result = models.ForeignKey(ExamResult, on_delete=models.CASCADE, related_name="scores")
    skill = models.CharField(_("skill"), max_length=10, choices=Skill.choices)
    score = models.PositiveSmallIntegerField(_("score (0–100)"))
    level = models.CharField(_("level reached"), max_length=2, choices=CEFR.choices)

    class Meta:
        ordering = ["result", "id"]
        constraints = [
            models.UniqueConstraint(fields=["result", "skill"], name="skill_score_unique"),
            models.CheckConstraint(condition=Q(score__lte=100), name="skill_score_at_most_100"),
        ]


class Certificate(models.Model):
    """Proof of a passed exam; anyone holding the code can check it on the public page."""

    result = models.OneToOneField(ExamResult, on_delete=models.PROTECT, related_name="certificate")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="certificates")
    code = models.CharField(max_length=40, unique=True)
    course_title = models.CharField(_("course"), max_length=200)
    level = models.CharField(_("level"), max_length=2, choices=CEFR.choices)
    issued_on = models.DateField(_("issued on"))
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)


class SanctionNotice(models.Model):
    """A programme sanction rule was triggered (e.g. the third unexcused absence)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sanction_notices")
    plan = models.ForeignKey(
        "pathways.Plan", on_delete=models.CASCADE, related_name="sanction_notices"
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sanction_code = models.CharField(_("sanction"), max_length=40)
    trigger = models.CharField(_("trigger"), max_length=30)
    action = models.CharField(_("action"), max_length=30)
    threshold = models.PositiveIntegerField(_("threshold"))
    count = models.PositiveIntegerField(_("count when triggered"))
    description = models.CharField(_("description"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "sanction_code"], name="sanction_once_per_plan")
        ]
