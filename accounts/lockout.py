"""Sign-in throttling, counted per account and per client address."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import FailedLogin


def client_address(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _recent() -> "FailedLogin.objects":
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    return FailedLogin.objects.filter(at__gte=since)


def is_locked_out(username: str, address: str | None) -> bool:
    recent = _recent()
    if recent.filter(username=username.lower()).count() >= settings.LOGIN_FAILURES_PER_ACCOUNT:
        return True
    return bool(
        address and recent.filter(address=address).count() >= settings.LOGIN_FAILURES_PER_ADDRESS
    )


def record_failure(username: str, address: str | None) -> None:
    FailedLogin.objects.create(username=username.lower(), address=address)


def clear_account(username: str) -> None:
    FailedLogin.objects.filter(username=username.lower()).delete()
