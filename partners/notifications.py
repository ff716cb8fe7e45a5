"""In-app and e-mail notifications about referrals."""

import logging
from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from accounts import policy
from accounts.models import User

from .models import Notification

logger = logging.getLogger(__name__)


def notify(users, text: str, url: str = "") -> None:
    """In-app notices now; e-mails once the change is committed, so a mail server that is down
    neither blocks nor rolls back the referral (the in-app notice is kept)."""
    users = [u for u in users if u.is_active]
    Notification.objects.bulk_create(Notification(user=u, text=text, url=url) for u in users)
    addresses = [u.email for u in users if u.email]
    if addresses:
        transaction.on_commit(partial(_send, addresses, text, url))


def _send(addresses: list[str], text: str, url: str) -> None:
    for address in addresses:
        try:
            send_mail("Integra: " + text[:60], f"{text}\n\n{url}", None, [address])
        except OSError:
            logger.exception("Could not e-mail a notification to %s", address)


def partner_staff_of(organisation_id: int):
    roles = policy.roles_receiving_referrals()
    return User.objects.filter(organisation_id=organisation_id, role__in=roles)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def for_user(user):
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def mark_read(user, ids) -> int:
    """Mark the user's own notifications among `ids` as read."""
    unread = Notification.objects.filter(user=user, pk__in=list(ids), read_at__isnull=True)
    return unread.update(read_at=timezone.now())
