import pytest

from accounts.models import OrganisationType, Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from pathways.tests.factories import protected_person
from people.tests.factories import VulnerabilityFactory

from .factories import ServiceFactory, agreement_between

VULNERABILITY_CANARY = "Canary: survivor of torture, sensitive"


class Net:
    """A Chisinau integration centre, its caseworker and client, the employment agency with an
    agreement and a job-matching service, a partner there and the coordinator."""

    def __init__(self):
        self.centre = OrganisationFactory(name="Chisinau Integration Centre")
        self.caseworker = UserFactory(
            role=Role.CASEWORKER, organisation=self.centre, username="caseworker-ana"
        )
        self.person = protected_person(organisation=self.centre)
        VulnerabilityFactory(person=self.person, note=VULNERABILITY_CANARY)
        self.employment = OrganisationFactory(
            name="National Employment Agency", type=OrganisationType.EMPLOYMENT_OFFICE
        )
        self.service = ServiceFactory(organisation=self.employment)
        self.agreement = agreement_between(self.centre, self.employment)
        self.partner = UserFactory(
            role=Role.PARTNER_STAFF,
            organisation=self.employment,
            username="partner-ion",
            email="ion@anofm.example",
        )
        coordination = OrganisationFactory(
            name="Bureau for Migration and Asylum", type=OrganisationType.COORDINATING_AUTHORITY
        )
        self.coordinator = UserFactory(
            role=Role.COORDINATOR, organisation=coordination, username="coordinator-maria"
        )


@pytest.fixture
def net(db):
    return Net()
