"""Random but deterministic households: who lives together, their names, ages and contacts.

Everything is drawn from one `random.Random`, in a fixed order, so a seed always yields the same
registry. Records of each person (documents, status, skills, consents) come from `records.py`.
"""

import random
import re
from collections.abc import Iterator

from unidecode import unidecode

from people.choices import Relationship, Sex

from . import catalogue as cat
from . import records
from .names import Name, feminine
from .specs import REFERENCE_ORDINAL, HouseholdSpec, PersonSpec, iso, ordinal

_NOT_ASCII_LETTER = re.compile(r"[^a-z]")
_EMAIL_DOMAINS = ("example.org", "example.net", "example.com")
_SINGLE_MALE_SHARE = {"SY": 0.8, "AF": 0.85, "IQ": 0.75, "ER": 0.75, "PH": 0.25, "UA": 0.4}


class Generator:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.records = records.Records(rng)

    def households(self) -> Iterator[HouseholdSpec]:
        while True:
            yield self.household()

    def household(self) -> HouseholdSpec:
        rng = self.rng
        origin = cat.ORIGINS[int(cat.ORIGIN_CHOICE.pick(rng))]
        kind = origin.households.pick(rng)
        centre = cat.CENTRES.pick(rng)
        municipality = cat.MUNICIPALITIES[centre].pick(rng).replace("_", " ")
        start = ordinal(origin.arrived_from)
        arrived = start + int((REFERENCE_ORDINAL - 30 - start) * rng.random() ** 0.7)
        registered = min(arrived + rng.randrange(2, 60), REFERENCE_ORDINAL - 1)
        ctx = HouseholdContext(origin, arrived, registered, rng)
        members = self._members(ctx, kind)
        street = rng.choice(cat.STREETS)
        flat = f", ap. {rng.randrange(1, 120)}" if rng.random() < 0.7 else ""
        spec = HouseholdSpec(
            centre=centre,
            municipality=municipality,
            address=f"{street} {rng.randrange(1, 160)}{flat}, {municipality}",
            registered=iso(registered),
            members=members,
            is_household=len(members) > 1,
        )
        if len(members) == 1 and kind != "minor" and rng.random() < 0.12:
            spec.is_household = True
            spec.reunification_pending = True
            spec.note = "Spouse and children abroad; family reunification requested."
        elif len(members) > 2 and rng.random() < 0.04:
            spec.reunification_pending = True
            spec.note = "Eldest child still abroad; family reunification requested."
        self.records.fill(ctx, spec)
        return spec

    def _members(self, ctx: "HouseholdContext", kind: str) -> list[PersonSpec]:
        rng = self.rng
        if kind == "minor":
            minor = self._person(ctx, rng.random() < 0.85, rng.uniform(15, 17.9), "")
            ctx.unaccompanied = True
            return [minor]
        male_share = _SINGLE_MALE_SHARE.get(ctx.origin.country, 0.5)
        if kind == "single":
            old = ctx.origin.country == "UA" and rng.random() < 0.2
            age = rng.uniform(60, 82) if old else rng.triangular(18, 58, 28)
            return [self._person(ctx, rng.random() < male_share, age, Relationship.HEAD)]
        if kind == "single_parent":
            head_male = rng.random() < 0.1
            head = self._person(ctx, head_male, rng.triangular(22, 50, 34), Relationship.HEAD)
            ctx.single_parent = True
            return [head, *self._children(ctx, head, None, rng.randint(1, 3))]
        head_age = rng.triangular(20, 62, 35)
        if kind == "couple" and ctx.origin.country == "UA" and rng.random() < 0.6:
            head_age = rng.uniform(60, 80)
        head = self._person(ctx, True, head_age, Relationship.HEAD)
        spouse_age = max(18.0, head_age - rng.triangular(-2, 10, 3))
        spouse = self._person(ctx, False, spouse_age, Relationship.SPOUSE)
        members = [head, spouse]
        if kind in ("family", "extended"):
            count = 1 + min(int(rng.expovariate(1 / 1.4)), 5)
            members += self._children(ctx, spouse, head, count)
        if kind == "extended":
            members.append(
                self._person(ctx, rng.random() < 0.3, head_age + 26, Relationship.PARENT)
            )
        return members

    def _children(
        self, ctx: "HouseholdContext", mother: PersonSpec, father: PersonSpec | None, count: int
    ) -> list[PersonSpec]:
        rng = self.rng
        mother_age = ctx.ages[id(mother)]
        parent = father or mother
        children = []
        for _ in range(count):
            age = rng.uniform(0, max(0.5, min(19.5, mother_age - 18)))
            children.append(
                self._person(ctx, rng.random() < 0.51, age, Relationship.CHILD, parent=parent)
            )
        return children

    def _person(
        self,
        ctx: "HouseholdContext",
        male: bool,
        age: float,
        relationship: str,
        parent: PersonSpec | None = None,
    ) -> PersonSpec:
        rng, origin = self.rng, ctx.origin
        given: Name = (origin.male if male else origin.female).pick(rng)
        family_native, family_latin = self._family_name(ctx, male, relationship, parent)
        born = REFERENCE_ORDINAL - int(age * 365.25) - rng.randrange(0, 365)
        born_here = born > ctx.arrived
        precision = "day"
        if not born_here and age >= 14 and rng.random() < origin.year_only:
            born, precision = ordinal(f"{iso(born)[:4]}-01-01"), "year"
        elif not born_here and rng.random() < 0.03:
            born, precision = ordinal(f"{iso(born)[:7]}-01"), "month"
        birthplace = origin.country
        if born_here:
            birthplace = "MD"
        elif origin.transit and ctx.arrived - born < 5 * 365 and rng.random() < 0.5:
            birthplace = rng.choice(origin.transit)
        person = PersonSpec(
            given_name=given.native,
            family_name=family_native,
            given_name_latin=given.spelling(rng),
            family_name_latin=family_latin,
            sex=Sex.MALE if male else Sex.FEMALE,
            birth_date=iso(born),
            birth_precision=precision,
            country_of_birth=birthplace,
            relationship=relationship,
            citizenships=list(ctx.citizenships),
        )
        ctx.ages[id(person)] = age
        ctx.given[id(person)] = (given.native, person.given_name_latin)
        if age >= 16:
            self._contact(person)
        return person

    def _family_name(
        self,
        ctx: "HouseholdContext",
        male: bool,
        relationship: str,
        parent: PersonSpec | None,
    ) -> tuple[str, str]:
        rng, origin, rule = self.rng, ctx.origin, ctx.origin.family_name_rule
        if ctx.no_family_name:
            return "", ""
        if rule == "patronymic":
            if parent is not None and parent.sex == Sex.MALE:
                return ctx.given[id(parent)]
            name = origin.family.pick(rng) if parent is None else origin.male.pick(rng)
            return name.native, name.spelling(rng)
        if relationship == Relationship.SPOUSE and rule == "own":
            name = origin.family.pick(rng)
            return name.native, name.spelling(rng)
        if relationship == Relationship.PARENT:
            ctx.family_spelling = None  # a parent of the head may spell it differently
        native, latin = ctx.family_name(rng)
        if rule == "gendered" and not male:
            return feminine(native, latin)
        return native, latin

    def _contact(self, person: PersonSpec) -> None:
        rng = self.rng
        if rng.random() < 0.9:
            person.phone = (
                f"+373 {rng.choice(cat.MOBILE_PREFIXES)} "
                f"{rng.randrange(100, 1000)} {rng.randrange(100, 1000)}"
            )
        if rng.random() < 0.5:
            local = _ascii(person.given_name_latin)
            family = _ascii(person.family_name_latin)
            if family:
                local = f"{local}.{family}" if rng.random() < 0.7 else f"{local[:1]}{family}"
            domain = rng.choice(_EMAIL_DOMAINS)
            person.email = f"{local}{rng.randrange(1, 100)}@{domain}"


def _ascii(text: str) -> str:
    return _NOT_ASCII_LETTER.sub("", unidecode(text).lower())


class HouseholdContext:
    """What members of one household share while they are being drawn."""

    def __init__(self, origin: cat.Origin, arrived: int, registered: int, rng: random.Random):
        self.origin = origin
        self.arrived = arrived
        self.registered = registered
        self.ages: dict[int, float] = {}
        self.given: dict[int, tuple[str, str]] = {}
        self.no_family_name = rng.random() < origin.no_family_name
        self.mother_tongue = origin.mother_tongues.pick(rng)
        self.status_profile = origin.statuses.pick(rng)
        if self.status_profile == "seeker" and REFERENCE_ORDINAL - arrived > 540:
            self.status_profile = "subsidiary"  # claims are decided within about a year
        stateless = self.status_profile == "stateless"  # e.g. Palestinian refugees from Syria
        self.citizenships = ["XX"] if stateless else [origin.country]
        self.statuses: list | None = None
        self.single_parent = False
        self.unaccompanied = False
        self._family: Name | None = None
        self.family_spelling: str | None = None

    def family_name(self, rng: random.Random) -> tuple[str, str]:
        """The household's family name; most members' documents spell it the same way."""
        if self._family is None:
            self._family = self.origin.family.pick(rng)
        if self.family_spelling is None or rng.random() < 0.1:
            self.family_spelling = self._family.spelling(rng)
        return self._family.native, self.family_spelling
