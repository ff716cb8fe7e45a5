from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    LANGUAGE = "language", _("Language")
    EMPLOYMENT = "employment", _("Employment")
    EDUCATION = "education", _("Education")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health")
    SOCIAL_WELFARE = "social_welfare", _("Social welfare")
    LEGAL = "legal", _("Legal")
    CIVIC_ORIENTATION = "civic_orientation", _("Civic orientation")
    CULTURE_COMMUNITY = "culture_community", _("Culture and community")
    ANTI_DISCRIMINATION = "anti_discrimination", _("Anti-discrimination")


class MeasureType(models.TextChoices):
    COURSE = "course", _("Course")
    REFERRAL = "referral", _("Referral")
    SERVICE = "service", _("Service")
    APPOINTMENT = "appointment", _("Appointment")
    DOCUMENT = "document", _("Document")
    BENEFIT = "benefit", _("Benefit")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")
    CANCELLED = "cancelled", _("Cancelled")


class PlanStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, awaiting agreement")
    AGREED = "agreed", _("Agreed")
    SUPERSEDED = "superseded", _("Superseded by a newer version")
    CLOSED = "closed", _("Closed")


class PlanOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    LEFT = "left", _("Left the programme")
    MOVED = "moved", _("Moved away")
    NATURALISED = "naturalised", _("Naturalised")
    RETURNED = "returned", _("Returned")


class SignatureMethod(models.TextChoices):
    HANDWRITTEN = "handwritten", _("Signed on paper")
    ELECTRONIC = "electronic", _("Signed electronically")
    ORAL = "oral", _("Agreed orally before a witness")


class Housing(models.TextChoices):
    OWN = "own", _("Own or rented home")
    MUNICIPAL = "municipal", _("Municipal or social housing")
    RECEPTION_CENTRE = "reception_centre", _("Reception or integration centre")
    HOMELESS = "homeless", _("Without housing")
    OTHER = "other", _("Other")


class ReviewOutcome(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    ADJUST = "adjust", _("Plan needs adjusting")
    AT_RISK = "at_risk", _("At risk")
