"""Records of each demo person: languages, documents, legal status, skills, needs, consents."""

import random
from typing import TYPE_CHECKING

from accounts.policy import FieldGroup
from people.choices import DocumentType, StatusType

from . import catalogue as cat

if TYPE_CHECKING:
    from .generator import HouseholdContext

from .specs import REFERENCE_ORDINAL, HouseholdSpec, PersonSpec, groups, iso, ordinal

_DOCUMENT_STEP = 7_368_787  # odd, not a multiple of 5: a bijection modulo every 10**k
# Moldova's temporary protection for people fleeing Ukraine, granted and extended by year.
_TEMPORARY_PROTECTION = (("2024-03-01", "2025-03-01"), ("2025-03-01", "2026-03-01"))
_CONSENT_TEXTS = {
    "nea": ("Registration as a job seeker and job matching", "identity contact education_work"),
    "cnam": ("Registration with compulsory health insurance", "identity contact legal_status"),
    "courses": ("Enrolment in a Romanian language course", "identity contact education_work"),
    "ccr": ("Legal counselling and social assistance", "identity contact legal_status family"),
    "min_education": ("Recognition of foreign diplomas", "identity education_work"),
    "municipality": ("Social assistance and housing", "identity contact family legal_status"),
    "memoria": ("Medical and psychosocial rehabilitation", "identity contact vulnerabilities"),
    "school": ("School or kindergarten enrolment", "identity contact family"),
}
# recipient key -> (purpose, field groups shared); FieldGroup() rejects a misspelt group
_CONSENTS = {
    key: (purpose, groups(*(FieldGroup(g) for g in names.split())))
    for key, (purpose, names) in _CONSENT_TEXTS.items()
}
CONSENTS = _CONSENTS  # the partner demo refers for the same purposes (partners_demo.py)
_ADULT_CONSENTS = cat.Weighted("nea:5 cnam:4 courses:4 ccr:3 municipality:2")
_MUNICIPALITY_OF = {"centre_chisinau": "mun_chisinau", "centre_balti": "mun_balti"}
_MUNICIPALITY_OF["centre_cahul"] = "mun_cahul"
_DISABILITY = (
    "Reduced mobility; needs ground-floor housing.",
    "Visual impairment.",
    "Hearing impairment; communicates by lip-reading and writing.",
)
_MEDICAL = (
    "Diabetes; needs a regular insulin supply.",
    "Chronic heart condition; under cardiology follow-up.",
    "Post-traumatic stress; psychological support requested.",
    "Asthma; needs regular medication.",
)
_TORTURE_ORIGINS = {"SY": 0.05, "IQ": 0.04, "AF": 0.04, "ER": 0.06, "RU": 0.015, "BY": 0.02}


class Records:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.documents = 0

    def fill(self, ctx: "HouseholdContext", household: HouseholdSpec) -> None:
        for person in household.members:
            age = ctx.ages[id(person)]
            self._languages(ctx, person, age)
            self._documents(ctx, person, age)
            person.statuses = self._statuses(ctx)
            if age >= 16:
                self._education_and_work(ctx, person, age)
            self._needs(ctx, household, person, age)

    def _languages(self, ctx: "HouseholdContext", person: PersonSpec, age: float) -> None:
        rng = self.rng
        if age < 2:
            return
        person.languages.append((ctx.mother_tongue, "", True))
        if age >= 14:
            for language, probability, levels in ctx.origin.other_languages:
                if language != ctx.mother_tongue and rng.random() < probability:
                    person.languages.append((language, rng.choice(levels.split()), False))
        if age >= 5:
            level = (cat.HOST_LEVEL_ADULT if age >= 18 else cat.HOST_LEVEL_CHILD).pick(rng)
            if REFERENCE_ORDINAL - ctx.arrived > 3 * 365 and level < "B2":
                level = cat.HOST_LEVEL_CHILD.pick(rng)
            person.host_level = level
            if level != "A0":
                person.languages.append(("ro", level, False))

    def _number(self, pattern: str) -> str:
        self.documents += 1
        digits = pattern.count("#")
        serial = f"{(self.documents * _DOCUMENT_STEP) % 10**digits:0{digits}d}"
        head, tail = pattern.split("#", 1)[0], pattern.rsplit("#", 1)[1]
        return f"{head}{serial}{tail}"

    def _documents(self, ctx: "HouseholdContext", person: PersonSpec, age: float) -> None:
        rng, origin, docs = self.rng, ctx.origin, person.documents
        if rng.random() < (origin.passport_share if age >= 16 else origin.passport_share / 2):
            issued = ctx.arrived - rng.randrange(30, 6 * 365)
            docs.append(
                (
                    DocumentType.PASSPORT,
                    self._number(origin.passport),
                    origin.country,
                    iso(issued),
                    iso(issued + 10 * 365 - 1),
                )
            )
        if age < 16:
            born_here = person.country_of_birth == "MD"
            pattern = "І-БК ######" if origin.country == "UA" else f"BC-{origin.country}-#######"
            docs.append(
                (
                    DocumentType.BIRTH_CERTIFICATE,
                    self._number("BC-MD-########" if born_here else pattern),
                    "MD" if born_here else person.country_of_birth,
                    person.birth_date if born_here else None,
                    None,
                )
            )
        kind, pattern = {
            "seeker": (DocumentType.ASYLUM_CARD, "AS-########"),
            "temporary": (DocumentType.RESIDENCE_PERMIT, "TP########"),
            "work": (DocumentType.RESIDENCE_PERMIT, "PS#########"),
            "family": (DocumentType.RESIDENCE_PERMIT, "PS#########"),
            "study": (DocumentType.RESIDENCE_PERMIT, "PS#########"),
        }.get(ctx.status_profile, (DocumentType.RESIDENCE_PERMIT, "R#########"))
        issued = min(ctx.registered + rng.randrange(0, 90), REFERENCE_ORDINAL - 1)
        docs.append((kind, self._number(pattern), "MD", iso(issued), iso(issued + 5 * 365)))
        if kind == DocumentType.RESIDENCE_PERMIT and age >= 18 and rng.random() < 0.1:
            docs.append(
                (DocumentType.TRAVEL_DOCUMENT, self._number("TD#######"), "MD", iso(issued), None)
            )

    def _statuses(self, ctx: "HouseholdContext") -> list[tuple[str, str, str, str | None]]:
        """Legal status history; every member of a household shares it."""
        if ctx.statuses is not None:
            return ctx.statuses
        rng, profile, start = self.rng, ctx.status_profile, ctx.arrived
        history: list[tuple[str, str, str, str | None]] = []
        if profile == "temporary":
            for valid_from, valid_to in _TEMPORARY_PROTECTION:
                if iso(start) < valid_to:
                    valid_from = max(valid_from, iso(start))
                    history.append((StatusType.TEMPORARY_PROTECTION, "", valid_from, valid_to))
        elif profile in ("work", "family", "study"):
            valid_from = start
            while valid_from < REFERENCE_ORDINAL:
                long_term = valid_from - start >= 5 * 365
                years = 10 if long_term else (1 if profile != "family" else 2)
                purpose = "long_term" if long_term else profile
                valid_to = valid_from + years * 365
                history.append(
                    (StatusType.RESIDENCE_PERMIT, purpose, iso(valid_from), iso(valid_to))
                )
                valid_from = valid_to
        else:
            decided = start + rng.randrange(60, 400)
            if profile == "seeker" or decided >= REFERENCE_ORDINAL:
                history.append((StatusType.ASYLUM_SEEKER, "", iso(start), None))
            else:
                history.append((StatusType.ASYLUM_SEEKER, "", iso(start), iso(decided)))
                status = {
                    "protection": StatusType.INTERNATIONAL_PROTECTION,
                    "stateless": StatusType.STATELESS,
                }.get(profile, StatusType.SUBSIDIARY_PROTECTION)
                if status == StatusType.SUBSIDIARY_PROTECTION:
                    while decided < REFERENCE_ORDINAL:
                        until = decided + 2 * 365
                        history.append((status, "humanitarian", iso(decided), iso(until)))
                        decided = until
                else:
                    history.append((status, "", iso(decided), None))
        ctx.statuses = history[-4:]
        return ctx.statuses

    def _education_and_work(self, ctx: "HouseholdContext", person: PersonSpec, age: float) -> None:
        rng, origin = self.rng, ctx.origin
        level = origin.education.pick(rng)
        born = int(person.birth_date[:4])
        year = born + cat.COMPLETION_AGE.get(level, 0)
        if age < 18 or year > 2025:
            return
        field = ""
        if level in ("3", "4") and rng.random() < 0.6:
            field = rng.choice(cat.VOCATIONAL_FIELDS)
        elif level >= "5":
            field = rng.choice(cat.ACADEMIC_FIELDS)
        person.education.append((level, field, origin.country, year if level != "0" else None))
        if field and rng.random() < 0.6:
            title = cat.QUALIFICATION_TITLES[level].format(field.lower())
            person.qualifications.append((title, origin.country, cat.RECOGNITION.pick(rng)))
        working = 0.8 if person.sex == "M" or origin.family_name_rule != "own" else 0.35
        if age >= 20 and rng.random() < working:
            for _ in range(2 if rng.random() < 0.3 else 1):
                code = origin.occupations.pick(rng)
                years = max(1, min(int(age) - 19, rng.randint(1, 15)))
                person.work.append((code, cat.OCCUPATIONS[code], origin.country, years))

    def _needs(
        self, ctx: "HouseholdContext", household: HouseholdSpec, person: PersonSpec, age: float
    ) -> None:
        rng = self.rng
        recorded = iso(min(ctx.registered + rng.randrange(0, 90), REFERENCE_ORDINAL - 1))
        vulnerable = person.vulnerabilities
        if ctx.unaccompanied:
            vulnerable.append(("unaccompanied_minor", "Guardian appointed by the court.", recorded))
        if age >= 18 and rng.random() < _TORTURE_ORIGINS.get(ctx.origin.country, 0.0):
            vulnerable.append(
                ("torture_survivor", "Referred for rehabilitation (NGO Memoria).", recorded)
            )
        if person.relationship == "head" and ctx.single_parent and rng.random() < 0.5:
            vulnerable.append(("single_parent", "", recorded))
        if rng.random() < 0.015:
            vulnerable.append(("disability", rng.choice(_DISABILITY), recorded))
        if rng.random() < 0.025:
            vulnerable.append(("medical_needs", rng.choice(_MEDICAL), recorded))
        self._consents(household, person, age, recorded)

    def _consents(
        self, household: HouseholdSpec, person: PersonSpec, age: float, given_on: str
    ) -> None:
        rng = self.rng
        wanted = []
        if any(v[0] == "torture_survivor" for v in person.vulnerabilities):
            wanted.append("memoria")
        if 6 <= age < 18 and rng.random() < 0.6:
            wanted.append("school")
        if age >= 18 and rng.random() < 0.35:
            wanted.append(_ADULT_CONSENTS.pick(rng))
            if any(q[2] == "pending" for q in person.qualifications):
                wanted.append("min_education")
        for key in dict.fromkeys(wanted):
            purpose, fields = _CONSENTS[key]
            recipient = _MUNICIPALITY_OF[household.centre] if key == "municipality" else key
            withdrawn = expires = None
            r = rng.random()
            if r < 0.05:
                withdrawn = iso(
                    min(REFERENCE_ORDINAL - 1, ordinal(given_on) + rng.randrange(30, 400))
                )
            elif r < 0.35:
                expires = iso(ordinal(given_on) + 2 * 365)
            person.consents.append((purpose, recipient, fields, given_on, withdrawn, expires))
