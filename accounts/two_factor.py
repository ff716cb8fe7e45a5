"""Second factor (TOTP) for staff: who must use it, enrolment, and verification."""

from django.conf import settings
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User


def is_required(user: User) -> bool:
    return user.is_staff or user.role in settings.TWO_FACTOR_ROLES


def has_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled; created on first use, reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def confirm_device(request: HttpRequest, token: str) -> bool:
    device = pending_device(request.user)
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify(request: HttpRequest, token: str) -> bool:
    device = match_token(request.user, token)
    if device is None:
        return False
    otp_login(request, device)
    return True


def token_is_valid(user: User, token: str) -> bool:
    """For the API token endpoint, which has no session to mark as verified."""
    return bool(token) and match_token(user, token) is not None
