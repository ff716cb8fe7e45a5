"""The fixed, findable cases of shared/SCENARIOS.md, seeded before the random population.

1. A Syrian family of five with international protection at the Chișinău centre: the father a
   carpenter and survivor of torture, the mother a primary-school teacher whose diploma awaits
   recognition.
3. A Ukrainian accountant with two children under temporary protection (Bălți centre).
4. An Eritrean man with subsidiary (humanitarian) protection whose wife and daughter wait abroad.
Cases 2, 5, 6 and 7 follow (scenarios_abroad.py); scenario_cases.py gives every case its plans,
referrals and courses.

Document numbers use series that generated people never get, so each finds exactly one person.
"""

from accounts.policy import FieldGroup as G
from people.choices import DocumentType as D
from people.choices import Recognition, Relationship, Sex
from people.choices import StatusType as S

from .scenarios_abroad import abroad_households
from .specs import HouseholdSpec, PersonSpec, groups

SYRIAN_FATHER = ("محمد", "الحسن", "Mohamed", "Al-Hassan")
UKRAINIAN_MOTHER = ("Оксана", "Коваленко", "Oksana", "Kovalenko")
ERITREAN_MAN = ("ተስፋይ", "ገብረመድህን", "Tesfay", "Gebremedhin")
SYRIAN_FATHER_PASSPORT = "N017734512"
SYRIAN_FATHER_BIRTH_DATE = "1984-05-17"

_ASYLUM = (S.ASYLUM_SEEKER, "", "2024-09-02", "2025-03-01")
_REFUGEE = (S.INTERNATIONAL_PROTECTION, "", "2025-03-01", None)
_TP = [
    (S.TEMPORARY_PROTECTION, "", "2024-03-01", "2025-03-01"),
    (S.TEMPORARY_PROTECTION, "", "2025-03-01", "2026-03-01"),
]
_JOBS = ("Registration as a job seeker and job matching", "nea")
_SCHOOL = ("School or kindergarten enrolment", "school")
_RECOGNITION = ("Recognition of foreign diplomas", "min_education")
_COURSE = ("Enrolment in a Romanian language course", "courses")
_JOB_GROUPS = groups(G.IDENTITY, G.CONTACT, G.EDUCATION_WORK)
_SCHOOL_GROUPS = groups(G.IDENTITY, G.CONTACT, G.FAMILY)


def _person(names: tuple[str, str, str, str], sex: str, born: str, **fields) -> PersonSpec:
    given, family, given_latin, family_latin = names
    return PersonSpec(given, family, given_latin, family_latin, sex, born, **fields)


def _syrian_child(given: str, latin: str, sex: str, born: str, n: int, school: bool):
    return _person(
        (given, "الحسن", latin, "Al-Hassan"),
        sex,
        born,
        country_of_birth="SY",
        host_level="A1" if school else "A0",
        relationship=Relationship.CHILD,
        citizenships=["SY"],
        languages=[("ar", "", True)],
        documents=[
            (D.BIRTH_CERTIFICATE, f"SY-BC-2209{n}", "SY", None, None),
            (D.RESIDENCE_PERMIT, f"RP-2025-0318{n}", "MD", "2025-03-12", "2030-03-11"),
        ],
        statuses=[_ASYLUM, _REFUGEE],
        consents=[(*_SCHOOL, _SCHOOL_GROUPS, "2025-03-20", None, None)] if school else [],
    )


def syrian_family() -> HouseholdSpec:
    father = _person(
        SYRIAN_FATHER,
        Sex.MALE,
        SYRIAN_FATHER_BIRTH_DATE,
        country_of_birth="SY",
        phone="+373 69 410 227",
        email="mohamed.alhassan@example.org",
        relationship=Relationship.HEAD,
        citizenships=["SY"],
        languages=[("ar", "", True), ("ru", "A2", False)],
        documents=[
            (D.PASSPORT, SYRIAN_FATHER_PASSPORT, "SY", "2019-06-11", "2025-06-10"),
            (D.RESIDENCE_PERMIT, "RP-2025-03181", "MD", "2025-03-12", "2030-03-11"),
        ],
        statuses=[_ASYLUM, _REFUGEE],
        education=[("3", "Carpentry and joinery", "SY", 2002)],
        qualifications=[("Vocational certificate in carpentry and joinery", "SY", "not_requested")],
        work=[("7115", "Carpenters and joiners", "SY", 15)],
        vulnerabilities=[
            (
                "torture_survivor",
                "Survivor of torture in detention. Psychosocial support by NGO Memoria.",
                "2025-03-20",
            )
        ],
        consents=[
            (
                "Medical and psychosocial rehabilitation",
                "memoria",
                groups(G.IDENTITY, G.CONTACT, G.VULNERABILITIES),
                "2025-03-20",
                None,
                None,
            ),
            (*_JOBS, _JOB_GROUPS, "2025-03-20", None, None),
        ],
    )
    mother = _person(
        ("فاطمة", "الأحمد", "Fatima", "Al-Ahmad"),
        Sex.FEMALE,
        "1987-02-03",
        country_of_birth="SY",
        phone="+373 69 410 228",
        relationship=Relationship.SPOUSE,
        citizenships=["SY"],
        languages=[("ar", "", True), ("en", "A2", False)],
        documents=[
            (D.PASSPORT, "N017734498", "SY", "2019-06-11", "2025-06-10"),
            (D.RESIDENCE_PERMIT, "RP-2025-03182", "MD", "2025-03-12", "2030-03-11"),
        ],
        statuses=[_ASYLUM, _REFUGEE],
        education=[("6", "Primary education (teacher training)", "SY", 2009)],
        qualifications=[
            ("Bachelor's degree in primary education (class teacher)", "SY", Recognition.PENDING)
        ],
        work=[("2341", "Primary school teachers", "SY", 9)],
        consents=[
            (*_RECOGNITION, groups(G.IDENTITY, G.EDUCATION_WORK), "2025-03-20", None, None),
            (*_JOBS, _JOB_GROUPS, "2025-03-20", None, None),
        ],
    )
    children = [
        _syrian_child("عمر", "Omar", Sex.MALE, "2014-10-02", 3, school=True),
        _syrian_child("لين", "Leen", Sex.FEMALE, "2017-06-21", 4, school=True),
        _syrian_child("يوسف", "Youssef", Sex.MALE, "2021-12-09", 5, school=False),
    ]
    return HouseholdSpec(
        centre="centre_chisinau",
        municipality="Chișinău",
        address="str. Alba Iulia 75, ap. 12, Chișinău",
        registered="2025-03-10",
        members=[father, mother, *children],
        note="Scenario 1: family with international protection; housing offer pending.",
        scenario=1,
    )


def ukrainian_family() -> HouseholdSpec:
    mother = _person(
        UKRAINIAN_MOTHER,
        Sex.FEMALE,
        "1989-08-24",
        country_of_birth="UA",
        host_level="A2",
        phone="+373 79 550 318",
        email="oksana.kovalenko@example.net",
        relationship=Relationship.HEAD,
        citizenships=["UA"],
        languages=[("uk", "", True), ("ru", "C2", False), ("en", "B1", False), ("ro", "A2", False)],
        documents=[
            (D.PASSPORT, "FT482913", "UA", "2018-04-02", "2028-04-01"),
            (D.NATIONAL_ID, "008472615", "UA", "2019-09-12", "2029-09-11"),
            (D.RESIDENCE_PERMIT, "TP-24-00917", "MD", "2024-03-15", "2026-03-01"),
        ],
        statuses=list(_TP),
        education=[("7", "Accounting and taxation", "UA", 2011)],
        qualifications=[("Master's degree in accounting and audit", "UA", Recognition.PENDING)],
        work=[("2411", "Accountants", "UA", 12)],
        vulnerabilities=[("single_parent", "", "2024-03-15")],
        consents=[
            (*_COURSE, _JOB_GROUPS, "2024-03-15", None, None),
            (*_JOBS, _JOB_GROUPS, "2024-04-02", None, None),
            (*_RECOGNITION, groups(G.IDENTITY, G.EDUCATION_WORK), "2024-06-10", None, None),
        ],
    )
    children = [
        _person(
            (given, "Коваленко", latin, "Kovalenko"),
            sex,
            born,
            country_of_birth="UA",
            host_level=level,
            relationship=Relationship.CHILD,
            citizenships=["UA"],
            languages=[("uk", "", True), ("ru", "B2", False), ("ro", level, False)],
            documents=[(D.BIRTH_CERTIFICATE, number, "UA", None, None)],
            statuses=list(_TP),
            consents=[(*_SCHOOL, _SCHOOL_GROUPS, "2024-03-20", None, None)],
        )
        for given, latin, sex, born, level, number in [
            ("Софія", "Sofiia", Sex.FEMALE, "2015-04-11", "B1", "І-ЖС 418207"),
            ("Максим", "Maksym", Sex.MALE, "2019-11-30", "A1", "І-ЖС 529318"),
        ]
    ]
    return HouseholdSpec(
        centre="centre_balti",
        municipality="Bălți",
        address="str. Ștefan cel Mare 112, ap. 40, Bălți",
        registered="2024-03-15",
        members=[mother, *children],
        note="Scenario 3: temporary protection; evening Romanian course, childcare needed.",
        scenario=3,
    )


def eritrean_man() -> HouseholdSpec:
    man = _person(
        ERITREAN_MAN,
        Sex.MALE,
        "1993-01-01",
        birth_precision="year",
        country_of_birth="ER",
        host_level="A1",
        phone="+373 68 207 904",
        relationship=Relationship.HEAD,
        citizenships=["ER"],
        languages=[("ti", "", True), ("en", "A2", False), ("ar", "A1", False), ("ro", "A1", False)],
        documents=[
            (D.RESIDENCE_PERMIT, "HP-2025-00773", "MD", "2025-01-20", "2027-01-15"),
            (D.TRAVEL_DOCUMENT, "TD-25-0311", "MD", "2025-02-03", "2027-01-15"),
        ],
        statuses=[
            (S.ASYLUM_SEEKER, "", "2024-05-02", "2025-01-15"),
            (S.SUBSIDIARY_PROTECTION, "humanitarian", "2025-01-15", "2027-01-15"),
        ],
        education=[("2", "", "ER", 2008)],
        work=[
            ("8322", "Car, taxi and van drivers", "ER", 6),
            ("6111", "Field crop and vegetable growers", "ER", 4),
        ],
        consents=[(*_COURSE, _JOB_GROUPS, "2025-02-10", None, None)],
    )
    return HouseholdSpec(
        centre="centre_chisinau",
        municipality="Chișinău",
        address="str. Ismail 33, ap. 7, Chișinău",
        registered="2025-01-20",
        members=[man],
        reunification_pending=True,
        note="Scenario 4: wife and daughter in Sudan; family reunification requested.",
        scenario=4,
    )


def scenario_households() -> list[HouseholdSpec]:
    return [syrian_family(), ukrainian_family(), eritrean_man(), *abroad_households()]
