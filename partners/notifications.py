"""In-app and e-mail notifications about referrals."""

from django.core.mail import send_mail

from accounts import policy
from accounts.models import User

from .models import Notification


def notify(users, text: str, url: str = "") -> None:
    users = [u for u in users if u.is_active]
    Notification.objects.bulk_create(Notification(user=u, text=text, url=url) for u in users)
    for user in users:
        if user.email:
            send_mail("Integra: " + text[:60], f"{text}\n\n{url}", None, [user.email])


def partner_staff_of(organisation_id: int):
    roles = policy.roles_receiving_referrals()
    return User.objects.filter(organisation_id=organisation_id, role__in=roles)
