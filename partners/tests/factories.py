import datetime

import factory

from accounts.models import OrganisationType
from accounts.tests.factories import OrganisationFactory
from partners.models import Agreement, AgreementParty, Service

SERVICE_GROUPS = ["identity", "contact", "education_work"]


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(
        OrganisationFactory,
        type=OrganisationType.EMPLOYMENT_OFFICE,
        name=factory.Sequence(lambda n: f"Employment Agency {n}"),
    )
    name = "Job matching and registration"
    area = "employment"
    region = "Chișinău"
    languages = "ro,ru,en"
    capacity = 40
    waiting_days = 7
    field_groups = SERVICE_GROUPS


def agreement_between(*organisations, groups=None, valid_to=None) -> Agreement:
    agreement = Agreement.objects.create(
        title="Memorandum on employment of beneficiaries of protection",
        scope="Registration, counselling and job matching",
        purpose="employment",
        field_groups=groups or ["identity", "contact", "legal_status", "education_work"],
        valid_from=datetime.date(2025, 1, 1),
        valid_to=valid_to,
    )
    for organisation in organisations:
        AgreementParty.objects.create(agreement=agreement, organisation=organisation, role="party")
    return agreement


def consent_to(person, organisation, purpose="employment", groups=None, **dates):
    """A consent of `person` to `organisation`, given a month ago unless told otherwise."""
    from django.utils import timezone

    from people.models import Consent

    today = timezone.localdate()
    return Consent.objects.create(
        person=person,
        purpose=purpose,
        recipient=organisation,
        field_groups=list(groups or SERVICE_GROUPS),
        given_on=dates.pop("given_on", today - datetime.timedelta(days=30)),
        **dates,
    )


def plan_with_referral_measure(caseworker, person, area="employment"):
    """A Romanian plan proposed for `person`, and its referral measure in `area`."""
    from django.utils import timezone

    from pathways import plans
    from pathways.models import Measure
    from pathways.tests.factories import AssessmentFactory

    assessment = AssessmentFactory(person=person, organisation=person.organisation)
    plan = plans.propose(caseworker, assessment, "ro-integration", timezone.localdate())
    measure = Measure.objects.get(goal__version__plan=plan, type="referral", goal__area=area)
    return plan, measure
