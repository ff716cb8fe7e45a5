import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from pathways.choices import Housing
from people.choices import CEFR
from people.models import Person


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ComputationRun(models.Model):
    """One computation of the indicator catalogue, run in the background with its progress."""

    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("current step"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    catalogue_version = models.CharField(max_length=20, blank=True)
    policy_version = models.CharField(max_length=20, blank=True)
    results = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(null=True, blank=True)
    timings = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("computation run")

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class IndicatorResult(models.Model):
    """The cached table of one indicator by one breakdown for one period, under one version of
    the disclosure policy. `raw` holds the figures before disclosure control."""

    indicator = models.CharField(max_length=60)
    breakdown = models.CharField(max_length=40)
    period = models.CharField(max_length=10)
    policy_version = models.CharField(max_length=20)
    catalogue_version = models.CharField(max_length=20)
    run = models.ForeignKey(ComputationRun, on_delete=models.SET_NULL, null=True, related_name="+")
    computed_at = models.DateTimeField()
    raw = models.JSONField()
    protected = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "breakdown", "period", "policy_version"],
                name="indicator_result_unique",
            )
        ]


class Activity(models.TextChoices):
    """Main activity, after the ILO/Eurostat labour-force concepts."""

    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    UNEMPLOYED = "unemployed", _("Unemployed, looking for work")
    IN_EDUCATION = "in_education", _("In education or training")
    INACTIVE = "inactive", _("Other inactive (care, illness, retired)")


class FollowUp(models.Model):
    """A dated observation of a client's situation (at a plan review or a follow-up contact):
    the records cohort outcomes and labour-market indicators are computed from."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="follow_ups")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    observed_on = models.DateField(_("observed on"))
    activity = models.CharField(
        _("main activity"), max_length=15, choices=Activity.choices, blank=True
    )
    housing = models.CharField(
        _("housing situation"), max_length=20, choices=Housing.choices, blank=True
    )
    host_language_level = models.CharField(
        _("host-language level"), max_length=2, choices=CEFR.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["person", "observed_on"])]
        verbose_name = _("follow-up")


class SurveyChannel(models.TextChoices):
    LINK = "link", _("Link sent to the client")
    CASEWORKER = "caseworker", _("Filled in with a caseworker")


class SurveyInvitation(models.Model):
    """Identity side of a survey: who was invited, and whether the one-time token was used.
    Only the token's hash is kept; nothing here points to the answers, nor they to it."""

    survey = models.CharField(max_length=40)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=12, choices=SurveyChannel.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_on = models.DateField()
    # No timestamp: the moment of answering would link this row to the response.
    answered = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"],
                condition=models.Q(person__isnull=False),
                name="one_invitation_per_person_and_survey",
            )
        ]


class SurveyResponse(models.Model):
    """Anonymous answers to one survey: no person, no invitation, a random id (no insertion
    order) and only the month, region and channel for aggregation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.CharField(max_length=40)
    month = models.CharField(max_length=7)  # YYYY-MM
    region = models.CharField(max_length=100)
    channel = models.CharField(max_length=12, choices=SurveyChannel.choices)
    language = models.CharField(max_length=8, blank=True)

    class Meta:
        indexes = [models.Index(fields=["survey", "month"])]


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    value = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["question", "value"])]
