import datetime

import factory

from pathways.models import Assessment
from people.tests.factories import LegalStatusFactory, PersonFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SelfAttribute("person.organisation")
    assessed_on = datetime.date(2026, 1, 10)
    reading = "A0"
    listening = "A1"
    writing = "A0"
    speaking = "A1"
    isced_level = "3"
    has_work_experience = True
    occupation_isco = "7115"
    employment_goal = "Carpenter"
    housing = "reception_centre"
    qualifications_to_recognise = 1


def protected_person(status_type: str = "international_protection", **kwargs):
    person = PersonFactory(**kwargs)
    LegalStatusFactory(person=person, status_type=status_type, valid_from=datetime.date(2025, 6, 1))
    return person
