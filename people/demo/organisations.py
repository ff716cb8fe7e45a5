"""Demo organisations of a Moldova-like programme and the demo logins, created idempotently."""

import os
from dataclasses import dataclass

from django.db import transaction

from accounts.models import Organisation, OrganisationType, Role, User

DEFAULT_PASSWORD = "integra-demo-2026"  # noqa: S105 - public demo password, documented
COORDINATING_AUTHORITY = "Bureau for Migration and Asylum"

T = OrganisationType
# key: (name, type, region, address, phone, e-mail)
ORGANISATIONS: dict[str, tuple[str, str, str, str, str, str]] = {
    "bma": (
        COORDINATING_AUTHORITY, T.COORDINATING_AUTHORITY, "Chișinău",
        "str. Nicolae Iorga 7, Chișinău", "+373 22 271 000", "info@bma.example.org",
    ),
    "centre_chisinau": (
        "Integration Centre Chișinău", T.INTEGRATION_CENTRE, "Chișinău",
        "str. Tighina 40, Chișinău", "+373 22 271 101", "chisinau@integration.example.org",
    ),
    "centre_balti": (
        "Integration Centre Bălți", T.INTEGRATION_CENTRE, "Bălți",
        "str. Independenței 12, Bălți", "+373 231 23 456", "balti@integration.example.org",
    ),
    "centre_cahul": (
        "Integration Centre Cahul", T.INTEGRATION_CENTRE, "Cahul",
        "str. Republicii 5, Cahul", "+373 299 22 345", "cahul@integration.example.org",
    ),
    "min_education": (
        "Ministry of Education and Research", T.LINE_MINISTRY, "Chișinău",
        "Piața Marii Adunări Naționale 1, Chișinău", "+373 22 233 000",
        "recognition@edu.example.org",
    ),
    "min_labour": (
        "Ministry of Labour and Social Protection", T.LINE_MINISTRY, "Chișinău",
        "str. Vasile Alecsandri 2, Chișinău", "+373 22 269 300", "integration@social.example.org",
    ),
    "min_health": (
        "Ministry of Health", T.LINE_MINISTRY, "Chișinău",
        "str. Vasile Alecsandri 2, Chișinău", "+373 22 268 800", "info@health.example.org",
    ),
    "nea": (
        "National Employment Agency", T.EMPLOYMENT_OFFICE, "Chișinău",
        "str. Vasile Alecsandri 1, Chișinău", "+373 22 220 000", "jobs@anofm.example.org",
    ),
    "cnam": (
        "National Health Insurance Company", T.HEALTH_INSURER, "Chișinău",
        "str. Vladimirescu 1, Chișinău", "+373 22 272 000", "info@cnam.example.org",
    ),
    "mun_chisinau": (
        "Chișinău Municipality", T.MUNICIPALITY, "Chișinău",
        "bd. Ștefan cel Mare 83, Chișinău", "+373 22 201 400", "social@chisinau.example.org",
    ),
    "mun_balti": (
        "Bălți Municipality", T.MUNICIPALITY, "Bălți",
        "Piața Independenței 1, Bălți", "+373 231 54 001", "primaria@balti.example.org",
    ),
    "mun_cahul": (
        "Cahul Municipality", T.MUNICIPALITY, "Cahul",
        "Piața Independenței 4, Cahul", "+373 299 22 112", "primaria@cahul.example.org",
    ),
    "memoria": (
        'Rehabilitation Centre for Torture Victims "Memoria"', T.NGO, "Chișinău",
        "str. Ismail 4, Chișinău", "+373 22 225 000", "help@memoria.example.org",
    ),
    "ccr": (
        "Charity Centre for Refugees (UNHCR partner)", T.NGO, "Chișinău",
        "str. Tighina 11, Chișinău", "+373 22 270 430", "refugees@ccr.example.org",
    ),
    "school": (
        'Theoretical Lyceum "Mihai Eminescu"', T.SCHOOL, "Chișinău",
        "str. Mihai Eminescu 50, Chișinău", "+373 22 222 640", "secretariat@lyceum.example.org",
    ),
    "courses": (
        "Limba Noastră Language School", T.COURSE_PROVIDER, "Chișinău",
        "str. București 68, Chișinău", "+373 22 240 500", "courses@limba.example.org",
    ),
}  # fmt: skip

# username: (first name, last name, organisation key, role)
DEMO_USERS: dict[str, tuple[str, str, str, str]] = {
    "caseworker": ("Ana", "Rusu", "centre_chisinau", Role.CASEWORKER),
    "caseworker2": ("Ion", "Ceban", "centre_balti", Role.CASEWORKER),
    "caseworker3": ("Elena", "Moraru", "centre_cahul", Role.CASEWORKER),
    "partner": ("Victor", "Lungu", "nea", Role.PARTNER_STAFF),
    "teacher": ("Maria", "Sandu", "courses", Role.TEACHER),
    "coordinator": ("Natalia", "Cojocaru", "bma", Role.COORDINATOR),
    "analyst": ("Sergiu", "Munteanu", "min_labour", Role.ANALYST),
    "auditor": ("Irina", "Popa", "bma", Role.AUDITOR),
    "admin": ("Andrei", "Țurcanu", "bma", Role.ADMINISTRATOR),
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str


def demo_password() -> str:
    return os.environ.get("INTEGRA_DEMO_PASSWORD") or DEFAULT_PASSWORD


@transaction.atomic
def ensure_organisations() -> dict[str, Organisation]:
    """Create or update the demo organisations; returns them by key."""
    result = {}
    for key, (name, type_, region, address, phone, email) in ORGANISATIONS.items():
        result[key], _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "type": type_,
                "region": region,
                "country": "MD",
                "address": address,
                "phone": phone,
                "email": email,
            },
        )
    return result


@transaction.atomic
def ensure_demo_users(
    organisations: dict[str, Organisation], password: str | None = None
) -> dict[str, User]:
    """Create or update the demo logins; the password is reset only when it differs."""
    password = password or demo_password()
    users = {}
    for username, (first, last, org_key, role) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first() or User(username=username)
        user.first_name, user.last_name, user.role = first, last, role
        user.organisation = organisations[org_key]
        user.email = f"{username}@integra.example.org"
        user.is_active = True
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        if user.pk is None or not user.check_password(password):
            user.set_password(password)
        user.save()
        users[username] = user
    return users


def demo_logins(users: dict[str, User]) -> list[DemoLogin]:
    return [
        DemoLogin(u.username, u.get_role_display(), u.organisation.name if u.organisation else "")
        for u in users.values()
    ]
