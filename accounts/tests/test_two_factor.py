import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from accounts.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def administrator():
    return UserFactory(role=Role.ADMINISTRATOR, is_staff=True)


def test_staff_without_a_device_must_enrol_before_anything_else(client, administrator):
    client.force_login(administrator)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/setup/"


def test_enrolment_with_a_valid_code_unlocks_the_app(client, administrator):
    client.force_login(administrator)
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=administrator)
    response = client.post("/accounts/two-factor/setup/", {"code": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


def test_wrong_code_is_refused_with_a_message(client, administrator):
    client.force_login(administrator)
    client.get("/accounts/two-factor/setup/")
    response = client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert response.status_code == 200
    assert "not valid" in response.content.decode()
    assert client.get("/").status_code == 302


def test_enrolled_user_must_verify_after_every_sign_in(client, administrator):
    device = TOTPDevice.objects.create(user=administrator, confirmed=True)
    client.post("/accounts/login/", {"username": administrator.username, "password": TEST_PASSWORD})
    assert client.get("/people/").headers["Location"].startswith("/accounts/two-factor/")
    client.post("/accounts/two-factor/", {"code": _code(device)})
    assert client.get("/").status_code == 200


def test_roles_outside_the_requirement_are_not_forced(client):
    client.force_login(UserFactory(role=Role.CASEWORKER))
    assert client.get("/").status_code == 200


def test_api_token_for_a_staff_account_needs_the_one_time_code(client, administrator):
    device = TOTPDevice.objects.create(user=administrator, confirmed=True)
    credentials = {"username": administrator.username, "password": TEST_PASSWORD}
    refused = client.post("/api/v1/auth/token/", credentials)
    assert refused.status_code == 400
    assert "otp_token" in refused.json()["errors"]
    granted = client.post("/api/v1/auth/token/", {**credentials, "otp_token": _code(device)})
    assert granted.status_code == 200
    assert granted.json()["token"]
