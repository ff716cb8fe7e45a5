from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from pathways.choices import Area
from people.models import Consent, Person

from .choices import ACTIVE_STATES, ReferralStatus


class Service(models.Model):
    """A service an organisation offers to clients, and the data it needs to deliver it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200)
    area = models.CharField(_("area of integration"), max_length=20, choices=Area.choices)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who is eligible"), blank=True)
    languages = models.CharField(
        _("languages (ISO 639-1, comma-separated)"), max_length=100, blank=True
    )
    region = models.CharField(_("region"), max_length=100, db_index=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (clients at a time)"), default=0)
    waiting_days = models.PositiveIntegerField(_("current waiting time (days)"), default=0)
    field_groups = models.JSONField(_("data the service needs"), default=list)
    active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Agreement(models.Model):
    """A partnership agreement or memorandum of understanding, with its data-sharing terms."""

    title = models.CharField(_("title"), max_length=200)
    scope = models.TextField(_("scope"))
    purpose = models.CharField(_("purpose of data sharing"), max_length=300)
    field_groups = models.JSONField(_("data that may be shared"), default=list)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    parties = models.ManyToManyField(
        Organisation, through="AgreementParty", related_name="agreements"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")

    def __str__(self) -> str:
        return self.title


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role in the agreement"), max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="party_unique")
        ]


class Referral(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="referrals")
    sender = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    receiver = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_received"
    )
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="referrals")
    purpose = models.CharField(_("purpose"), max_length=300)
    note = models.TextField(_("note to the receiving organisation"), blank=True)
    deadline = models.DateField(_("deadline"), db_index=True)
    # The field groups the receiver may read: what the service needs, within the agreement,
    # and covered by the consent (or the override). Stored ",a,b," so one group is a portable
    # substring match on every database.
    shared_groups = models.CharField(max_length=200)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    override_reason = models.TextField(_("reason for sharing without consent"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=ReferralStatus.choices,
        default=ReferralStatus.SENT,
        db_index=True,
    )
    status_reason = models.CharField(_("reason or outcome"), max_length=300, blank=True)
    measure_key = models.UUIDField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["receiver", "status", "person"]),
            models.Index(fields=["sender", "status", "deadline"]),
        ]

    @property
    def is_overdue(self) -> bool:
        return self.status in ACTIVE_STATES and self.deadline < timezone.localdate()

    @property
    def groups(self) -> set[str]:
        return {g for g in self.shared_groups.split(",") if g}

    @staticmethod
    def encode_groups(groups) -> str:
        return "," + ",".join(sorted(str(g) for g in groups)) + ","


class ReferralEvent(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=15, choices=ReferralStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
