"""The partner pages: directory, agreements, sending, following and answering referrals."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from partners import services
from partners.choices import ReferralStatus as S
from partners.models import Agreement, Notification, Referral, Service
from partners.templatetags.partners import refer_url

from .conftest import VULNERABILITY_CANARY
from .factories import ServiceFactory, consent_to, plan_with_referral_measure

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DEADLINE = TODAY + datetime.timedelta(days=20)


def _sent(net, **kwargs) -> Referral:
    consent = consent_to(net.person, net.employment)
    return services.create_referral(
        net.caseworker, net.person, net.service, "employment", DEADLINE, consent=consent, **kwargs
    )


def test_directory_filters_and_shows_the_data_each_service_needs(client, net):
    ServiceFactory(name="Social housing", area="housing", region="Bălți", languages="ro")
    sign_in(client, net.caseworker)
    page = client.get("/partners/services/", {"area": "employment", "language": "ru"})
    body = page.content.decode()
    assert "Job matching and registration" in body and "Social housing" not in body
    assert "Add a service" not in body
    assert "Bălți" in client.get("/partners/services/").content.decode()
    detail = client.get(f"/partners/services/{net.service.pk}/").content.decode()
    assert "Identity, Contact, Education and work" in detail
    assert "Romanian (ro), Russian (ru), English (en)" in detail
    assert "National Employment Agency" in detail


def test_coordinator_adds_and_edits_a_service_and_a_stale_edit_is_a_409(client, net):
    sign_in(client, net.caseworker)
    assert client.get("/partners/services/new/").status_code == 403
    sign_in(client, net.coordinator)
    form = {
        "organisation": net.employment.pk,
        "name": "Vocational counselling",
        "area": "employment",
        "languages": "RO, ru",
        "region": "Chișinău",
        "capacity": 10,
        "waiting_days": 3,
        "field_groups": ["identity", "education_work"],
        "active": "on",
    }
    response = client.post("/partners/services/new/", form)
    service = Service.objects.get(name="Vocational counselling")
    assert response.url == f"/partners/services/{service.pk}/"
    assert (service.languages, service.field_groups) == ("ro,ru", ["identity", "education_work"])
    edit = f"/partners/services/{service.pk}/edit/"
    assert client.post(edit, {**form, "waiting_days": 9, "version": 1}).status_code == 302
    stale = client.post(edit, {**form, "waiting_days": 12, "version": 1})
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.content.decode()
    assert Service.objects.get(pk=service.pk).waiting_days == 9
    bad = client.post("/partners/services/new/", {**form, "languages": "Romanian"})
    assert "Not an ISO 639 language code: romanian" in bad.content.decode()


def test_agreements_show_parties_roles_terms_and_validity(client, net):
    net.agreement.roles.update(role="Provider of employment services")
    old = Agreement.objects.create(
        title="Expired memorandum",
        scope="Pilot",
        purpose="employment",
        valid_from=datetime.date(2020, 1, 1),
        valid_to=datetime.date(2021, 1, 1),
    )
    sign_in(client, net.partner)
    listing = client.get("/partners/agreements/").content.decode()
    assert "Expired memorandum" in listing and "not in force" in listing
    detail = client.get(f"/partners/agreements/{net.agreement.pk}/").content.decode()
    assert "Provider of employment services" in detail
    assert "Identity, Contact, Legal status, Education and work" in detail
    assert "(in force)" in detail
    assert client.get(f"/partners/agreements/{old.pk}/edit/").status_code == 403


def test_coordinator_records_an_agreement_with_its_parties(client, net):
    sign_in(client, net.coordinator)
    form = {
        "title": "MoU on diploma recognition",
        "scope": "Recognition of foreign diplomas",
        "purpose": "diploma recognition",
        "field_groups": ["identity", "education_work"],
        "valid_from": "2026-01-01",
        "parties-TOTAL_FORMS": 2,
        "parties-INITIAL_FORMS": 0,
        "parties-0-organisation": net.centre.pk,
        "parties-0-role": "Refers clients",
        "parties-1-organisation": "",
        "parties-1-role": "",
    }
    refused = client.post("/partners/agreements/new/", form)
    assert "at least two different organisations" in refused.content.decode()
    form.update({"parties-1-organisation": net.employment.pk})
    assert (
        "role in the agreement" in client.post("/partners/agreements/new/", form).content.decode()
    )
    form["parties-1-role"] = "Recognises diplomas"
    response = client.post("/partners/agreements/new/", form)
    agreement = Agreement.objects.get(title="MoU on diploma recognition")
    assert response.url == f"/partners/agreements/{agreement.pk}/"
    assert set(agreement.roles.values_list("role", flat=True)) == {
        "Refers clients",
        "Recognises diplomas",
    }


def test_caseworker_refers_from_a_plan_measure_choosing_service_and_consent(client, net):
    _plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    ServiceFactory(name="Social housing", area="housing")
    consent = consent_to(net.person, net.employment)
    sign_in(client, net.caseworker)
    assert "Refer" in client.get(f"/people/{net.person.pk}/").content.decode()
    url = refer_url(measure)
    assert url == f"/partners/referrals/new/?person={net.person.pk}&measure={measure.pk}"
    choose = client.get(url).content.decode()
    assert "Job matching and registration" in choose and "Social housing" not in choose
    form_page = client.get(f"{url}&service={net.service.pk}").content.decode()
    assert "given on" in form_page and "Identity, Contact, Education and work" in form_page
    data = {"purpose": "employment", "deadline": DEADLINE, "consent": consent.pk, "note": "Hi"}
    response = client.post(f"{url}&service={net.service.pk}", data)
    referral = Referral.objects.get()
    assert response.url == f"/partners/referrals/{referral.pk}/"
    assert (referral.status, referral.consent, referral.measure_key) == (
        S.SENT,
        consent,
        measure.key,
    )
    page = client.get(response.url).content.decode()
    assert "Referral sent to National Employment Agency." in page
    assert "Мухаммед Аль-Хасан" in page and "Revoke" in page


def test_referral_without_consent_is_held_and_a_refused_agreement_is_explained(client, net):
    sign_in(client, net.caseworker)
    url = f"/partners/referrals/new/?person={net.person.pk}&service={net.service.pk}"
    assert "will be held until a coordinator decides" in client.get(url).content.decode()
    data = {"purpose": "employment", "deadline": DEADLINE, "consent": ""}
    page = client.post(url, data, follow=True).content.decode()
    assert "Referral held" in page and Referral.objects.get().status == S.HELD
    stranger = ServiceFactory()
    refused = client.get(f"/partners/referrals/new/?person={net.person.pk}&service={stranger.pk}")
    assert refused.status_code == 400
    assert "no partnership agreement in force" in refused.content.decode()
    wrong = client.post(url, {**data, "purpose": "employment", "consent": "999"})
    assert "Select a valid choice" in wrong.content.decode()


def test_partner_and_coordinator_cannot_open_the_referral_form(client, net):
    for user in (net.partner, net.coordinator):
        sign_in(client, user)
        response = client.get(f"/partners/referrals/new/?person={net.person.pk}")
        assert response.status_code in (403, 404)
    sign_in(client, net.caseworker)
    assert client.get("/partners/referrals/new/").status_code == 404


def test_partner_sees_the_referral_answers_it_and_never_the_vulnerabilities(client, net):
    referral = _sent(net)
    sign_in(client, net.partner)
    page = client.get(f"/partners/referrals/{referral.pk}/").content.decode()
    assert "Мухаммед Аль-Хасан" in page and VULNERABILITY_CANARY not in page
    assert "Accept" in page and "Revoke" not in page
    viewed = AuditEvent.objects.filter(actor=net.partner, action=Action.VIEW).get()
    assert viewed.ground == f"referral:{referral.pk}" and viewed.field_groups == "identity"
    move = f"/partners/referrals/{referral.pk}/move/"
    declined = client.post(move, {"status": "declined", "reason": "", "version": 1})
    assert (
        declined.status_code == 400 and "Give the reason or outcome." in declined.content.decode()
    )
    assert client.post(move, {"status": "accepted", "version": 1}).status_code == 302
    stale = client.post(move, {"status": "declined", "reason": "Full", "version": 1})
    assert stale.status_code == 409
    assert "Someone else changed this referral" in stale.content.decode()
    done = client.post(move, {"status": "completed", "reason": "Registered", "version": 2})
    assert done.status_code == 302
    after = client.get(f"/partners/referrals/{referral.pk}/").content.decode()
    assert "Мухаммед Аль-Хасан" not in after and "Registered" in after
    assert Notification.objects.filter(user=net.caseworker).count() == 2


def test_partner_without_identity_sees_no_name_and_another_partner_nothing(client, net):
    net.service.field_groups = ["contact"]
    net.service.save()
    referral = _sent(net)
    sign_in(client, net.partner)
    page = client.get(f"/partners/referrals/{referral.pk}/").content.decode()
    assert "Мухаммед" not in page and "Open the client's record" in page
    inbox = client.get("/partners/inbox/").content.decode()
    assert f"Referral #{referral.pk}" in inbox and "Мухаммед" not in inbox
    sign_in(client, UserFactory(role=Role.PARTNER_STAFF))
    assert client.get(f"/partners/referrals/{referral.pk}/").status_code == 404
    assert client.get("/partners/inbox/").content.decode().count("Referral #") == 0


def test_inbox_filters_pages_and_audits_the_names_listed(client, net):
    referrals = [_sent(net) for _ in range(27)]
    services.move(net.partner, referrals[0], S.ACCEPTED, "", 1)
    sign_in(client, net.partner)
    first = client.get("/partners/inbox/").content.decode()
    assert first.count("Мухаммед Аль-Хасан") == 25 and "Next page" in first
    second = client.get("/partners/inbox/", {"page": 2}).content.decode()
    assert second.count("Referral #") == 2 and "Previous page" in second
    accepted = client.get("/partners/inbox/", {"status": "accepted"}).content.decode()
    assert accepted.count("Referral #") == 1
    listed = AuditEvent.objects.filter(actor=net.partner, action=Action.LIST)
    # The one client is listed once per page shown, with the referrals as the ground.
    assert list(listed.values_list("person_id", flat=True)) == [net.person.pk] * 3
    assert listed.first().ground.startswith("referral:")
    assert client.get("/partners/referrals/").status_code == 403


def test_sender_list_shows_overdue_first(client, net):
    late = _sent(net)
    Referral.objects.filter(pk=late.pk).update(deadline=TODAY - datetime.timedelta(days=3))
    _sent(net)
    sign_in(client, net.caseworker)
    page = client.get("/partners/referrals/").content.decode()
    overdue = page.split('id="overdue-heading"')[1].split('id="all-heading"')[0]
    assert f"Referral #{late.pk}" in overdue and overdue.count("Referral #") == 1
    assert 'class="overdue"' in page


def test_coordinator_sees_held_and_overdue_and_releases_with_a_reason(client, net):
    held = services.create_referral(net.caseworker, net.person, net.service, "employment", DEADLINE)
    sign_in(client, net.coordinator)
    dashboard = client.get("/").content.decode()
    assert "Referrals held for want of consent" in dashboard and f"#{held.pk}" in dashboard
    assert "Overdue referrals across the network" in dashboard
    assert f"Referral #{held.pk}" in client.get("/partners/referrals/held/").content.decode()
    url = f"/partners/referrals/{held.pk}/override/"
    short = client.post(url, {"override-reason": "urgent"})
    assert short.status_code == 400 and "at least 20 characters" in short.content.decode()
    reason = "Legal obligation to register within 30 days"
    assert client.post(url, {"override-reason": reason}).status_code == 302
    held.refresh_from_db()
    assert held.status == S.SENT and held.override_reason == reason
    page = client.get(f"/partners/referrals/{held.pk}/").content.decode()
    assert "Shared without consent by decision of" in page
    sign_in(client, net.caseworker)
    assert client.post(url, {"override-reason": reason}).status_code == 403
    assert client.get("/partners/referrals/held/").status_code == 403


def test_notifications_are_counted_in_the_header_and_read_on_the_list(client, net):
    referral = _sent(net)
    sign_in(client, net.partner)
    header = client.get("/").content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread</span>' in header
    listing = client.get("/partners/notifications/").content.decode()
    assert f"/partners/referrals/{referral.pk}/" in listing and "New" in listing
    assert not Notification.objects.filter(user=net.partner, read_at__isnull=True).exists()
    assert 'class="badge"' not in client.get("/").content.decode()


def test_only_the_clients_own_referral_measures_are_accepted(client, net):
    from pathways.models import Measure
    from pathways.tests.factories import protected_person

    plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    course = Measure.objects.filter(goal__version__plan=plan, type="course").first()
    other = protected_person(organisation=net.centre, given_name="Other")
    sign_in(client, net.caseworker)
    new = "/partners/referrals/new/"
    assert client.get(new, {"person": net.person.pk, "measure": course.pk}).status_code == 404
    assert client.get(new, {"person": other.pk, "measure": measure.pk}).status_code == 404
    assert client.get(new, {"person": net.person.pk, "measure": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("language", "heading", "status"),
    [("ar", "الوارد", "مُرسلة"), ("ro", "Primite", "Trimisă"), ("uk", "Вхідні", "Надіслано")],
)
def test_partner_pages_speak_the_users_language(client, net, language, heading, status):
    _sent(net)
    sign_in(client, net.partner)
    client.cookies["django_language"] = language
    page = client.get("/partners/inbox/").content.decode()
    assert f"<h1>{heading}</h1>" in page and status in page
    assert ('dir="rtl"' in page) is (language == "ar")
