import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, OrganisationType
from people.choices import CEFR, ISCED
from people.models import Person

from .choices import (
    Area,
    Housing,
    MeasureStatus,
    MeasureType,
    PlanOutcome,
    PlanStatus,
    ReviewOutcome,
    SignatureMethod,
)


class Assessment(models.Model):
    """Initial assessment recorded by a caseworker with the client."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assessed_on = models.DateField(_("date of assessment"))
    reading = models.CharField(_("reading"), max_length=2, choices=CEFR.choices, default="A0")
    listening = models.CharField(_("listening"), max_length=2, choices=CEFR.choices, default="A0")
    writing = models.CharField(_("writing"), max_length=2, choices=CEFR.choices, default="A0")
    speaking = models.CharField(_("speaking"), max_length=2, choices=CEFR.choices, default="A0")
    literate = models.BooleanField(_("can read and write in some language"), default=True)
    literate_in_latin_script = models.BooleanField(_("reads the Latin script"), default=False)
    other_languages = models.CharField(_("other languages spoken"), max_length=200, blank=True)
    isced_level = models.CharField(
        _("highest education (ISCED)"), max_length=1, choices=ISCED.choices, default="1"
    )
    qualifications_to_recognise = models.PositiveSmallIntegerField(
        _("qualifications to be recognised"), default=0
    )
    has_work_experience = models.BooleanField(_("has work experience"), default=False)
    occupation_isco = models.CharField(_("last occupation (ISCO-08)"), max_length=4, blank=True)
    employment_goal = models.CharField(_("employment goal"), max_length=200, blank=True)
    housing = models.CharField(
        _("housing situation"), max_length=20, choices=Housing.choices, default=Housing.OTHER
    )
    childcare_needed = models.BooleanField(_("needs childcare"), default=False)
    legal_needs = models.BooleanField(_("needs legal or documentation help"), default=False)
    # Sensitive: shown only with the "vulnerabilities and health" field group.
    health_needs = models.BooleanField(_("health needs"), default=False)
    psychosocial_needs = models.BooleanField(_("psychosocial needs"), default=False)
    health_notes = models.TextField(_("health and psychosocial notes"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]


class Plan(models.Model):
    """A person's individual integration plan under one programme profile."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="plans")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="plans")
    programme_id = models.CharField(_("programme"), max_length=40)
    programme_version = models.CharField(_("programme version"), max_length=20)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("planned end"))
    mandatory = models.BooleanField(_("participation is mandatory"), default=False)
    declaration_required = models.BooleanField(_("integration declaration required"), default=False)
    declaration_signed_on = models.DateField(
        _("integration declaration signed on"), null=True, blank=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=PlanOutcome.choices, blank=True)
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "closed_on"])]


class PlanVersion(models.Model):
    """One version of a plan's content. An agreed version is never changed: a change after
    agreement is a new version."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=PlanStatus.choices)
    change_note = models.CharField(_("reason for the change"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreement_language = models.CharField(_("language version used"), max_length=5, blank=True)
    signature_method = models.CharField(
        _("how it was signed"), max_length=12, choices=SignatureMethod.choices, blank=True
    )
    witness = models.CharField(_("witness"), max_length=200, blank=True)
    interpreter = models.CharField(_("interpreter"), max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")
        ]


class Goal(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    title = models.CharField(_("goal"), max_length=300)

    class Meta:
        ordering = ["id"]


class Measure(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures")
    key = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    type = models.CharField(_("type"), max_length=12, choices=MeasureType.choices)
    title = models.CharField(_("measure"), max_length=300)
    responsible_type = models.CharField(
        _("responsible (type)"), max_length=40, choices=OrganisationType.choices
    )
    responsible = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), db_index=True)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    module_code = models.CharField(_("programme module"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    status_reason = models.CharField(_("reason"), max_length=300, blank=True)
    # Fulfilment by a later module's record: a course enrolment, a referral. Kept as a kind and
    # an id so the pathway does not depend on those apps.
    fulfilled_by_kind = models.CharField(max_length=30, blank=True)
    fulfilled_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["fulfilled_by_kind", "fulfilled_by_id"])]


class MeasureStatusChange(models.Model):
    """Status history of a measure, kept by its key across plan versions."""

    measure_key = models.UUIDField(db_index=True)
    status = models.CharField(max_length=12, choices=MeasureStatus.choices)
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]


class Review(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    due_on = models.DateField(_("due on"), db_index=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=ReviewOutcome.choices, blank=True
    )

    class Meta:
        ordering = ["due_on"]
