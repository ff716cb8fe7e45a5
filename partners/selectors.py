"""Reads for the partner network: directory, inboxes, overdue referrals."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record
from people.models import Consent, Person
from people.selectors import audit_listed

from .choices import ACTIVE_STATES, ReferralStatus
from .models import Agreement, Referral, Service

DASHBOARD_ROWS = 10


def directory(area: str = "", region: str = "", language: str = "", text: str = "") -> QuerySet:
    """Active services, filtered; the directory holds no personal data."""
    services = Service.objects.filter(active=True).select_related("organisation")
    if area:
        services = services.filter(area=area)
    if region:
        services = services.filter(region=region)
    if language:
        services = services.filter(speaks(language))
    if text:
        services = services.filter(
            Q(name__icontains=text)
            | Q(description__icontains=text)
            | Q(organisation__name__icontains=text)
        )
    return services


def speaks(language: str) -> Q:
    """Services offered in `language`: one whole code of the comma-separated list."""
    code = language.strip().lower()
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code},")
        | Q(languages__endswith=f",{code}")
        | Q(languages__contains=f",{code},")
    )


def may_see_referral(user, referral: Referral) -> bool:
    # A held referral has not been sent: the receiving organisation does not know of it yet.
    receiver = policy.receives_referrals(user) and user.organisation_id == referral.receiver_id
    if receiver and referral.status != ReferralStatus.HELD:
        return True
    if policy.oversees_referrals(user):
        return True
    return user.organisation_id == referral.sender_id and bool(
        policy.access(user, referral.person).groups
    )


def get_referral(user, pk: int) -> Referral:
    referral = (
        Referral.objects.select_related("person", "service", "sender", "receiver", "consent")
        .filter(pk=pk)
        .first()
    )
    if referral is None or not may_see_referral(user, referral):
        raise Http404
    return referral


def inbox(user, status: str = "") -> QuerySet:
    """Referrals received by the user's organisation (partner staff)."""
    if not policy.receives_referrals(user):
        raise PermissionDenied
    referrals = Referral.objects.filter(receiver_id=user.organisation_id).exclude(
        status=ReferralStatus.HELD
    )
    if status:
        referrals = referrals.filter(status=status)
    return referrals.select_related("service", "sender").order_by("deadline", "id")


def sent(user, status: str = "") -> QuerySet:
    """Referrals the user's organisation sent, for clients the user may see."""
    persons = policy.visible_persons(user, Person.objects.all())
    referrals = Referral.objects.filter(sender_id=user.organisation_id, person__in=persons)
    if status:
        referrals = referrals.filter(status=status)
    return referrals.select_related("service", "receiver", "person").order_by("deadline", "id")


def overdue(user, today: date) -> QuerySet:
    """Active referrals past their deadline: the sender's worklist, the coordinator's dashboard."""
    late = Referral.objects.filter(status__in=ACTIVE_STATES, deadline__lt=today)
    if policy.oversees_referrals(user):
        return late.select_related("sender", "receiver", "service").order_by("deadline")
    return sent(user).filter(status__in=ACTIVE_STATES, deadline__lt=today)


def held_for_override(user) -> QuerySet:
    if not policy.oversees_referrals(user):
        return Referral.objects.none()
    return Referral.objects.filter(status=ReferralStatus.HELD).select_related(
        "sender", "receiver", "service"
    )


def regions() -> list[str]:
    """Regions that have an active service, for the directory filter."""
    rows = Service.objects.filter(active=True).values_list("region", flat=True)
    return list(rows.distinct().order_by("region"))


def agreements() -> QuerySet:
    return Agreement.objects.prefetch_related("roles__organisation").order_by("-valid_from", "id")


def referrals_for(user, status: str = "") -> QuerySet:
    """What an organisation's own system pulls: partner staff their inbox, the coordinator every
    referral, anyone else the referrals their organisation sent."""
    if policy.receives_referrals(user):
        return inbox(user, status)
    if policy.oversees_referrals(user):
        referrals = Referral.objects.select_related("service", "sender", "receiver")
        return referrals.filter(status=status) if status else referrals
    return sent(user, status)


def named_clients(user, referrals) -> dict[int, Person]:
    """The clients of `referrals` whose identity the user may read, audited as listed."""
    ids = {referral.person_id for referral in referrals}
    persons = Person.objects.filter(pk__in=ids).order_by("pk")
    named = list(policy.visible_persons(user, persons, FieldGroup.IDENTITY))
    audit_listed(user, named)
    return {person.pk: person for person in named}


@dataclass(frozen=True)
class Client:
    """The client as the viewer of a referral may see them: the name only with the identity
    group, a link to the record only with some group."""

    person: Person | None
    may_open: bool


def client_of(user, referral: Referral) -> Client:
    grant = policy.access(user, referral.person)
    if not grant.allows(FieldGroup.IDENTITY):
        return Client(None, bool(grant.groups))
    entry = Entry(
        referral.person_id,
        Action.VIEW,
        [FieldGroup.IDENTITY],
        grant.ground,
        f"referral:{referral.pk}",
    )
    record(user, [entry])
    return Client(referral.person, True)


def consent_options(person: Person, receiver_id: int, today: date) -> list[Consent]:
    """The client's consents to the receiving organisation that stand today."""
    consents = person.consents.filter(recipient_id=receiver_id).order_by("-given_on", "-id")
    return [consent for consent in consents if consent.is_active(today)]


def dashboard(user, today: date) -> dict:
    """Referral sections of the dashboard; rows name no client."""
    sections = {}
    if policy.oversees_referrals(user):
        sections["network_overdue"] = list(overdue(user, today)[:DASHBOARD_ROWS])
        sections["held"] = list(held_for_override(user).order_by("created_at")[:DASHBOARD_ROWS])
    elif policy.may_refer(user):
        sections["own_overdue"] = list(overdue(user, today)[:DASHBOARD_ROWS])
    if policy.receives_referrals(user):
        sections["new"] = list(inbox(user, ReferralStatus.SENT)[:DASHBOARD_ROWS])
    return sections
