"""Scenario 1 (Moldova) at the service level: the integration centre refers one client to three
partners (employment agency, Ministry of Education for diploma recognition, NGO "Memoria" for
psychosocial support); each sees only what its referral shares, answers, and the outcomes flow
back to the plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts import policy
from accounts.models import OrganisationType, Role
from accounts.policy import FieldGroup as G
from accounts.tests.factories import OrganisationFactory, UserFactory
from partners import selectors, services
from partners.choices import ReferralStatus as S
from partners.models import Notification
from pathways import plans
from pathways.choices import MeasureStatus
from pathways.models import Measure
from pathways.tests.factories import AssessmentFactory

from .factories import ServiceFactory, agreement_between, consent_to

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()

PARTNERS = {
    # key: (organisation type, area, purpose, groups the service needs)
    "employment": (
        OrganisationType.EMPLOYMENT_OFFICE,
        "employment",
        "employment",
        [G.IDENTITY, G.CONTACT, G.EDUCATION_WORK],
    ),
    "recognition": (
        OrganisationType.LINE_MINISTRY,
        "education",
        "diploma recognition",
        [G.IDENTITY, G.EDUCATION_WORK],
    ),
    "psychosocial": (
        OrganisationType.NGO,
        "health",
        "psychosocial support",
        [G.IDENTITY, G.CONTACT, G.VULNERABILITIES],
    ),
}
NAMES = {
    "employment": "National Employment Agency",
    "recognition": "Ministry of Education",
    "psychosocial": "NGO Memoria",
}


@pytest.fixture
def network(net):
    partners = {}
    for key, (kind, area, purpose, groups) in PARTNERS.items():
        organisation = OrganisationFactory(name=f"{NAMES[key]} (MD)", type=kind)
        service = ServiceFactory(organisation=organisation, area=area, field_groups=groups)
        agreement = agreement_between(net.centre, organisation, groups=groups)
        agreement.purpose = purpose
        agreement.save()
        consent_to(net.person, organisation, purpose=purpose, groups=groups)
        staff = UserFactory(role=Role.PARTNER_STAFF, organisation=organisation)
        partners[key] = {"service": service, "staff": staff, "purpose": purpose, "groups": groups}
    return partners


def _measures(net):
    assessment = AssessmentFactory(person=net.person, psychosocial_needs=True)
    plan = plans.propose(net.caseworker, assessment, "ro-integration", TODAY)
    referrals = Measure.objects.filter(goal__version__plan=plan, type="referral")
    return {
        "employment": referrals.get(goal__area="employment"),
        "psychosocial": referrals.get(goal__area="health"),
    }


def test_one_client_three_partners_each_sees_only_its_share(net, network):
    measures = _measures(net)
    referrals = {}
    for key, partner in network.items():
        referrals[key] = services.create_referral(
            net.caseworker,
            net.person,
            partner["service"],
            partner["purpose"],
            TODAY + datetime.timedelta(days=30),
            measure=measures.get(key),
        )
        assert referrals[key].status == S.SENT, key

    for key, partner in network.items():
        staff = partner["staff"]
        assert list(selectors.inbox(staff)) == [referrals[key]]
        assert policy.access(staff, net.person).groups == set(partner["groups"])
        assert Notification.objects.filter(user=staff).count() == 1
    assert G.VULNERABILITIES not in policy.access(network["employment"]["staff"], net.person).groups
    assert G.CONTACT not in policy.access(network["recognition"]["staff"], net.person).groups

    outcomes = {
        "employment": [(S.ACCEPTED, ""), (S.COMPLETED, "Registered; job offer as carpenter")],
        "recognition": [(S.ACCEPTED, ""), (S.IN_PROGRESS, ""), (S.COMPLETED, "Diploma recognised")],
        "psychosocial": [(S.DECLINED, "No therapist speaking Arabic until spring")],
    }
    for key, steps in outcomes.items():
        referral = referrals[key]
        for to, reason in steps:
            services.move(network[key]["staff"], referral, to, reason, referral.version)
        # Once the referral is closed the partner sees the client no more.
        assert not policy.access(network[key]["staff"], net.person).groups

    done = {key: Measure.objects.get(pk=m.pk) for key, m in measures.items()}
    assert done["employment"].status == MeasureStatus.DONE
    assert done["psychosocial"].status == MeasureStatus.NOT_DONE
    assert done["psychosocial"].status_reason == "No therapist speaking Arabic until spring"
    sender_notices = Notification.objects.filter(user=net.caseworker)
    assert sender_notices.count() == 2 + 3 + 1  # every answer of every partner


def test_a_partner_cannot_move_another_partners_referral(net, network):
    referral = services.create_referral(
        net.caseworker,
        net.person,
        network["recognition"]["service"],
        "diploma recognition",
        TODAY + datetime.timedelta(days=30),
    )
    with pytest.raises(PermissionDenied):
        services.move(network["employment"]["staff"], referral, S.ACCEPTED, "", referral.version)
    assert not selectors.may_see_referral(network["psychosocial"]["staff"], referral)
