from functools import partial

from django.http import HttpRequest

from accounts import policy

from .notifications import unread_count


def network(request: HttpRequest) -> dict:
    """Navigation to the partner pages, and the unread notifications (counted only if shown)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_may_refer": policy.may_refer(user),
        "nav_receives_referrals": policy.receives_referrals(user),
        "nav_unread_notifications": partial(unread_count, user),
    }
