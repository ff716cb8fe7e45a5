from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import lockout


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") or ""
    lockout.record_failure(username, lockout.client_address(request))


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    lockout.clear_account(user.get_username())
    if request is not None and hasattr(request, "session"):
        from .middleware import mark_session_start

        mark_session_start(request)
