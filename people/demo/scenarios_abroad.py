"""The cases of shared/SCENARIOS.md set in other countries' programmes, registered here so the
demo can show those programmes' plans end to end (scenario_cases.py gives them their plans).

2. An unaccompanied 17-year-old from Afghanistan with a guardian (Norway's introduction
   programme once he is 18).
5. An Iraqi couple granted protection who choose to enrol (Romania's voluntary programme).
6. A Belarusian political refugee (Czech State Integration Programme; a job in month 9).
7. A care worker from the Philippines (Finland's initial assessment and integration plan).
"""

from accounts.policy import FieldGroup as G
from people.choices import DocumentType as D
from people.choices import Recognition, Relationship, Sex
from people.choices import StatusType as S

from .specs import HouseholdSpec, PersonSpec, groups

AFGHAN_MINOR = ("حمید", "رحیمی", "Hamid", "Rahimi")
BELARUSIAN = ("Сяргей", "Кавальчук", "Siarhei", "Kavalchuk")
FILIPINO = ("Maricel", "Dela Cruz", "Maricel", "Dela Cruz")
_JOBS = ("Registration as a job seeker and job matching", "nea")
_JOB_GROUPS = groups(G.IDENTITY, G.CONTACT, G.EDUCATION_WORK)


def _person(names, sex: str, born: str, **fields) -> PersonSpec:
    given, family, given_latin, family_latin = names
    return PersonSpec(given, family, given_latin, family_latin, sex, born, **fields)


def afghan_minor() -> HouseholdSpec:
    minor = _person(
        AFGHAN_MINOR,
        Sex.MALE,
        "2007-12-05",
        country_of_birth="AF",
        phone="+373 60 118 402",
        citizenships=["AF"],
        languages=[("fa", "", True), ("en", "A1", False)],
        documents=[
            (D.ASYLUM_CARD, "AS-2025-04418", "MD", "2025-06-12", "2025-10-01"),
            (D.RESIDENCE_PERMIT, "RP-2025-10044", "MD", "2025-10-08", "2030-10-07"),
        ],
        statuses=[
            (S.ASYLUM_SEEKER, "", "2025-06-10", "2025-10-01"),
            (S.INTERNATIONAL_PROTECTION, "", "2025-10-01", None),
        ],
        education=[("1", "", "AF", 2019)],
        vulnerabilities=[
            (
                "unaccompanied_minor",
                "Arrived alone at 17. Guardian appointed by the Ialoveni court: Ion Popa, "
                "social worker.",
                "2025-06-16",
            )
        ],
    )
    return HouseholdSpec(
        centre="centre_chisinau",
        municipality="Ialoveni",
        address="str. Alexandru cel Bun 21, Ialoveni",
        registered="2025-06-16",
        members=[minor],
        is_household=False,
        scenario=2,
    )


def iraqi_couple() -> HouseholdSpec:
    ahmed = _person(
        ("أحمد", "الجبوري", "Ahmed", "Al-Jubouri"),
        Sex.MALE,
        "1979-03-08",
        country_of_birth="IQ",
        phone="+373 69 733 105",
        relationship=Relationship.HEAD,
        citizenships=["IQ"],
        languages=[("ar", "", True), ("en", "A2", False)],
        documents=[(D.PASSPORT, "A13375521", "IQ", "2017-09-01", "2025-08-31")],
        statuses=[
            (S.ASYLUM_SEEKER, "", "2024-04-18", "2024-11-20"),
            (S.INTERNATIONAL_PROTECTION, "", "2024-11-20", None),
        ],
        education=[("3", "Welding", "IQ", 1997)],
        work=[("7212", "Welders and flame cutters", "IQ", 18)],
    )
    zainab = _person(
        ("زينب", "الكعبي", "Zainab", "Al-Kaabi"),
        Sex.FEMALE,
        "1983-11-21",
        country_of_birth="IQ",
        relationship=Relationship.SPOUSE,
        citizenships=["IQ"],
        languages=[("ar", "", True)],
        documents=[(D.PASSPORT, "A13375530", "IQ", "2017-09-01", "2025-08-31")],
        statuses=[
            (S.ASYLUM_SEEKER, "", "2024-04-18", "2024-11-20"),
            (S.INTERNATIONAL_PROTECTION, "", "2024-11-20", None),
        ],
        education=[("2", "", "IQ", 1998)],
    )
    return HouseholdSpec(
        centre="centre_cahul",
        municipality="Cahul",
        address="str. Ștefan cel Mare 14, ap. 3, Cahul",
        registered="2024-04-22",
        members=[ahmed, zainab],
        note="Scenario 5: informed by the regional centre, the couple chose to enrol.",
        scenario=5,
    )


def belarusian() -> HouseholdSpec:
    man = _person(
        BELARUSIAN,
        Sex.MALE,
        "1988-07-30",
        country_of_birth="BY",
        host_level="A1",
        phone="+373 79 204 611",
        email="s.kavalchuk@example.net",
        citizenships=["BY"],
        languages=[("be", "", True), ("ru", "C2", False), ("en", "B2", False), ("ro", "A1", False)],
        documents=[(D.PASSPORT, "MP4471902", "BY", "2019-05-14", "2029-05-13")],
        statuses=[
            (S.ASYLUM_SEEKER, "", "2024-02-10", "2024-08-20"),
            (S.INTERNATIONAL_PROTECTION, "", "2024-08-20", None),
        ],
        education=[("7", "Computer science", "BY", 2012)],
        qualifications=[("Master's degree in computer science", "BY", Recognition.RECOGNISED)],
        work=[("2512", "Software developers", "BY", 11)],
        consents=[(*_JOBS, _JOB_GROUPS, "2024-08-28", None, None)],
    )
    return HouseholdSpec(
        centre="centre_balti",
        municipality="Bălți",
        address="str. Decebal 9, ap. 21, Bălți",
        registered="2024-02-15",
        members=[man],
        is_household=False,
        scenario=6,
    )


def filipino() -> HouseholdSpec:
    woman = _person(
        FILIPINO,
        Sex.FEMALE,
        "1992-04-19",
        country_of_birth="PH",
        phone="+373 68 914 350",
        email="maricel.delacruz@example.com",
        citizenships=["PH"],
        languages=[("tl", "", True), ("en", "C1", False)],
        documents=[
            (D.PASSPORT, "P7736110A", "PH", "2023-01-10", "2033-01-09"),
            (D.RESIDENCE_PERMIT, "PS2025004127", "MD", "2025-04-01", "2026-04-01"),
        ],
        statuses=[(S.RESIDENCE_PERMIT, "work", "2025-04-01", "2026-04-01")],
        education=[("6", "Nursing", "PH", 2014)],
        work=[("5322", "Home-based personal care workers", "PH", 6)],
    )
    return HouseholdSpec(
        centre="centre_chisinau",
        municipality="Chișinău",
        address="bd. Dacia 27, ap. 88, Chișinău",
        registered="2025-04-08",
        members=[woman],
        is_household=False,
        scenario=7,
    )


def abroad_households() -> list[HouseholdSpec]:
    return [afghan_minor(), iraqi_couple(), belarusian(), filipino()]
