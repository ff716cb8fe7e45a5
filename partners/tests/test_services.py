"""Referral services: the consent and agreement gates, the state machine, outcomes flowing back
to the plan, notifications."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts import policy
from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from partners import selectors, services
from partners.choices import NEEDS_REASON, RECEIVER_MOVES, SENDER_MOVES, TRANSITIONS
from partners.choices import ReferralStatus as S
from partners.models import Notification, Referral
from pathways.choices import MeasureStatus
from pathways.models import MeasureStatusChange

from .factories import SERVICE_GROUPS, consent_to, plan_with_referral_measure

TODAY = timezone.localdate()
DEADLINE = TODAY + datetime.timedelta(days=20)
pytestmark = pytest.mark.django_db


def refer(net, consent=None, **kwargs):
    args = {"purpose": "employment", "deadline": DEADLINE, "note": "", "consent": consent}
    args.update(kwargs)
    return services.create_referral(net.caseworker, net.person, net.service, **args)


def referral_in(net, state) -> Referral:
    return Referral.objects.create(
        person=net.person,
        sender=net.centre,
        sent_by=net.caseworker,
        service=net.service,
        receiver=net.employment,
        agreement=net.agreement,
        purpose="employment",
        deadline=DEADLINE,
        shared_groups=Referral.encode_groups(SERVICE_GROUPS),
        consent=consent_to(net.person, net.employment),
        status=state,
    )


# --- creation: consent and agreement gates ------------------------------------------------


def test_referral_with_a_covering_consent_is_sent_and_the_partner_notified(
    net, django_capture_on_commit_callbacks
):
    consent = consent_to(net.person, net.employment)
    with django_capture_on_commit_callbacks(execute=True):
        referral = refer(net, consent)
    assert referral.status == S.SENT
    assert referral.groups == set(SERVICE_GROUPS) & set(net.agreement.field_groups)
    assert list(referral.events.values_list("status", flat=True)) == [S.SENT]
    notice = Notification.objects.get(user=net.partner)
    assert f"#{referral.pk}" in notice.text and notice.url == f"/partners/referrals/{referral.pk}/"
    assert mail.outbox[0].to == ["ion@anofm.example"]
    assert AuditEvent.objects.filter(detail=f"referral:{referral.pk}", action="create").exists()


def test_a_mail_server_that_is_down_does_not_stop_the_referral(
    net, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def down(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("partners.notifications.send_mail", down)
    with django_capture_on_commit_callbacks(execute=True):
        referral = refer(net, consent_to(net.person, net.employment))
    assert Referral.objects.get() == referral
    assert Notification.objects.filter(user=net.partner).exists()
    assert "Could not e-mail a notification to ion@anofm.example" in caplog.text


def test_a_standing_consent_is_found_without_being_chosen(net):
    consent = consent_to(net.person, net.employment, purpose="Employment")
    assert refer(net).consent == consent


def test_without_consent_the_referral_is_held_and_nobody_is_told(net):
    referral = refer(net)
    assert referral.status == S.HELD and referral.consent is None
    assert not Notification.objects.exists()
    assert not policy.access(net.partner, net.person).groups
    assert list(selectors.inbox(net.partner)) == []


@pytest.mark.parametrize(
    ("problem", "consent_kwargs", "message"),
    [
        ("withdrawn", {"withdrawn_on": TODAY}, "withdrawn or has expired"),
        ("expired", {"expires_on": TODAY - datetime.timedelta(days=1)}, "withdrawn or has expired"),
        ("not yet given", {"given_on": TODAY + datetime.timedelta(days=1)}, "withdrawn"),
        ("other purpose", {"purpose": "housing"}, "given for another purpose"),
        ("uncovered groups", {"groups": ["identity"]}, "does not cover all the data"),
    ],
)
def test_a_chosen_consent_that_does_not_stand_is_refused(net, problem, consent_kwargs, message):
    consent = consent_to(net.person, net.employment, **consent_kwargs)
    with pytest.raises(ValidationError, match=message):
        refer(net, consent)
    assert not Referral.objects.exists()


def test_a_consent_to_another_organisation_is_refused(net):
    consent = consent_to(net.person, net.centre)
    with pytest.raises(ValidationError, match="not given to the receiving organisation"):
        refer(net, consent)


def test_no_agreement_no_referral(net):
    net.agreement.roles.filter(organisation=net.employment).delete()
    with pytest.raises(ValidationError, match="no partnership agreement in force between"):
        refer(net, consent_to(net.person, net.employment))


def test_an_expired_agreement_does_not_count(net):
    net.agreement.valid_to = TODAY - datetime.timedelta(days=1)
    net.agreement.save()
    with pytest.raises(ValidationError) as refused:
        refer(net)
    assert "Chisinau Integration Centre and National Employment Agency" in str(refused.value)


def test_past_deadline_inactive_service_and_foreign_measure_are_refused(net):
    with pytest.raises(ValidationError, match="cannot be in the past"):
        refer(net, deadline=TODAY - datetime.timedelta(days=1))
    other = plan_with_referral_measure(net.caseworker, _other_client(net))[1]
    with pytest.raises(ValidationError, match="another client's plan"):
        refer(net, measure=other)
    net.service.active = False
    net.service.save()
    with pytest.raises(ValidationError, match="no longer takes referrals"):
        refer(net)


def _other_client(net):
    from pathways.tests.factories import protected_person

    return protected_person(organisation=net.centre, given_name="Other")


def test_only_who_may_edit_the_client_refers(net):
    for user in (net.partner, net.coordinator, UserFactory(role=Role.CASEWORKER)):
        with pytest.raises(PermissionDenied):
            services.create_referral(user, net.person, net.service, "employment", DEADLINE)


# --- the state machine ---------------------------------------------------------------------

PAIRS = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("start", "to"), PAIRS)
def test_every_transition_is_allowed_or_refused_as_the_table_says(net, start, to):
    referral = referral_in(net, start)
    actor = net.partner if to in RECEIVER_MOVES else net.caseworker
    if to not in RECEIVER_MOVES | SENDER_MOVES:
        with pytest.raises(PermissionDenied):
            services.move(actor, referral, to, "a reason", referral.version)
        return
    if to in TRANSITIONS.get(start, set()):
        services.move(actor, referral, to, "a reason", referral.version)
        assert referral.status == to and referral.version == 2
        assert referral.events.get().status == to
    else:
        with pytest.raises(ValidationError, match="cannot become"):
            services.move(actor, referral, to, "a reason", referral.version)
        assert Referral.objects.get().status == start


@pytest.mark.parametrize("to", sorted(RECEIVER_MOVES))
def test_the_sender_cannot_answer_for_the_partner(net, to):
    referral = referral_in(net, S.SENT)
    with pytest.raises(PermissionDenied):
        services.move(net.caseworker, referral, to, "reason", referral.version)


def test_the_partner_cannot_revoke_and_another_partner_cannot_answer(net):
    referral = referral_in(net, S.SENT)
    with pytest.raises(PermissionDenied):
        services.move(net.partner, referral, S.REVOKED, "reason", referral.version)
    stranger = UserFactory(role=Role.PARTNER_STAFF)
    with pytest.raises(PermissionDenied):
        services.move(stranger, referral, S.ACCEPTED, "", referral.version)


@pytest.mark.parametrize("to", sorted(NEEDS_REASON))
def test_declining_not_completing_and_revoking_need_a_reason(net, to):
    start = S.SENT if to != S.NOT_COMPLETED else S.ACCEPTED
    referral = referral_in(net, start)
    actor = net.caseworker if to == S.REVOKED else net.partner
    with pytest.raises(ValidationError, match="Give the reason"):
        services.move(actor, referral, to, "  ", referral.version)
    with pytest.raises(ValidationError, match="300 characters"):
        services.move(actor, referral, to, "x" * 301, referral.version)


def test_a_stale_version_is_refused(net):
    referral = referral_in(net, S.SENT)
    services.move(net.partner, referral, S.ACCEPTED, "", 1)
    with pytest.raises(services.StaleReferralError):
        services.move(net.partner, referral, S.DECLINED, "full", 1)
    assert Referral.objects.get().status == S.ACCEPTED


def test_available_moves_per_side(net):
    referral = referral_in(net, S.ACCEPTED)
    assert services.available_moves(net.partner, referral) == [
        S.IN_PROGRESS,
        S.COMPLETED,
        S.NOT_COMPLETED,
    ]
    assert services.available_moves(net.caseworker, referral) == [S.REVOKED]
    assert services.available_moves(net.coordinator, referral) == []


# --- outcomes, overrides, notifications ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "measure_status"),
    [
        ([S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED], MeasureStatus.DONE),
        ([S.ACCEPTED, S.NOT_COMPLETED], MeasureStatus.NOT_DONE),
        ([S.DECLINED], MeasureStatus.NOT_DONE),
        ([S.REVOKED], MeasureStatus.CANCELLED),
    ],
)
def test_the_outcome_flows_back_to_the_plan_measure(net, path, measure_status):
    _plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    referral = refer(net, consent_to(net.person, net.employment), measure=measure)
    measure.refresh_from_db()
    assert (measure.status, measure.fulfilled_by_kind) == (MeasureStatus.IN_PROGRESS, "referral")
    for to in path:
        actor = net.caseworker if to == S.REVOKED else net.partner
        services.move(actor, referral, to, "Registered, job offer", referral.version)
    measure.refresh_from_db()
    assert (measure.status, measure.status_reason) == (measure_status, "Registered, job offer")
    history = MeasureStatusChange.objects.filter(measure_key=measure.key)
    assert list(history.values_list("status", flat=True)) == [
        MeasureStatus.IN_PROGRESS,
        measure_status,
    ]


def test_answers_notify_the_sender_and_a_revocation_the_partner(net):
    referral = refer(net, consent_to(net.person, net.employment))
    services.move(net.partner, referral, S.ACCEPTED, "", referral.version)
    assert Notification.objects.get(user=net.caseworker).text.endswith("Accepted")
    services.move(net.caseworker, referral, S.REVOKED, "Client moved away", referral.version)
    assert Notification.objects.filter(user=net.partner).count() == 2


def test_override_releases_a_held_referral_with_a_reason(net):
    referral = refer(net)
    with pytest.raises(PermissionDenied):
        services.override_consent(net.caseworker, referral, "x" * 30)
    with pytest.raises(ValidationError, match="at least 20 characters"):
        services.override_consent(net.coordinator, referral, "too short")
    services.override_consent(net.coordinator, referral, "Legal obligation: registration deadline")
    assert referral.status == S.SENT and referral.override_by == net.coordinator
    assert policy.access(net.partner, net.person).groups
    assert Notification.objects.filter(user__in=[net.partner, net.caseworker]).count() == 2
    with pytest.raises(ValidationError, match="Only a referral held"):
        services.override_consent(net.coordinator, referral, "Legal obligation: again, twice")


def test_a_held_referral_stays_hidden_from_the_receiver(net):
    referral = refer(net)
    assert not selectors.may_see_referral(net.partner, referral)
    assert selectors.may_see_referral(net.coordinator, referral)
    assert selectors.may_see_referral(net.caseworker, referral)


def test_lists_and_dashboard_selectors(net):
    late = referral_in(net, S.ACCEPTED)
    Referral.objects.filter(pk=late.pk).update(deadline=TODAY - datetime.timedelta(days=2))
    held = refer(net, purpose="job counselling")
    assert list(selectors.overdue(net.caseworker, TODAY)) == [late]
    assert list(selectors.overdue(net.coordinator, TODAY)) == [late]
    assert list(selectors.held_for_override(net.coordinator)) == [held]
    assert list(selectors.held_for_override(net.caseworker)) == []
    assert set(selectors.referrals_for(net.coordinator)) == {late, held}
    assert list(selectors.referrals_for(net.partner)) == [late]
    assert set(selectors.referrals_for(net.caseworker)) == {late, held}
    assert selectors.dashboard(net.coordinator, TODAY)["held"] == [held]
    with pytest.raises(PermissionDenied):
        selectors.inbox(net.caseworker)
