import datetime

import factory

from accounts.tests.factories import OrganisationFactory
from people import models
from people.choices import Sex, StatusType, VulnerabilityKind
from people.services import refresh_name_keys


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person
        skip_postgeneration_save = True

    given_name = "Мухаммед"
    family_name = "Аль-Хасан"
    given_name_latin = "Muhammad"
    family_name_latin = "Al-Hassan"
    sex = Sex.MALE
    birth_date = datetime.date(1988, 4, 12)
    country_of_birth = "SY"
    phone = "+373 69 123 456"
    email = "m.alhassan@example.org"
    organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def keys(obj, create, extracted, **kwargs):
        if create:
            refresh_name_keys(obj)


class LegalStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LegalStatus

    person = factory.SubFactory(PersonFactory)
    status_type = StatusType.INTERNATIONAL_PROTECTION
    valid_from = datetime.date(2025, 3, 1)
    issuing_authority = "Bureau for Migration and Asylum"


class VulnerabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vulnerability

    person = factory.SubFactory(PersonFactory)
    kind = VulnerabilityKind.TORTURE_SURVIVOR
    note = "Needs psychosocial support"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.IdentityDocument

    person = factory.SubFactory(PersonFactory)
    type = "passport"
    number = factory.Sequence(lambda n: f"N{n:07d}")
    issuing_country = "SY"
