"""What the pathway, partner and course demo rows need to know about one seeded person."""

from dataclasses import dataclass, field
from datetime import date

from .specs import REFERENCE_ORDINAL, HouseholdSpec, PersonSpec

TODAY = REFERENCE_ORDINAL  # the demo's "today": nothing happens on or after it
PROTECTION = ("international_protection", "subsidiary_protection", "stateless")
REGIONS = {"centre_chisinau": "Chișinău", "centre_balti": "Bălți", "centre_cahul": "Cahul"}


def day_of(text: str | None) -> int | None:
    return date.fromisoformat(text).toordinal() if text else None


@dataclass
class ConsentRec:
    id: int
    recipient: int  # organisation id
    purpose: str
    groups: frozenset[str]
    given: int
    withdrawn: int | None = None
    expires: int | None = None

    def is_active(self, on: int) -> bool:
        """As people.models.Consent.is_active."""
        if self.withdrawn and self.withdrawn <= on:
            return False
        return not (self.expires and self.expires < on) and self.given <= on


@dataclass
class DemoPerson:
    pid: int
    spec: PersonSpec
    household: HouseholdSpec
    centre: int  # organisation id of the owning integration centre
    centre_key: str
    caseworker: int | None
    consents: list[ConsentRec] = field(default_factory=list)
    _statuses: list | None = field(default=None, repr=False)

    @property
    def region(self) -> str:
        return REGIONS[self.centre_key]

    @property
    def registered(self) -> int:
        return day_of(self.household.registered)

    def age_on(self, on: int) -> int:
        """Whole years on day `on` (as pathways.assessments.age_on; 30 when unknown)."""
        if not self.spec.birth_date:
            return 30
        born, day = date.fromisoformat(self.spec.birth_date), date.fromordinal(on)
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def status_on(self, on: int) -> str:
        """The legal status valid on `on`, newest first (as assessments.current_status_type)."""
        if self._statuses is None:
            self._statuses = [
                (day_of(valid_from), day_of(valid_to), kind)
                for kind, _purpose, valid_from, valid_to in sorted(
                    self.spec.statuses, key=lambda s: s[2], reverse=True
                )
            ]
        for valid_from, valid_to, kind in self._statuses:
            if valid_from <= on and (valid_to is None or valid_to >= on):
                return kind
        return ""

    def status_since(self, kinds: tuple[str, ...]) -> int | None:
        """The first day the person held one of `kinds`."""
        days = [day_of(s[2]) for s in self.spec.statuses if s[0] in kinds]
        return min(days) if days else None

    def has_vulnerability(self, kind: str) -> bool:
        return any(v[0] == kind for v in self.spec.vulnerabilities)

    def covering_consent(self, receiver: int, purpose: str, groups, on: int):
        """As partners.services.covering_consent: an active consent to this organisation, for
        this purpose, covering these field groups."""
        wanted = set(groups)
        for consent in self.consents:
            if (
                consent.recipient == receiver
                and wanted <= consent.groups
                and consent.is_active(on)
                and consent.purpose.casefold() == purpose.casefold()
            ):
                return consent
        return None


@dataclass(frozen=True)
class DemoUsers:
    """Ids of the demo logins who act in the demo records."""

    caseworkers: dict[int, int]  # centre organisation id -> caseworker
    coordinator: int
    partner_staff: dict[int, int]  # organisation id -> a partner staff user
    teacher: int
