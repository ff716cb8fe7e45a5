"""The plan as a PDF: the client's names in their own script, the agreed language and
direction, the organisation's contact details, and an EXPORT in the audit trail."""

import datetime
import shutil
import subprocess

import pytest

from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from pathways import plans
from pathways.pdf import plan_pdf_html
from pathways.programme_registry import profile
from pathways.selectors import get_plan

from .factories import AssessmentFactory, protected_person
from .scenarios import iraqi_client, romanian_centre

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 2, 1)


def pdf_text(document: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: install poppler-utils (bash scripts/system-deps.sh)")
    done = subprocess.run(  # noqa: S603 - a fixed program on bytes we made
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=document, capture_output=True, check=True
    )
    # Bidirectional embedding marks are layout, not text.
    return done.stdout.decode().translate({0x202A: None, 0x202B: None, 0x202C: None})


def agreed_plan(person, language: str):
    user = UserFactory(organisation=person.organisation)
    plan = plans.propose(user, AssessmentFactory(person=person), "ro-integration", START)
    agreement = {
        "agreed_on": datetime.date(2026, 2, 3),
        "agreement_language": language,
        "signature_method": "handwritten",
        "interpreter": "Layla Hassan",
    }
    plans.agree(user, plan, agreement, plan.lock_version)
    return user, plan


def test_agreed_plan_pdf_in_arabic_shows_the_names_and_contact_details(client):
    user, plan = agreed_plan(iraqi_client(romanian_centre()), "ar")
    sign_in(client, user)
    response = client.get(f"/pathways/plans/{plan.pk}/pdf/", {"version": 1})
    assert response["Content-Type"] == "application/pdf"
    filename = f"integration-plan-{plan.pk}-v1.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    for expected in (
        "أحمد الجبوري",
        "Ahmed Al-Jubouri",
        "Regional Centre for Integration Timișoara",
        "Str. Gheorghe Lazăr 10, Timișoara",
        "+40 256 000 111",
        "crit@example.ro",
        "Romanian language course",
        "Layla Hassan",
    ):
        assert expected in text, expected
    assert AuditEvent.objects.filter(
        person_id=plan.person_id, action=Action.EXPORT, detail=f"plan-pdf:{plan.pk}:v1"
    ).exists()


def test_cyrillic_name_survives_the_pdf(client):
    user, plan = agreed_plan(protected_person(), "ru")
    sign_in(client, user)
    text = pdf_text(client.get(f"/pathways/plans/{plan.pk}/pdf/").content)
    assert "Мухаммед Аль-Хасан" in text
    assert "Muhammad Al-Hassan" in text


def test_document_takes_the_agreement_languages_direction():
    user, plan = agreed_plan(iraqi_client(romanian_centre()), "ar")
    view = get_plan(user, plan.pk)
    arabic = plan_pdf_html(view, profile(plan.programme_id), "ar")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "<bdi>أحمد الجبوري</bdi>" in arabic
    romanian = plan_pdf_html(view, profile(plan.programme_id), "ro")
    assert '<html lang="ro" dir="ltr">' in romanian


def test_a_proposal_is_marked_as_not_agreed(client):
    person = protected_person()
    user = UserFactory(organisation=person.organisation)
    plan = plans.propose(user, AssessmentFactory(person=person), "ro-integration", START)
    sign_in(client, user)
    text = pdf_text(client.get(f"/pathways/plans/{plan.pk}/pdf/").content)
    assert "Proposal, not yet agreed" in text
