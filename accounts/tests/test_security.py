import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts.middleware import SESSION_STARTED_KEY
from accounts.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_correct_password_signs_in(client):
    user = UserFactory()
    response = _sign_in(client, user.username, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_account_locks_after_five_failures_even_from_different_addresses(client):
    user = UserFactory()
    for attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        _sign_in(client, user.username, "wrong-password-123", address=f"10.0.0.{attempt}")
    response = _sign_in(client, user.username, TEST_PASSWORD, address="10.9.9.9")
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_address_locks_after_many_failures_across_accounts(client):
    victim = UserFactory()
    for attempt in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        _sign_in(client, f"nobody{attempt}", "wrong-password-123", address="10.6.6.6")
    assert "locked" in _sign_in(client, victim.username, TEST_PASSWORD, "10.6.6.6").content.decode()
    assert _sign_in(client, victim.username, TEST_PASSWORD, "10.7.7.7").status_code == 302


def test_api_token_endpoint_obeys_the_same_lockout(client):
    user = UserFactory()
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        client.post(
            "/api/v1/auth/token/", {"username": user.username, "password": "nope-nope-nope"}
        )
    response = client.post(
        "/api/v1/auth/token/", {"username": user.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"][0]["code"] == "locked_out"


@pytest.mark.parametrize("password", ["short-pass1", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_passwords_are_hashed_with_argon2_in_production():
    assert settings.PASSWORD_HASHERS  # test settings use MD5 for speed; production is below
    from integra.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_expires_after_idle_limit_and_cookie_is_renewed():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_session_older_than_twelve_hours_is_ended(client):
    client.force_login(UserFactory())
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 12 * 60 * 60 - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_pages_carry_a_strict_content_security_policy(client):
    client.force_login(UserFactory())
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integra.settings.production",
        "DJANGO_SECRET_KEY": "x9" * 30 + "-not-a-real-secret-only-for-this-check",
        "ALLOWED_HOSTS": "integra.example.org",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "integra.settings.production"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
