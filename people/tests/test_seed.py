import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accounts.models import Organisation, Role, User
from accounts.policy import FieldGroup
from people import selectors
from people.choices import Recognition, Relationship, StatusType, VulnerabilityKind
from people.demo import bench, scenarios, seeding
from people.demo.organisations import DEFAULT_PASSWORD, DEMO_USERS, ORGANISATIONS
from people.models import Consent, Household, IdentityDocument, Person
from people.search import document_key, name_keys, query_keys
from people.selectors import matching_persons

from .demo_data import wipe
from .factories import PersonFactory

pytestmark = pytest.mark.django_db

SCRIPTS = {
    "Arabic": re.compile(r"[\u0600-\u06ff]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Ge'ez": re.compile(r"[\u1200-\u137f]"),
}


def _seed(persons: int, seed: int = 1, **options) -> str:
    out = io.StringIO()
    call_command("seed", persons=persons, seed=seed, stdout=out, **options)
    return out.getvalue()


def _people() -> list[tuple]:
    return list(
        Person.objects.order_by("id").values_list(
            "given_name", "family_name", "given_name_latin", "family_name_latin", "birth_date"
        )
    )


def _wipe() -> None:
    wipe()  # the people, and the plans, referrals and courses seeded for them


def test_same_seed_gives_the_same_people_and_another_seed_others():
    seeding.seed(150, seed=7)
    first = _people()
    _wipe()
    seeding.seed(150, seed=7)
    assert _people() == first
    _wipe()
    seeding.seed(150, seed=8)
    other = _people()
    fixed = sum(len(h.members) for h in scenarios.scenario_households())
    assert other[:fixed] == first[:fixed]  # the scenario cases are always the first people
    assert other[fixed:] != first[fixed:]
    assert len(other) == 150


def test_demo_logins_have_their_roles_and_the_demo_password(monkeypatch):
    monkeypatch.delenv("INTEGRA_DEMO_PASSWORD", raising=False)
    output = _seed(0)
    for username, (_, _, organisation_key, role) in DEMO_USERS.items():
        user = authenticate(username=username, password=DEFAULT_PASSWORD)
        assert user is not None, username
        assert user.role == role
        assert user.organisation.name == ORGANISATIONS[organisation_key][0]
        assert re.search(rf"^{username}\s+{user.get_role_display()}\s+", output, re.M)
    assert User.objects.get(username="caseworker").organisation.name == (
        "Integration Centre Chișinău"
    )
    assert User.objects.get(username="coordinator").role == Role.COORDINATOR
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.role == Role.ADMINISTRATOR
    assert not User.objects.get(username="caseworker").is_staff
    assert DEFAULT_PASSWORD in output
    bureau = Organisation.objects.get(name="Bureau for Migration and Asylum")
    assert (bureau.type, bureau.country) == ("coordinating_authority", "MD")


def test_demo_password_comes_from_the_environment_and_is_updated(monkeypatch):
    _seed(0)
    monkeypatch.setenv("INTEGRA_DEMO_PASSWORD", "another-demo-password-1")
    _seed(0)
    assert authenticate(username="teacher", password="another-demo-password-1") is not None
    assert authenticate(username="teacher", password=DEFAULT_PASSWORD) is None
    assert User.objects.filter(username__in=DEMO_USERS).count() == len(DEMO_USERS)


def test_scenario_family_of_five_is_one_household():
    _seed(30)
    father = Person.objects.get(given_name="محمد", family_name="الحسن")
    assert (father.given_name_latin, father.family_name_latin) == ("Mohamed", "Al-Hassan")
    household = father.memberships.get().household
    members = {m.person.given_name_latin: m for m in household.members.select_related("person")}
    assert len(members) == 5
    assert sorted(m.relationship for m in members.values()) == [
        Relationship.CHILD,
        Relationship.CHILD,
        Relationship.CHILD,
        Relationship.HEAD,
        Relationship.SPOUSE,
    ]
    assert father.organisation.name == "Integration Centre Chișinău"
    assert father.caseworker.username == "caseworker"
    assert father.host_language_level == "A0"
    assert father.languages.filter(language="ru", is_native=False).exists()
    assert father.work_experience.get().isco_code == "7115"
    assert father.vulnerabilities.get().kind == VulnerabilityKind.TORTURE_SURVIVOR
    assert father.consents.filter(recipient__name__contains="Memoria").exists()
    status = father.statuses.first()  # newest first
    assert status.status_type == StatusType.INTERNATIONAL_PROTECTION
    assert status.issuing_authority == "Bureau for Migration and Asylum"
    mother = members["Fatima"].person
    assert mother.work_experience.get().isco_code == "2341"
    assert mother.qualifications.get().recognition == Recognition.PENDING
    assert matching_persons(scenarios.SYRIAN_FATHER_PASSPORT).get() == father


def test_other_scenario_cases_exist():
    _seed(30)
    oksana = Person.objects.get(given_name_latin="Oksana", family_name_latin="Kovalenko")
    assert oksana.memberships.get().household.members.count() == 3
    assert oksana.statuses.first().status_type == StatusType.TEMPORARY_PROTECTION
    assert oksana.work_experience.get().isco_code == "2411"
    tesfay = Person.objects.get(given_name="ተስፋይ")
    assert tesfay.statuses.first().status_type == StatusType.SUBSIDIARY_PROTECTION
    assert tesfay.birth_display == "1993"


def test_every_person_has_name_keys_and_is_found_in_both_scripts():
    _seed(300, seed=3)
    people = list(Person.objects.prefetch_related("name_keys"))
    assert len(people) == 300
    for script, pattern in SCRIPTS.items():
        assert any(pattern.search(p.given_name) for p in people), script
    assert any(p.given_name == p.given_name_latin for p in people)  # Latin-script names
    for person in people:
        names = (
            person.given_name,
            person.family_name,
            person.given_name_latin,
            person.family_name_latin,
        )
        assert {k.key for k in person.name_keys.all()} == name_keys(*names)
        for query in (f"{names[0]} {names[1]}", f"{names[2]} {names[3]}"):
            assert matching_persons(query).filter(pk=person.pk).exists(), query


def test_records_are_consistent():
    _seed(300, seed=5)
    for number, key in IdentityDocument.objects.values_list("number", "number_key"):
        assert key == document_key(number) and key
    groups = {str(g) for g in FieldGroup}
    for consent in Consent.objects.all():
        assert consent.field_groups and set(consent.field_groups) <= groups
    assert Household.objects.filter(reunification_pending=True).exists()
    owners = set(Person.objects.values_list("organisation__name", flat=True))
    assert owners <= {"Integration Centre Chișinău", "Integration Centre Bălți"} | {
        "Integration Centre Cahul"
    }
    assert Person.objects.filter(birth_date_precision="year").exists()


def test_if_empty_does_not_add_people_twice():
    first = _seed(50, if_empty=True)
    second = _seed(50, if_empty=True)
    assert "50 people" in first
    assert "not added" in second
    assert Person.objects.count() == 50
    assert User.objects.filter(username__in=DEMO_USERS).count() == len(DEMO_USERS)
    assert Organisation.objects.count() == len(ORGANISATIONS)


def test_seeding_again_appends_and_the_orm_continues_after_the_explicit_ids():
    _seed(40)
    _seed(40, seed=2)
    assert Person.objects.count() == 80
    person = PersonFactory(organisation=Organisation.objects.first())  # new ids from sequences
    assert person.pk > max(Person.objects.exclude(pk=person.pk).values_list("pk", flat=True))
    assert person.name_keys.exists()


@pytest.mark.parametrize("dense_rows", [selectors._DENSE_KEY_ROWS, 1])
def test_name_search_finds_the_same_people_whichever_way_it_narrows(monkeypatch, dense_rows):
    """With dense_rows=1 every short key is checked per candidate (EXISTS) instead of
    intersected: the people found must not change, and must be those whose keys match."""
    _seed(300, seed=11)
    monkeypatch.setattr(selectors, "_DENSE_KEY_ROWS", dense_rows)
    keys_of = {
        p.pk: {k.key for k in p.name_keys.all()}
        for p in Person.objects.prefetch_related("name_keys")
    }
    queries = ["Mohamed Al-Hassan", "Al", "a", "Олена Шевченко", "al mhmd", "Ivan A", "محمد الحسن"]
    for query in queries:
        wanted = {
            pk
            for pk, keys in keys_of.items()
            if all(any(k.startswith(q) for k in keys) for q in query_keys(query))
        }
        assert set(matching_persons(query).values_list("pk", flat=True)) == wanted, query
    assert len(wanted) >= 1


def test_bench_times_every_search_and_tab_on_a_small_registry():
    _seed(60)
    report = bench.run(requests=3, warmup=1)
    searches = len(bench.SEARCHES) * len(bench.BENCH_USERS)
    assert len(report.rows) == searches + 6 + 4  # caseworker: 6 tabs, coordinator: 4
    assert all(len(row.samples) == 3 and row.p50 > 0 for row in report.rows)
    found = {row.what: row.results for row in report.rows if row.user == "caseworker"}
    assert found[f"search: document number `{scenarios.SYRIAN_FATHER_PASSPORT}`"] == "1"
    assert "| request | user |" in bench.markdown(report, "make bench")


def test_benchmark_file_keeps_other_sections(tmp_path):
    path = tmp_path / "benchmarks.md"
    bench.write_section(path, "sqlite", "## SQLite\nold")
    path.write_text(path.read_text() + "\n## Notes\nkept\n")
    bench.write_section(path, "postgresql", "## PostgreSQL\npg")
    bench.write_section(path, "sqlite", "## SQLite\nnew")
    text = path.read_text()
    assert "new" in text and "old" not in text
    assert text.index("## SQLite") < text.index("## Notes") < text.index("## PostgreSQL")
    assert "kept" in text and "pg" in text
