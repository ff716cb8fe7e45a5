import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest

SESSION_STARTED_KEY = "integra_session_started"


def mark_session_start(request: HttpRequest) -> None:
    request.session[SESSION_STARTED_KEY] = int(time.time())


class AbsoluteSessionLimitMiddleware:
    """Ends any session older than SESSION_ABSOLUTE_SECONDS, however active it has been.

    The idle limit is SESSION_COOKIE_AGE renewed on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            if started is None or time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
        return self.get_response(request)


class TwoFactorMiddleware:
    """Sends signed-in users who must (or chose to) use a second factor to verify it first."""

    EXEMPT_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/api/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        from django.shortcuts import redirect

        from . import two_factor

        user = getattr(request, "user", None)
        exempt = request.path.startswith(self.EXEMPT_PREFIXES)
        if user is not None and user.is_authenticated and not exempt and not user.is_verified():
            if two_factor.has_device(user):
                return redirect(f"/accounts/two-factor/?next={request.path}")
            if two_factor.is_required(user):
                return redirect("accounts:two_factor_setup")
        return self.get_response(request)
