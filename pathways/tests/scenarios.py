"""Clients and organisations of scenarios 4 (Austria) and 5 (Romania), for view and browser
tests."""

import datetime

from accounts.models import OrganisationType
from accounts.tests.factories import OrganisationFactory
from people.tests.factories import LegalStatusFactory, PersonFactory


def romanian_centre():
    return OrganisationFactory(
        name="Regional Centre for Integration Timișoara",
        country="RO",
        region="Timiș",
        address="Str. Gheorghe Lazăr 10, Timișoara",
        phone="+40 256 000 111",
        email="crit@example.ro",
    )


def iraqi_client(organisation):
    person = PersonFactory(
        organisation=organisation,
        given_name="أحمد",
        family_name="الجبوري",
        given_name_latin="Ahmed",
        family_name_latin="Al-Jubouri",
        country_of_birth="IQ",
        birth_date=datetime.date(1985, 3, 2),
    )
    LegalStatusFactory(
        person=person,
        status_type="international_protection",
        valid_from=datetime.date(2025, 9, 1),
        issuing_authority="General Inspectorate for Immigration",
    )
    return person


def ministry_of_education():
    return OrganisationFactory(
        name="Ministry of Education", type=OrganisationType.LINE_MINISTRY, country="RO"
    )


def austrian_centre():
    return OrganisationFactory(
        name="Integrationszentrum Wien",
        country="AT",
        region="Wien",
        address="Landstraßer Hauptstraße 26, 1030 Wien",
        phone="+43 1 000 0000",
        email="wien@example.at",
    )


def eritrean_client(organisation):
    person = PersonFactory(
        organisation=organisation,
        given_name="ተስፋይ",
        family_name="ሃብተ",
        given_name_latin="Tesfay",
        family_name_latin="Habte",
        country_of_birth="ER",
        birth_date=datetime.date(1994, 7, 15),
    )
    LegalStatusFactory(
        person=person,
        status_type="subsidiary_protection",
        valid_from=datetime.date(2025, 10, 1),
        issuing_authority="Federal Office for Immigration and Asylum",
    )
    return person
