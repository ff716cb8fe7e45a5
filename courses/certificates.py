"""Certificates of passed exams: a PDF in the client's language and a random code that anyone
may check on the public verification page, which shows no more than initials, course and level."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.policy import FieldGroup
from audit.models import Action
from people.models import Person

from . import access
from .models import Certificate, ExamResult

CODE_BYTES = 15  # 20 URL-safe characters, 120 random bits
CODE_LENGTH = 20
CODE_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def issue(user, result: ExamResult, ground: str = "") -> Certificate:
    enrolment = result.enrolment
    for _attempt in range(3):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    result=result,
                    person_id=enrolment.person_id,
                    code=new_code(),
                    course_title=enrolment.group.course.title[:200],
                    level=result.level_reached,
                    issued_on=timezone.localdate(),
                )
            break
        except IntegrityError:  # a code already in use: draw again
            continue
    else:
        raise RuntimeError("could not draw an unused certificate code")
    detail = f"certificate:{certificate.pk}"
    access.audit(user, enrolment.person_id, Action.CREATE, [FieldGroup.IDENTITY], detail, ground)
    return certificate


def well_formed(code: str) -> bool:
    return len(code) == CODE_LENGTH and set(code) <= CODE_ALPHABET


def find(code: str) -> Certificate | None:
    """The certificate with this code. The same single indexed query runs whatever the code
    looks like, so timing does not tell a malformed code from an unknown one."""
    probe = code[:64]
    found = (
        Certificate.objects.select_related("person", "result__enrolment__group__course")
        .filter(code=probe)
        .first()
    )
    return found if found is not None and well_formed(code) else None


def initials(person: Person) -> str:
    given = person.given_name_latin or person.given_name
    family = person.family_name_latin or person.family_name
    return " ".join(f"{part[0].upper()}." for part in (given, family) if part)


@dataclass(frozen=True)
class PublicView:
    """All the public verification page may show."""

    initials: str
    course: str
    level: str
    issued_on: object
    valid: bool


def public_view(certificate: Certificate) -> PublicView:
    return PublicView(
        initials=initials(certificate.person),
        course=certificate.course_title,
        level=certificate.level,
        issued_on=certificate.issued_on,
        valid=certificate.revoked_on is None,
    )


def language_for(person: Person, fallback: str) -> str:
    """The client's mother tongue where Integra speaks it, else `fallback`."""
    supported = {code for code, _name in settings.LANGUAGES}
    native = person.languages.filter(is_native=True).values_list("language", flat=True)
    return next((code for code in native if code in supported), fallback)


def pdf_html(certificate: Certificate, language: str, verify_url: str) -> str:
    with translation.override(language):
        return render_to_string(
            "courses/certificate_pdf.html",
            {
                "certificate": certificate,
                "person": certificate.person,
                "result": certificate.result,
                "scores": list(certificate.result.scores.all()),
                "course": certificate.result.enrolment.group.course,
                "verify_url": verify_url,
            },
        )


def pdf_bytes(certificate: Certificate, language: str, verify_url: str) -> bytes:
    from weasyprint import HTML  # imported on first use: it loads Pango and the fonts

    html = pdf_html(certificate, language, verify_url)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
