"""Courses of scenario 4 (Austria): a German A2 integration course and its providers."""

import datetime

import factory
from django.utils import timezone

from accounts.models import OrganisationType, Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from courses.choices import CourseKind, Delivery, GroupStatus
from courses.models import (
    Course,
    CourseGroup,
    CourseType,
    Curriculum,
    CurriculumModule,
    Session,
    TeacherQualification,
)
from pathways import plans
from pathways.models import Measure
from pathways.tests.factories import AssessmentFactory
from pathways.tests.scenarios import austrian_centre, eritrean_client

TODAY = timezone.localdate()
AT = "at-integration-law"
QUALIFICATION = "second-language-teaching"


class ProviderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Sprachschule {n}")
    type = OrganisationType.COURSE_PROVIDER
    region = "Wien"
    country = "AT"


class CourseTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseType

    code = factory.Sequence(lambda n: f"german-a2-{n}")
    kind = CourseKind.HOST_LANGUAGE
    name = "German up to A2"
    target_level = "A2"


class CurriculumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Curriculum
        skip_postgeneration_save = True

    course_type = factory.SubFactory(CourseTypeFactory)
    title = "ÖIF German A1–A2 framework curriculum"
    final_exam = True

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        if create:
            for position, (title, hours) in enumerate(
                [("Everyday life", 150), ("Work and learning", 100), ("Exam preparation", 50)],
                start=1,
            ):
                CurriculumModule.objects.create(
                    curriculum=obj, position=position, title=title, hours=hours
                )


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    provider = factory.SubFactory(ProviderFactory)
    course_type = factory.SelfAttribute("curriculum.course_type")
    curriculum = factory.SubFactory(CurriculumFactory)
    title = "German A2 integration course"
    language = "de"
    target_level = "A2"
    delivery = Delivery.IN_PERSON
    location = "Mariahilfer Straße 1, 1060 Wien"
    region = "Wien"
    time_zone = "Europe/Vienna"
    module_code = "at-german"


def teacher(organisation, qualified: bool = True, **kwargs):
    user = UserFactory(role=Role.TEACHER, organisation=organisation, **kwargs)
    if qualified:
        TeacherQualification.objects.create(
            teacher=user, code=QUALIFICATION, issued_on=datetime.date(2020, 1, 1)
        )
    return user


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseGroup

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"DE-A2-{n:03d}")
    teacher = factory.LazyAttribute(lambda g: teacher(g.course.provider))
    programme_id = AT
    start_date = factory.LazyFunction(lambda: TODAY - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: TODAY + datetime.timedelta(days=120))
    capacity = 3
    status = GroupStatus.OPEN


def session(group, days_ago: int = 1, **kwargs) -> Session:
    values = {
        "date": TODAY - datetime.timedelta(days=days_ago),
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(12, 0),
        "hours": 3,
        "topic": "Im Supermarkt",
    } | kwargs
    return Session.objects.create(group=group, **values)


def austrian_plan(caseworker=None, person=None):
    """An Eritrean client with a proposed Austrian plan, its caseworker and German measure."""
    if person is None:
        person = eritrean_client(caseworker.organisation if caseworker else austrian_centre())
    if caseworker is None:
        caseworker = UserFactory(organisation=person.organisation)
    person.caseworker = caseworker
    person.save(update_fields=["caseworker"])
    assessment = AssessmentFactory(person=person)
    plan = plans.propose(caseworker, assessment, AT, TODAY - datetime.timedelta(days=60))
    measure = Measure.objects.get(goal__version__plan=plan, module_code="at-german")
    return caseworker, plan, measure
