from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.policy import FieldGroup

from .choices import ReferralStatus
from .models import Agreement, AgreementParty, Referral, ReferralEvent, Service
from .services import REASON_LENGTH


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ServiceSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer()
    languages = serializers.SerializerMethodField()
    field_groups = serializers.ListField(child=serializers.ChoiceField(choices=list(FieldGroup)))

    class Meta:
        model = Service
        fields = [
            "id",
            "organisation",
            "name",
            "area",
            "description",
            "eligibility",
            "languages",
            "region",
            "address",
            "capacity",
            "waiting_days",
            "field_groups",
            "active",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_languages(self, service) -> list[str]:
        return [code for code in service.languages.split(",") if code]


class PartySerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer()

    class Meta:
        model = AgreementParty
        fields = ["organisation", "role"]


class AgreementSerializer(serializers.ModelSerializer):
    parties = PartySerializer(source="roles", many=True)
    field_groups = serializers.ListField(child=serializers.ChoiceField(choices=list(FieldGroup)))

    class Meta:
        model = Agreement
        fields = [
            "id",
            "title",
            "scope",
            "purpose",
            "field_groups",
            "valid_from",
            "valid_to",
            "parties",
        ]


class ReferralEventSerializer(serializers.ModelSerializer):
    by = serializers.StringRelatedField()

    class Meta:
        model = ReferralEvent
        fields = ["status", "note", "at", "by"]


class ReferralSerializer(serializers.ModelSerializer):
    """A referral. `person` and `person_name` are null unless the caller may read the client's
    identity; the names given are audited as listed."""

    person = serializers.SerializerMethodField()
    person_name = serializers.SerializerMethodField()
    service = OrganisationRefSerializer()
    sender = OrganisationRefSerializer()
    receiver = OrganisationRefSerializer()
    shared_groups = serializers.SerializerMethodField()
    consent = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(source="is_overdue")

    class Meta:
        model = Referral
        fields = [
            "id",
            "person",
            "person_name",
            "service",
            "sender",
            "receiver",
            "purpose",
            "note",
            "deadline",
            "overdue",
            "status",
            "status_reason",
            "shared_groups",
            "consent",
            "override_reason",
            "measure_key",
            "version",
            "created_at",
        ]

    def _client(self, referral):
        return self.context.get("clients", {}).get(referral.person_id)

    @extend_schema_field(OpenApiTypes.INT)
    def get_person(self, referral) -> int | None:
        client = self._client(referral)
        return client.pk if client else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_person_name(self, referral) -> str | None:
        client = self._client(referral)
        return client.display_name if client else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_shared_groups(self, referral) -> list[str]:
        return sorted(referral.groups)

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "id": {"type": "integer"},
                "purpose": {"type": "string"},
                "given_on": {"type": "string", "format": "date"},
                "expires_on": {"type": "string", "format": "date", "nullable": True},
                "field_groups": {"type": "array", "items": {"type": "string"}},
            },
        }
    )
    def get_consent(self, referral):
        consent = referral.consent
        if consent is None:
            return None
        return {
            "id": consent.pk,
            "purpose": consent.purpose,
            "given_on": consent.given_on.isoformat(),
            "expires_on": consent.expires_on.isoformat() if consent.expires_on else None,
            "field_groups": list(consent.field_groups),
        }


class ReferralDetailSerializer(ReferralSerializer):
    events = ReferralEventSerializer(many=True)

    class Meta(ReferralSerializer.Meta):
        fields = [*ReferralSerializer.Meta.fields, "events"]


class ReferralCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField(min_value=1)
    service = serializers.IntegerField(min_value=1)
    purpose = serializers.CharField(max_length=300)
    deadline = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    consent = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The client's consent to the receiving organisation; without one an active "
        "covering consent is looked up, else the referral is held for a coordinator.",
    )
    measure = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Plan measure it carries out"
    )


class MoveSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ReferralStatus.choices)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=REASON_LENGTH
    )
    version = serializers.IntegerField(min_value=1, help_text="The version that was read")


class OverrideSerializer(serializers.Serializer):
    reason = serializers.CharField(min_length=1)


class StaleReferralSerializer(serializers.Serializer):
    detail = serializers.CharField()
    version = serializers.IntegerField()
