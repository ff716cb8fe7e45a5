"""Certificates: a PDF in the client's language, and a public check by code that shows only
initials, course, level and validity, and tells an unknown code nothing."""

import re
import shutil
import subprocess

import pytest

from accounts.tests.factories import sign_in
from audit.models import Action, AuditEvent
from courses import certificates, enrolment, exams
from courses.models import Certificate
from people.models import PersonLanguage

from .factories import TODAY

pytestmark = pytest.mark.django_db
CSRF = r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+'
ALL_A2 = {skill: (70, "A2") for skill in ("reading", "listening", "writing", "speaking")}


@pytest.fixture
def certificate(group, client_plan) -> Certificate:
    caseworker, plan, measure = client_plan
    made = enrolment.enrol(caseworker, group, plan.person, measure)
    result = exams.record_result(group.teacher, made, TODAY, ALL_A2)
    return Certificate.objects.get(result=result)


def pdf_text(document: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: install poppler-utils")
    done = subprocess.run(  # noqa: S603 - a fixed program on bytes we made
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=document, capture_output=True, check=True
    )
    return done.stdout.decode().translate({0x202A: None, 0x202B: None, 0x202C: None})


def test_the_public_page_shows_initials_course_level_and_validity_only(client, certificate):
    response = client.get(f"/verify/{certificate.code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This certificate is valid." in page
    assert "T. H." in page and "German A2 integration course" in page and "A2" in page
    for secret in ("Tesfay", "Habte", "ተስፋይ", "1994", "Integrationszentrum"):
        assert secret not in page
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.get(
        action=Action.VIEW, detail=f"certificate-verified:{certificate.pk}"
    )
    assert (event.actor_username, event.field_groups) == ("anonymous", "identity")


def test_an_unknown_or_malformed_code_is_a_404_with_the_same_page(client, certificate):
    unknown = client.get("/verify/" + "A" * 20 + "/")
    malformed = client.get("/verify/" + certificate.code[:-1] + "/")
    for response in (unknown, malformed):
        assert response.status_code == 404
        assert "No certificate has this code." in response.content.decode()
    # Apart from the page's own address and the per-response CSRF mask, both are the same.
    bodies = [
        re.sub(CSRF, r"\1", r.content.decode().replace(path, ""))
        for r, path in ((unknown, "A" * 20), (malformed, certificate.code[:-1]))
    ]
    assert bodies[0] == bodies[1]


def test_a_revoked_certificate_is_shown_as_not_valid(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(revoked_on=TODAY)
    page = client.get(f"/verify/{certificate.code}/").content.decode()
    assert "revoked and is not valid" in page


def test_codes_are_random_and_unique():
    codes = {certificates.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(certificates.well_formed(code) for code in codes)


def test_the_pdf_is_in_the_clients_language_with_names_and_the_code(client, certificate):
    person = certificate.person
    PersonLanguage.objects.create(person=person, language="ru", is_native=True)
    sign_in(client, person.caseworker)
    response = client.get(f"/courses/certificates/{certificate.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    for expected in (
        "ተስፋይ ሃብተ",
        "Tesfay Habte",
        certificate.code,
        "A2",
        f"/verify/{certificate.code}/",
    ):
        assert expected in text, expected
    export = AuditEvent.objects.get(action=Action.EXPORT, actor=person.caseworker)
    assert export.detail == f"certificate-pdf:{certificate.pk}"


def test_the_language_falls_back_when_integra_does_not_speak_the_mother_tongue(certificate):
    person = certificate.person
    PersonLanguage.objects.create(person=person, language="ti", is_native=True)
    assert certificates.language_for(person, "en") == "en"
    PersonLanguage.objects.create(person=person, language="ar", is_native=True)
    assert certificates.language_for(person, "en") == "ar"


def test_someone_who_may_not_see_the_client_cannot_download(client, certificate):
    from accounts.tests.factories import UserFactory

    sign_in(client, UserFactory())
    assert client.get(f"/courses/certificates/{certificate.pk}/pdf/").status_code == 404
