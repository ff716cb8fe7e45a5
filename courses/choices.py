from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CourseKind(models.TextChoices):
    HOST_LANGUAGE = "host_language", _("Host language")
    CIVIC_ORIENTATION = "civic_orientation", _("Civic orientation and values")
    VOCATIONAL = "vocational", _("Vocational")
    LITERACY = "literacy", _("Literacy")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class GroupStatus(models.TextChoices):
    PLANNED = "planned", _("Planned, not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class EnrolmentStatus(models.TextChoices):
    WAITING = "waiting", _("On the waiting list")
    ACTIVE = "active", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", pgettext_lazy("course enrolment status", "Withdrawn")


# An enrolment in one of these states holds the person's place in the group (or its queue).
CURRENT_STATES = (EnrolmentStatus.WAITING, EnrolmentStatus.ACTIVE)


class Mark(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    UNEXCUSED = "unexcused", _("Absent without excuse")


class Skill(models.TextChoices):
    READING = "reading", _("Reading")
    LISTENING = "listening", _("Listening")
    WRITING = "writing", _("Writing")
    SPEAKING = "speaking", _("Speaking")


CEFR_ORDER = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")


def cefr_rank(level: str) -> int:
    """Position of a CEFR level on the scale; an unknown or empty level ranks lowest."""
    return CEFR_ORDER.index(level) if level in CEFR_ORDER else -1
