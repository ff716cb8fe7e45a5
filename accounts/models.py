from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    COORDINATING_AUTHORITY = "coordinating_authority", _("Co-ordinating authority")
    INTEGRATION_CENTRE = "integration_centre", _("Integration centre")
    LINE_MINISTRY = "line_ministry", _("Line ministry")
    MUNICIPALITY = "municipality", _("Municipality")
    NGO = "ngo", _("NGO")
    SCHOOL = "school", _("School")
    HEALTH_INSURER = "health_insurer", _("Health insurer")
    EMPLOYMENT_OFFICE = "employment_office", _("Employment office")
    EMPLOYER = "employer", _("Employer")
    COURSE_PROVIDER = "course_provider", _("Course provider")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    region = models.CharField(_("region"), max_length=100)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    PARTNER_STAFF = "partner_staff", _("Partner staff")
    TEACHER = "teacher", _("Teacher")
    COORDINATOR = "coordinator", _("Coordinator")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class FailedLogin(models.Model):
    """One failed sign-in; lockout counts these per account and per address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
