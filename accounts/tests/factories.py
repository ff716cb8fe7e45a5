import factory

from accounts.models import Organisation, OrganisationType, Role, User

TEST_PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Integration Centre {n}")
    type = OrganisationType.INTEGRATION_CENTRE
    region = "Chișinău"
    country = "MD"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Ana"
    last_name = "Popescu"
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.CASEWORKER
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def sign_in(client, user) -> None:
    """Log `user` in with the second factor already passed, as after a full sign-in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
