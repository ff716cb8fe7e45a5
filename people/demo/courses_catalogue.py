"""The demo course catalogue and teachers, created idempotently through the ORM.

Romanian A1, A2 and B1, literacy in the Latin script and civic orientation in Chișinău, Bălți
and Cahul, all under Moldova's programme; a German integration course and a values course under
Austria's for scenario 4. Every course meets its programme's quality criteria: curriculum hours,
a final exam where required, teachers holding the required qualification over every group.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from accounts.models import Organisation, Role, User
from courses.models import Course, CourseType, Curriculum, CurriculumModule, TeacherQualification

from .context import REGIONS

# code: (kind, name, target level, curriculum modules (title, hours), ends with an exam)
TYPES = {
    "ro-a1": ("host_language", "Romanian for beginners (A1)", "A1", (
        ("Letters, sounds and greetings", 20), ("Family, home and daily routine", 40),
        ("Shopping, transport and the town", 40), ("Health, services and public offices", 40),
        ("Work and training", 30), ("Revision and exam preparation", 10),
    ), True),
    "ro-a2": ("host_language", "Romanian, elementary (A2)", "A2", (
        ("Everyday conversations", 40), ("Reading notices and forms", 40),
        ("At the doctor, school and town hall", 40), ("Looking for work", 40),
        ("Revision and exam preparation", 20),
    ), True),
    "ro-b1": ("host_language", "Romanian, intermediate (B1)", "B1", (
        ("News, media and society", 40), ("Writing letters and applications", 40),
        ("Working life and interviews", 50), ("Culture and literature", 30),
        ("Revision and exam preparation", 20),
    ), True),
    "literacy": ("literacy", "Literacy in the Latin script", "", (
        ("Letters and sounds", 30), ("Reading short texts", 30),
        ("Writing forms and messages", 20),
    ), False),
    "civic-md": ("civic_orientation", "Cultural and civic orientation in Moldova", "", (
        ("Rights and duties of foreigners", 4), ("Health, education and employment services", 4),
        ("History, culture and traditions", 2),
    ), False),
    "de-a2": ("host_language", "German integration course (A1 to A2)", "A2", (
        ("Basics and everyday life (A1)", 150), ("Work, housing and authorities (A2)", 130),
        ("Exam preparation", 20),
    ), True),
    "values-at": ("civic_orientation", "Values and orientation course (Austria)", "", (
        ("Democracy, the rule of law and fundamental rights", 4),
        ("Equality, coexistence and everyday life", 4),
    ), False),
}  # fmt: skip
# key: (type, title, region, programme, programme module, capacity, schedule)
_CENTRE_ADDRESS = {"Chișinău": "Integration Centre Chișinău, str. Tighina 40"}
_CENTRE_ADDRESS |= {"Bălți": "Integration Centre Bălți, str. Independenței 12"}
_CENTRE_ADDRESS |= {"Cahul": "Integration Centre Cahul, str. Republicii 5"}
_SCHOOL = "Limba Noastră Language School, str. București 68, Chișinău"
SLUG = {"Chișinău": "chisinau", "Bălți": "balti", "Cahul": "cahul"}


@dataclass(frozen=True)
class Schedule:
    weekdays: tuple[int, ...]  # Monday = 0; the first of them starts an intake
    sessions: int
    hours: float
    starts: tuple[int, ...]  # minutes after midnight, by parallel group (mornings, afternoons)
    frequent: bool = False  # intakes twice as often as the other courses (short courses)


ROMANIAN = Schedule((0, 2, 4), 36, 5.0, (9 * 60, 14 * 60 + 30))
LITERACY = Schedule((1, 3), 16, 5.0, (9 * 60, 14 * 60 + 30))
CIVIC = Schedule((5,), 2, 5.0, (9 * 60,), frequent=True)
GERMAN = Schedule((0, 1, 2, 3), 75, 4.0, (9 * 60,))
VALUES = Schedule((5,), 2, 4.0, (9 * 60,), frequent=True)

COURSES: dict[str, tuple] = {}
for _region, _slug in SLUG.items():
    for _level in ("a1", "a2", "b1"):
        COURSES[f"ro-{_level}-{_slug}"] = (
            f"ro-{_level}", f"Romanian {_level.upper()} – {_region}", _region, "md-integration",
            "md-romanian", 15, ROMANIAN,
        )  # fmt: skip
    COURSES[f"literacy-{_slug}"] = (
        "literacy", f"Literacy in the Latin script – {_region}", _region, "md-integration", "", 12,
        LITERACY,
    )  # fmt: skip
    COURSES[f"civic-{_slug}"] = (
        "civic-md", f"Cultural and civic orientation – {_region}", _region, "md-integration",
        "md-orientation", 15, CIVIC,
    )  # fmt: skip
COURSES["de-a2-chisinau"] = (
    "de-a2", "German integration course A1–A2 – Chișinău", "Chișinău", "at-integration-law",
    "at-german", 16, GERMAN,
)  # fmt: skip
COURSES["values-chisinau"] = (
    "values-at", "Values and orientation course – Chișinău", "Chișinău", "at-integration-law",
    "at-values", 16, VALUES,
)  # fmt: skip

QUALIFICATIONS = {
    "adult-education": "Certificate in adult education",
    "second-language-teaching": "Teaching Romanian and German as a second language",
}
TEACHER_NAMES = (
    ("Ludmila", "Ciobanu"), ("Vasile", "Rotaru"), ("Tatiana", "Bivol"), ("Corina", "Grosu"),
    ("Mihai", "Ursu"), ("Svetlana", "Cebotari"), ("Doina", "Lupu"), ("Petru", "Cazacu"),
    ("Olga", "Botnaru"), ("Veronica", "Țurcan"), ("Alexandru", "Gușan"), ("Galina", "Melnic"),
)  # fmt: skip


@dataclass(frozen=True)
class DemoCourse:
    id: int
    key: str
    title: str
    kind: str
    level: str
    region: str
    programme: str
    capacity: int
    schedule: Schedule
    final_exam: bool
    topics: tuple[str, ...]  # one per session, following the curriculum's modules


def _topics(modules: tuple, schedule: Schedule) -> tuple[str, ...]:
    topics = []
    for title, hours in modules:
        topics += [title] * max(1, round(hours / schedule.hours))
    topics += [topics[-1]] * schedule.sessions
    return tuple(topics[: schedule.sessions])


@transaction.atomic
def ensure_catalogue(provider: Organisation) -> dict[str, DemoCourse]:
    courses = {}
    types = {}
    for code, (kind, name, level, modules, exam) in TYPES.items():
        course_type, _ = CourseType.objects.update_or_create(
            code=code, defaults={"kind": kind, "name": name, "target_level": level}
        )
        curriculum, created = Curriculum.objects.get_or_create(
            course_type=course_type, title=name, version="2024", defaults={"final_exam": exam}
        )
        if created:
            for position, (title, hours) in enumerate(modules, start=1):
                CurriculumModule.objects.create(
                    curriculum=curriculum, position=position, title=title, hours=hours
                )
        types[code] = (course_type, curriculum, modules)
    for key, (code, title, region, programme, module, capacity, schedule) in COURSES.items():
        course_type, curriculum, modules = types[code]
        language = "de" if programme.startswith("at-") else "ro"
        course, _ = Course.objects.update_or_create(
            provider=provider,
            title=title,
            defaults={
                "course_type": course_type,
                "curriculum": curriculum,
                "language": language,
                "target_level": course_type.target_level,
                "delivery": "in_person",
                "location": _SCHOOL if region == "Chișinău" else _CENTRE_ADDRESS[region],
                "region": region,
                "time_zone": "Europe/Chisinau",
                "module_code": module,
                "active": True,
            },
        )
        courses[key] = DemoCourse(
            course.pk, key, title, course_type.kind, course_type.target_level, region,
            programme, capacity, schedule, curriculum.final_exam, _topics(modules, schedule),
        )  # fmt: skip
    return courses


def _qualify(user: User, codes: tuple[str, ...], issued: date) -> None:
    for code in codes:
        TeacherQualification.objects.get_or_create(
            teacher=user,
            code=code,
            defaults={"title": QUALIFICATIONS[code], "issued_on": issued, "expires_on": None},
        )


@transaction.atomic
def ensure_teachers(demo_teacher: User, per_region: dict[str, int]) -> dict[str, list[int]]:
    """Qualify the demo teacher and make `per_region[region]` more teachers in each region
    (they sign in with the demo teacher's password); returns teacher ids by region."""
    _qualify(demo_teacher, tuple(QUALIFICATIONS), date(2012, 9, 1))
    pool: dict[str, list[int]] = {}
    for n_region, region in enumerate(REGIONS.values()):
        pool[region] = []
        for n in range(per_region[region]):
            first, last = TEACHER_NAMES[(n_region * 5 + n) % len(TEACHER_NAMES)]
            username = f"teacher-{SLUG[region]}-{n + 1:03d}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, first_name=first, last_name=last)
                user.password = demo_teacher.password
                user.email = f"{username}@integra.example.org"
            user.role, user.organisation_id = Role.TEACHER, demo_teacher.organisation_id
            user.save()
            _qualify(user, ("adult-education",), date(2010 + n % 3, 9, 1))
            pool[region].append(user.pk)
    return pool
