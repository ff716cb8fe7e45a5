from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    OTHER = "X", _("Other / not stated")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact date")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")


class CEFR(models.TextChoices):
    A0 = "A0", "A0"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Relationship(models.TextChoices):
    HEAD = "head", _("Head of household")
    SPOUSE = "spouse", _("Spouse or partner")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    OTHER = "other", _("Other relative")


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("National identity card")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    TRAVEL_DOCUMENT = "travel_document", _("Refugee travel document")
    ASYLUM_CARD = "asylum_card", _("Asylum seeker card")
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")


class StatusType(models.TextChoices):
    INTERNATIONAL_PROTECTION = "international_protection", _("International protection (refugee)")
    SUBSIDIARY_PROTECTION = "subsidiary_protection", _("Subsidiary protection")
    TEMPORARY_PROTECTION = "temporary_protection", _("Temporary protection")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    ASYLUM_SEEKER = "asylum_seeker", _("Asylum seeker")
    STATELESS = "stateless", _("Stateless person")


class PermitPurpose(models.TextChoices):
    NONE = "", _("Not applicable")
    WORK = "work", _("Work")
    FAMILY = "family", _("Family reunification")
    STUDY = "study", _("Study")
    HUMANITARIAN = "humanitarian", _("Humanitarian")
    LONG_TERM = "long_term", _("Long-term residence")
    OTHER = "other", _("Other")


class ISCED(models.TextChoices):
    L0 = "0", _("ISCED 0 – Early childhood / none")
    L1 = "1", _("ISCED 1 – Primary")
    L2 = "2", _("ISCED 2 – Lower secondary")
    L3 = "3", _("ISCED 3 – Upper secondary")
    L4 = "4", _("ISCED 4 – Post-secondary non-tertiary")
    L5 = "5", _("ISCED 5 – Short-cycle tertiary")
    L6 = "6", _("ISCED 6 – Bachelor or equivalent")
    L7 = "7", _("ISCED 7 – Master or equivalent")
    L8 = "8", _("ISCED 8 – Doctoral or equivalent")


class Recognition(models.TextChoices):
    NOT_REQUESTED = "not_requested", _("Not requested")
    PENDING = "pending", _("Pending")
    RECOGNISED = "recognised", _("Recognised")
    PARTIAL = "partial", _("Partially recognised")
    REFUSED = "refused", _("Refused")


class VulnerabilityKind(models.TextChoices):
    UNACCOMPANIED_MINOR = "unaccompanied_minor", _("Unaccompanied minor")
    TORTURE_SURVIVOR = "torture_survivor", _("Survivor of torture")
    DISABILITY = "disability", _("Disability")
    SINGLE_PARENT = "single_parent", _("Single parent")
    MEDICAL_NEEDS = "medical_needs", _("Medical needs")
