"""Reads of personal data. Each goes through the access policy and leaves an audit row."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import BigIntegerField, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from django.http import Http404

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record

from .models import Household, IdentityDocument, NameKey, Person
from .search import document_key, prefix_upper_bound, query_keys

SEARCH_LIMIT = 20


# A key this short matching at least this many name keys is "dense" (e.g. "al" of Al-Hassan).
_DENSE_KEY_LENGTH = 2
_DENSE_KEY_ROWS = 20_000


def _is_dense(key: str, rows: QuerySet) -> bool:
    if len(key) > _DENSE_KEY_LENGTH:
        return False
    return rows.values("person_id")[:_DENSE_KEY_ROWS].count() >= _DENSE_KEY_ROWS


def _persons_matching_name(text: str) -> QuerySet | None:
    """Persons having, for every query key, a name key starting with it.

    Person ids are narrowed key by key inside the database: the longest (most specific) key's
    ids are collected once; each further key's index range is scanned and kept where its person
    is already in that set. `person_id + 0` stops the database from instead probing the
    person_id index once per candidate (SQLite's choice), which is ten times slower for common
    names. Cost grows with the name keys matched, whether or not anybody matches them all.

    Short keys matching a large share of the registry ("al", "a") are checked per candidate with
    EXISTS instead; when every key is that dense, people are walked in id order, which finds
    matches at once because they are everywhere.
    """
    keys = list(dict.fromkeys(query_keys(text)))
    if not keys:
        return None
    selective, dense = [], []
    for key in sorted(keys, key=len, reverse=True):
        rows = NameKey.objects.filter(key__gte=key, key__lt=prefix_upper_bound(key))
        (dense if _is_dense(key, rows) else selective).append(rows)
    persons = Person.objects.all()
    if selective:
        ids = selective[0].values("person_id")
        for rows in selective[1:]:
            candidate = ExpressionWrapper(F("person_id") + 0, output_field=BigIntegerField())
            ids = rows.alias(candidate=candidate).filter(candidate__in=ids).values("person_id")
        persons = persons.filter(id__in=ids)
    for rows in dense:
        persons = persons.filter(Exists(rows.filter(person_id=OuterRef("pk"))))
    return persons


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def matching_persons(text: str) -> QuerySet:
    """Persons whose document number, date of birth or names match `text` (no policy)."""
    text = (text or "").strip()
    born = _parse_date(text)
    if born:
        return Person.objects.filter(birth_date=born)
    number = document_key(text)
    if len(number) >= 5 and any(ch.isdigit() for ch in number):
        ids = IdentityDocument.objects.filter(number_key=number).values("person_id")
        return Person.objects.filter(id__in=ids)
    persons = _persons_matching_name(text)
    # Not `or`: a QuerySet's truth value would fetch every match.
    return persons if persons is not None else Person.objects.none()


def search_persons(user, text: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """Policy-filtered search results; every person shown is audited as found."""
    if not policy.may_search(user):
        return []
    found = policy.visible_persons(user, matching_persons(text))
    results = list(found.order_by("id")[:limit])
    _audit_identity_reads(user, results, Action.SEARCH, detail="search")
    return results


def list_persons(user, persons: QuerySet | None = None) -> QuerySet:
    """The queryset every list, count and export starts from."""
    return policy.visible_persons(user, persons if persons is not None else Person.objects.all())


def audit_listed(user, persons: list[Person], action: str = Action.LIST) -> None:
    _audit_identity_reads(user, persons, action, detail=action)


def _audit_identity_reads(user, persons, action, detail) -> None:
    record(
        user,
        [
            Entry(p.pk, action, [FieldGroup.IDENTITY], policy.access(user, p).ground, detail)
            for p in persons
        ],
    )


@dataclass(frozen=True)
class PersonView:
    person: Person
    access: policy.Access


def get_person(user, pk: int, groups: list[FieldGroup] | None, detail: str = "") -> PersonView:
    """Load one person for `user`, refusing what the policy does not allow, and audit the read.

    `groups=None` reads every group the policy allows.
    """
    person = Person.objects.select_related("organisation", "caseworker").filter(pk=pk).first()
    if person is None:
        raise Http404
    grant = policy.access(user, person)
    if groups is None:
        groups = sorted(grant.groups)
    wanted = [g for g in groups if grant.allows(g)]
    if not grant.groups or len(wanted) != len(groups):
        record(user, [Entry(pk, Action.DENIED, groups, "", detail)])
        if not grant.groups:
            raise Http404
        raise PermissionDenied
    record(user, [Entry(pk, Action.VIEW, wanted, grant.ground, detail)])
    return PersonView(person, grant)


def _identity_data(person: Person) -> dict:
    return {
        "citizenships": [c.country for c in person.citizenships.all()],
        "documents": list(person.documents.all()),
        "consents": list(person.consents.select_related("recipient")),
    }


def _family_data(person: Person) -> dict:
    memberships = person.memberships.select_related("household").prefetch_related(
        "household__members__person"
    )
    return {"memberships": list(memberships)}


def _education_work_data(person: Person) -> dict:
    return {
        "languages": list(person.languages.all()),
        "education": list(person.education.all()),
        "qualifications": list(person.qualifications.all()),
        "work_experience": list(person.work_experience.all()),
    }


# Other apps add the field groups they own (e.g. pathways registers PATHWAY) in AppConfig.ready.
GROUP_LOADERS = {
    FieldGroup.IDENTITY: _identity_data,
    FieldGroup.CONTACT: lambda person: {},
    FieldGroup.LEGAL_STATUS: lambda person: {"statuses": list(person.statuses.all())},
    FieldGroup.FAMILY: _family_data,
    FieldGroup.EDUCATION_WORK: _education_work_data,
    FieldGroup.VULNERABILITIES: lambda person: {
        "vulnerabilities": list(person.vulnerabilities.all())
    },
}


def group_data(person: Person, group: FieldGroup) -> dict:
    """The records making up one field group of a person."""
    return GROUP_LOADERS[group](person)


def get_household(user, pk: int) -> Household:
    household = policy.visible_households(user, Household.objects.all()).filter(pk=pk).first()
    if household is None:
        raise Http404
    household.member_list = list(household.members.select_related("person"))
    audit_households(user, [household], Action.VIEW)
    return household


def audit_households(user, households, action: str) -> None:
    """Family data of every member of the households shown is audited as read."""
    ground = f"role:{user.role}"
    entries = [
        Entry(m.person_id, action, [FieldGroup.FAMILY], ground, f"household:{h.pk}")
        for h in households
        for m in h.members.all()
    ]
    record(user, entries)


@dataclass(frozen=True)
class Duplicates:
    visible: list[Person]
    elsewhere: list[str]  # names of organisations holding a match the user may not see


def possible_duplicates(user, data: dict, limit: int = 10) -> Duplicates:
    """People already registered with the same names (in any script) and year of birth.

    Matches the user may not see are reported only by the organisation that holds them, so a
    caseworker can ask there instead of registering the person twice.
    """
    names = " ".join(data.get(f) or "" for f in ("given_name", "family_name")) or " ".join(
        data.get(f) or "" for f in ("given_name_latin", "family_name_latin")
    )
    matches = _persons_matching_name(names)
    if matches is None:
        return Duplicates([], [])
    if data.get("birth_date"):
        matches = matches.filter(birth_date__year=data["birth_date"].year)
    visible_ids = policy.visible_persons(user, matches).values("id")
    visible = list(matches.filter(id__in=visible_ids).order_by("id")[:limit])
    elsewhere = (
        matches.exclude(id__in=visible_ids)
        .values_list("organisation__name", flat=True)
        .distinct()
        .order_by("organisation__name")[:limit]
    )
    _audit_identity_reads(user, visible, Action.SEARCH, detail="duplicate-check")
    return Duplicates(visible, list(elsewhere))
