from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .choices import (
    CEFR,
    ISCED,
    DatePrecision,
    DocumentType,
    PermitPurpose,
    Recognition,
    Relationship,
    Sex,
    StatusType,
    VulnerabilityKind,
)


class Person(models.Model):
    given_name = models.CharField(_("given name (own script)"), max_length=120)
    family_name = models.CharField(_("family name (own script)"), max_length=120, blank=True)
    given_name_latin = models.CharField(_("given name (Latin)"), max_length=120, blank=True)
    family_name_latin = models.CharField(_("family name (Latin)"), max_length=120, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True, db_index=True)
    birth_date_precision = models.CharField(
        _("precision of date of birth"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    country_of_birth = models.CharField(_("country of birth"), max_length=2, blank=True)
    host_language_level = models.CharField(
        _("host-language level"), max_length=2, choices=CEFR.choices, default=CEFR.A0
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="clients",
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("caseworker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clients",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["organisation", "id"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        native = f"{self.given_name} {self.family_name}".strip()
        latin = f"{self.given_name_latin} {self.family_name_latin}".strip()
        return native if not latin or latin == native else f"{native} ({latin})"

    @property
    def birth_display(self) -> str:
        if self.birth_date is None:
            return ""
        if self.birth_date_precision == DatePrecision.YEAR:
            return str(self.birth_date.year)
        if self.birth_date_precision == DatePrecision.MONTH:
            return self.birth_date.strftime("%Y-%m")
        return self.birth_date.isoformat()


class NameKey(models.Model):
    """Script- and spelling-independent keys of a person's names, for search."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=40, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "person"], name="namekey_unique")]


class Citizenship(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="citizenships")
    country = models.CharField(_("country"), max_length=2, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "country"], name="citizenship_unique")
        ]


class PersonLanguage(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language (ISO 639-1)"), max_length=3)
    level = models.CharField(_("level"), max_length=2, choices=CEFR.choices, blank=True)
    is_native = models.BooleanField(_("mother tongue"), default=False)


class Household(models.Model):
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="households"
    )
    reunification_pending = models.BooleanField(_("family reunification pending"), default=False)
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return self.reference


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    relationship = models.CharField(_("relationship"), max_length=10, choices=Relationship.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["household", "person"], name="member_unique")
        ]


class IdentityDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    number = models.CharField(_("number"), max_length=40)
    number_key = models.CharField(max_length=40, db_index=True, editable=False)
    issuing_country = models.CharField(_("issuing country"), max_length=2, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    def save(self, *args, **kwargs):
        from .search import document_key

        self.number_key = document_key(self.number)
        super().save(*args, **kwargs)


class LegalStatus(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="statuses")
    status_type = models.CharField(_("status"), max_length=30, choices=StatusType.choices)
    permit_purpose = models.CharField(
        _("permit purpose"), max_length=20, choices=PermitPurpose.choices, blank=True
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    issuing_authority = models.CharField(_("issuing authority"), max_length=200, blank=True)

    class Meta:
        ordering = ["-valid_from"]


class Education(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="education")
    isced_level = models.CharField(_("ISCED level"), max_length=1, choices=ISCED.choices)
    field = models.CharField(_("field of study"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    completed_year = models.PositiveSmallIntegerField(_("year completed"), null=True, blank=True)


class Qualification(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="qualifications")
    title = models.CharField(_("title"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True)
    recognition = models.CharField(
        _("recognition"),
        max_length=20,
        choices=Recognition.choices,
        default=Recognition.NOT_REQUESTED,
    )


class WorkExperience(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="work_experience")
    isco_code = models.CharField(_("ISCO-08 occupation code"), max_length=4)
    occupation = models.CharField(_("occupation"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True)
    years = models.PositiveSmallIntegerField(_("years"), default=0)


class Vulnerability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="vulnerabilities")
    kind = models.CharField(_("kind"), max_length=30, choices=VulnerabilityKind.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_on = models.DateField(_("recorded on"), auto_now_add=True)


class Consent(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=200)
    recipient = models.ForeignKey(
        Organisation,
        verbose_name=_("recipient organisation"),
        on_delete=models.PROTECT,
        related_name="consents_received",
    )
    field_groups = models.JSONField(_("data categories"), default=list)
    given_on = models.DateField(_("given on"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    def is_active(self, on) -> bool:
        if self.withdrawn_on and self.withdrawn_on <= on:
            return False
        return not (self.expires_on and self.expires_on < on) and self.given_on <= on
