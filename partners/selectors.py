"""Reads for the partner network: directory, inboxes, overdue referrals."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts import policy
from people.models import Person

from .choices import ACTIVE_STATES, ReferralStatus
from .models import Referral, Service


def directory(area: str = "", region: str = "", language: str = "", text: str = "") -> QuerySet:
    """Active services, filtered; the directory holds no personal data."""
    services = Service.objects.filter(active=True).select_related("organisation")
    if area:
        services = services.filter(area=area)
    if region:
        services = services.filter(region=region)
    if language:
        services = services.filter(languages__icontains=language.lower()[:3])
    if text:
        services = services.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return services


def may_see_referral(user, referral: Referral) -> bool:
    if policy.receives_referrals(user) and user.organisation_id == referral.receiver_id:
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
