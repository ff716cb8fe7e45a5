import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory

from .factories import GroupFactory, austrian_plan


@pytest.fixture
def group(db):
    return GroupFactory()


@pytest.fixture
def caseworker(db):
    from pathways.tests.scenarios import austrian_centre

    return UserFactory(role=Role.CASEWORKER, organisation=austrian_centre())


@pytest.fixture
def client_plan(caseworker):
    """(caseworker, plan, German course measure) of an Eritrean client in Vienna."""
    return austrian_plan(caseworker)
