"""The demo partner network: services of the partner organisations and the partnership
agreements between the integration centres and each partner, created idempotently (ORM).

Each service asks for the field groups its clients consent to in the demo registry
(records.CONSENTS) and refers for the same purpose, so a consent can cover a referral.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from accounts.models import Organisation
from partners.models import Agreement, AgreementParty, Service

from .context import day_of
from .records import CONSENTS

CENTRES = ("centre_chisinau", "centre_balti", "centre_cahul")
_MUNICIPALITY = {"centre_chisinau": "mun_chisinau", "centre_balti": "mun_balti"}
_MUNICIPALITY["centre_cahul"] = "mun_cahul"
_OFFICES = {"Chișinău": "str. Vasile Alecsandri 1", "Bălți": "str. Ștefan cel Mare 57"}
_OFFICES["Cahul"] = "str. Piața Independenței 2"

# key: (organisation, name, area, consent purpose, languages, capacity, waiting days, region,
#       eligibility)
SERVICES: dict[str, tuple] = {
    **{
        f"nea_{region}": (
            "nea", f"Job seeker registration and job matching ({name})", "employment", "nea",
            "ro,ru,en", 300, 7, name, "Adults with a right to work in Moldova.",
        )
        for region, name in (("chisinau", "Chișinău"), ("balti", "Bălți"), ("cahul", "Cahul"))
    },
    "recognition": (
        "min_education", "Recognition and equivalence of foreign diplomas", "education",
        "min_education", "ro,ru,en", 120, 45, "Chișinău", "Holders of foreign diplomas.",
    ),
    "insurance": (
        "cnam", "Registration with compulsory health insurance", "health", "cnam",
        "ro,ru", 500, 5, "Chișinău", "Beneficiaries of protection and their families.",
    ),
    "psychosocial": (
        "memoria", "Psychosocial support and rehabilitation for survivors of torture", "health",
        "memoria", "ro,ru,en,ar", 60, 21, "Chișinău",
        "Survivors of torture and ill-treatment; refugees with trauma-related needs.",
    ),
    "legal": (
        "ccr", "Legal counselling and social assistance", "legal", "ccr", "ro,ru,en,ar,fa",
        150, 10, "Chișinău", "Asylum seekers, refugees and stateless persons.",
    ),
    "school": (
        "school", "Enrolment of refugee and migrant children", "education", "school",
        "ro,ru", 40, 14, "Chișinău", "Children of compulsory school age.",
    ),
    "courses": (
        "courses", "Romanian language courses for adults", "language", "courses",
        "ro,ru,en", 200, 30, "Chișinău", "Adults registered with an integration centre.",
    ),
    **{
        f"housing_{centre}": (
            municipality, "Social housing and rent-free apartments", "housing", "municipality",
            "ro,ru", 25, 90, region, "Vulnerable families with protection, for up to five years.",
        )
        for centre, municipality, region in (
            ("centre_chisinau", "mun_chisinau", "Chișinău"),
            ("centre_balti", "mun_balti", "Bălți"),
            ("centre_cahul", "mun_cahul", "Cahul"),
        )
    },
    **{
        f"kindergarten_{centre}": (
            municipality, "Kindergarten places", "education", "school", "ro,ru", 30, 30, region,
            "Children aged 2 to 6 living in the municipality.",
        )
        for centre, municipality, region in (
            ("centre_chisinau", "mun_chisinau", "Chișinău"),
            ("centre_balti", "mun_balti", "Bălți"),
            ("centre_cahul", "mun_cahul", "Cahul"),
        )
    },
}  # fmt: skip
_ALL = (*CENTRES, "bma")
_G = {  # data-sharing terms of the agreements
    "work": "identity contact education_work",
    "work_2023": "identity contact legal_status education_work",
    "recognition": "identity education_work",
    "insurance": "identity contact legal_status",
    "psychosocial": "identity contact vulnerabilities",
    "legal": "identity contact legal_status family",
    "local": "identity contact legal_status family",
}
# title: (scope, purpose, groups, valid from, valid to, parties besides the partner, partner)
AGREEMENTS: dict[str, tuple] = {
    "Memorandum on employment services for beneficiaries of protection (2018)": (
        "Registration of job seekers, counselling and job matching", "employment", _G["work"],
        "2018-03-01", "2022-12-31", _ALL, "nea",
    ),
    "Memorandum on employment services for beneficiaries of protection (2023)": (
        "Registration of job seekers, counselling, job matching and vocational training",
        "employment", _G["work_2023"], "2023-01-01", None, _ALL, "nea",
    ),
    "Agreement on the recognition of foreign qualifications": (
        "Recognition and equivalence of diplomas and study periods", "recognition of diplomas",
        _G["recognition"], "2019-09-01", "2029-08-31", _ALL, "min_education",
    ),
    "Protocol on compulsory health insurance of beneficiaries of protection": (
        "Registration with compulsory health insurance", "health insurance", _G["insurance"],
        "2017-01-01", None, _ALL, "cnam",
    ),
    "Cooperation agreement on the rehabilitation of torture survivors": (
        "Medical, psychological and social rehabilitation", "rehabilitation",
        _G["psychosocial"], "2016-05-01", "2028-12-31", _ALL, "memoria",
    ),
    "Partnership on legal counselling and social assistance": (
        "Legal counselling, documentation and social assistance", "legal assistance",
        _G["legal"], "2015-01-01", None, _ALL, "ccr",
    ),
    "Agreement on school enrolment of refugee children": (
        "Enrolment and school support of children", "school enrolment", "identity contact family",
        "2018-09-01", None, ("centre_chisinau",), "school",
    ),
    "Contract for Romanian language courses for foreigners": (
        "Romanian language, literacy and civic orientation courses", "language courses",
        "identity contact education_work", "2016-01-01", None, _ALL, "courses",
    ),
    **{
        f"Agreement on social housing and childcare places ({region})": (
            "Social housing, rent-free apartments and kindergarten places", "housing and childcare",
            _G["local"], start, None, (centre,), _MUNICIPALITY[centre],
        )
        for centre, region, start in (
            ("centre_chisinau", "Chișinău", "2019-01-01"),
            ("centre_balti", "Bălți", "2020-06-01"),
            ("centre_cahul", "Cahul", "2021-03-01"),
        )
    },
}  # fmt: skip
ROLES = {"bma": "Co-ordinating authority", "partner": "Service provider"}
CENTRE_ROLE = "Referring integration centre"


@dataclass(frozen=True)
class DemoService:
    id: int
    key: str
    organisation: int
    name: str
    area: str
    purpose: str  # what the client consents to; a referral states the same purpose
    groups: frozenset[str]
    waiting_days: int


@dataclass(frozen=True)
class DemoAgreement:
    id: int
    parties: frozenset[int]
    groups: frozenset[str]
    valid_from: int
    valid_to: int | None


@dataclass
class Network:
    services: dict[str, DemoService]
    agreements: list[DemoAgreement]  # newest first

    def agreement(self, sender: int, receiver: int, on: int) -> DemoAgreement | None:
        """As partners.agreements.valid_agreement."""
        for agreement in self.agreements:
            in_force = agreement.valid_from <= on and (
                agreement.valid_to is None or agreement.valid_to >= on
            )
            if in_force and {sender, receiver} <= agreement.parties:
                return agreement
        return None

    def service(self, key: str, centre_key: str) -> DemoService:
        """The service `key` that serves clients of this centre (the local office, if any)."""
        region = {"centre_chisinau": "chisinau", "centre_balti": "balti"}.get(centre_key, "cahul")
        local = f"{key}_{centre_key}" if key in ("housing", "kindergarten") else f"{key}_{region}"
        return self.services.get(local) or self.services[key]


@transaction.atomic
def ensure_network(organisations: dict[str, Organisation]) -> Network:
    """Create or update the demo services and agreements; returns them as plain records."""
    services = {}
    for key, (
        org,
        name,
        area,
        consent,
        languages,
        capacity,
        waiting,
        region,
        who,
    ) in SERVICES.items():
        purpose, groups = CONSENTS[consent]
        organisation = organisations[org]
        service, _ = Service.objects.update_or_create(
            organisation=organisation,
            name=name,
            defaults={
                "area": area,
                "description": f"{name}. {purpose}.",
                "eligibility": who,
                "languages": languages,
                "region": region,
                "address": f"{_OFFICES.get(region, organisation.address)}, {region}",
                "capacity": capacity,
                "waiting_days": waiting,
                "field_groups": list(groups),
                "active": True,
            },
        )
        services[key] = DemoService(
            service.pk, key, organisation.pk, name, area, purpose, frozenset(groups), waiting
        )
    agreements = []
    for title, (scope, purpose, groups, start, end, parties, partner) in AGREEMENTS.items():
        agreement, _ = Agreement.objects.update_or_create(
            title=title,
            defaults={
                "scope": scope,
                "purpose": purpose,
                "field_groups": groups.split(),
                "valid_from": date.fromisoformat(start),
                "valid_to": date.fromisoformat(end) if end else None,
            },
        )
        roles = {key: ROLES.get(key, CENTRE_ROLE) for key in parties} | {partner: ROLES["partner"]}
        for key, role in roles.items():
            AgreementParty.objects.update_or_create(
                agreement=agreement, organisation=organisations[key], defaults={"role": role}
            )
        ids = frozenset(organisations[key].pk for key in roles)
        agreements.append(
            DemoAgreement(agreement.pk, ids, frozenset(groups.split()), day_of(start), day_of(end))
        )
    agreements.sort(key=lambda a: (a.valid_from, a.id), reverse=True)
    return Network(services, agreements)
