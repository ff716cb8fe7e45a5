"""Migrant surveys: one-time links, answers stored apart from identity, public and translatable
page, aggregate reporting only."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.test import Client

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import AuditEvent
from monitoring import surveys
from monitoring.models import SurveyAnswer, SurveyInvitation, SurveyResponse
from people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
ANSWERS = {
    "satisfaction": ["satisfied"],
    "barriers": ["language", "costs"],
    "discrimination": ["no"],
}


@pytest.fixture
def invited():
    caseworker = UserFactory(role=Role.CASEWORKER)
    person = PersonFactory(organisation=caseworker.organisation)
    return caseworker, person, surveys.invite(caseworker, person, "service_feedback")


def test_answers_know_nothing_of_the_person_or_the_invitation():
    for model in (SurveyResponse, SurveyAnswer):
        targets = {f.related_model for f in model._meta.fields if isinstance(f, models.ForeignKey)}
        assert targets <= {SurveyResponse}
    assert isinstance(SurveyResponse._meta.pk, models.UUIDField)
    assert not any(isinstance(f, models.DateTimeField) for f in SurveyInvitation._meta.fields
                   if f.name != "created_at")  # fmt: skip


def test_a_link_works_once_and_stores_anonymous_answers(invited):
    caseworker, person, token = invited
    invitation = SurveyInvitation.objects.get()
    assert invitation.token_hash != token and len(invitation.token_hash) == 64
    assert AuditEvent.objects.filter(
        person_id=person.pk, detail="survey-invitation:service_feedback"
    )
    surveys.submit(token, ANSWERS, "ro")
    response = SurveyResponse.objects.get()
    assert response.region == person.organisation.region and response.channel == "link"
    assert re.fullmatch(r"\d{4}-\d{2}", response.month) and response.language == "ro"
    assert sorted(response.answers.values_list("value", flat=True)) == [
        "costs", "language", "no", "satisfied",
    ]  # fmt: skip
    with pytest.raises(PermissionDenied):
        surveys.submit(token, ANSWERS)
    assert SurveyResponse.objects.count() == 1


def test_a_person_is_invited_once_per_survey(invited):
    caseworker, person, _token = invited
    with pytest.raises(ValidationError):
        surveys.invite(caseworker, person, "service_feedback")


def test_only_staff_who_may_edit_the_person_invite():
    person = PersonFactory()
    for role in (Role.ANALYST, Role.PARTNER_STAFF, Role.COORDINATOR):
        with pytest.raises(PermissionDenied):
            surveys.invite(UserFactory(role=role), person, "service_feedback")
    with pytest.raises(PermissionDenied):  # another centre's caseworker
        surveys.invite(UserFactory(role=Role.CASEWORKER), person, "service_feedback")


def test_answers_are_checked(invited):
    _c, _p, token = invited
    with pytest.raises(ValidationError) as error:
        surveys.submit(token, {"barriers": ["none", "costs"], "discrimination": ["maybe"]})
    assert set(error.value.message_dict) == {"satisfaction", "barriers", "discrimination"}
    assert not SurveyResponse.objects.exists()
    assert not SurveyInvitation.objects.get().answered


def test_an_expired_link_is_refused(invited, time_machine):
    _c, _p, token = invited
    time_machine.move_to(datetime.date.today() + datetime.timedelta(days=surveys.VALID_DAYS + 1))
    assert surveys.open_invitation(token) is None
    assert Client().get(f"/monitoring/survey/{token}/").status_code == 410


def test_the_public_page_needs_no_sign_in_and_speaks_the_clients_language(invited):
    _c, _p, token = invited
    client = Client()
    page = client.get(f"/monitoring/survey/{token}/")
    assert page.status_code == 200 and "How satisfied are you" in page.content.decode()
    arabic = client.get(f"/monitoring/survey/{token}/", headers={"Accept-Language": "ar"})
    assert 'dir="rtl"' in arabic.content.decode() and 'lang="ar"' in arabic.content.decode()
    sent = client.post(f"/monitoring/survey/{token}/", {"satisfaction": "neutral"})
    assert sent.status_code == 200 and "Thank you" in sent.content.decode()
    assert client.get(f"/monitoring/survey/{token}/").status_code == 410


def test_a_caseworker_creates_a_link_to_fill_in_together(invited):
    caseworker, _p, _token = invited
    other = PersonFactory(organisation=caseworker.organisation)
    client = Client()
    sign_in(client, caseworker)
    page = client.post(
        f"/monitoring/surveys/invite/{other.pk}/",
        {"survey": "service_feedback", "channel": "caseworker"},
    )
    link = re.search(r'value="(http[^"]+/monitoring/survey/[^"]+/)"', page.content.decode()).group(
        1
    )
    token = link.rstrip("/").rsplit("/", 1)[1]
    surveys.submit(token, ANSWERS)
    assert SurveyResponse.objects.get().channel == "caseworker"
