"""API representations built field group by field group, as the access policy allows."""

from rest_framework import serializers

from accounts.policy import FieldGroup

from . import models
from .services import EDITABLE_FIELDS


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.IdentityDocument
        fields = ["type", "number", "issuing_country", "issued_on", "expires_on"]


class StatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.LegalStatus
        fields = ["status_type", "permit_purpose", "valid_from", "valid_to", "issuing_authority"]


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.PersonLanguage
        fields = ["language", "level", "is_native"]


class EducationSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Education
        fields = ["isced_level", "field", "country", "completed_year"]


class QualificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Qualification
        fields = ["title", "country", "recognition"]


class WorkSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.WorkExperience
        fields = ["isco_code", "occupation", "country", "years"]


class VulnerabilitySerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Vulnerability
        fields = ["kind", "note", "recorded_on"]


class MembershipSerializer(serializers.ModelSerializer):
    household = serializers.IntegerField(source="household_id")
    reference = serializers.CharField(source="household.reference")
    person = serializers.IntegerField(source="person_id")

    class Meta:
        model = models.HouseholdMember
        fields = ["household", "reference", "person", "relationship"]


def _identity(p):
    return {
        "given_name": p.given_name,
        "family_name": p.family_name,
        "given_name_latin": p.given_name_latin,
        "family_name_latin": p.family_name_latin,
        "sex": p.sex,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "birth_date_precision": p.birth_date_precision,
        "country_of_birth": p.country_of_birth,
        "citizenships": [c.country for c in p.citizenships.all()],
        "documents": DocumentSerializer(p.documents.all(), many=True).data,
    }


# Other apps add the field groups they own in AppConfig.ready.
GROUP_BUILDERS = {
    FieldGroup.IDENTITY: _identity,
    FieldGroup.CONTACT: lambda p: {
        "phone": p.phone,
        "email": p.email,
        "address": p.address,
        "municipality": p.municipality,
    },
    FieldGroup.LEGAL_STATUS: lambda p: {
        "statuses": StatusSerializer(p.statuses.all(), many=True).data
    },
    FieldGroup.FAMILY: lambda p: {
        "households": MembershipSerializer(p.memberships.all(), many=True).data
    },
    FieldGroup.EDUCATION_WORK: lambda p: {
        "host_language_level": p.host_language_level,
        "languages": LanguageSerializer(p.languages.all(), many=True).data,
        "education": EducationSerializer(p.education.all(), many=True).data,
        "qualifications": QualificationSerializer(p.qualifications.all(), many=True).data,
        "work_experience": WorkSerializer(p.work_experience.all(), many=True).data,
    },
    FieldGroup.VULNERABILITIES: lambda p: {
        "vulnerabilities": VulnerabilitySerializer(p.vulnerabilities.all(), many=True).data
    },
}


def person_representation(person, groups) -> dict:
    data = {"id": person.pk, "version": person.version, "organisation": person.organisation_id}
    for group in FieldGroup:
        if group in groups and group in GROUP_BUILDERS:
            data[group.value] = GROUP_BUILDERS[group](person)
    return data


class PersonWriteSerializer(serializers.ModelSerializer):
    citizenships = serializers.ListField(child=serializers.CharField(max_length=2), required=False)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = models.Person
        fields = [*EDITABLE_FIELDS, "citizenships", "version"]


class HouseholdSerializer(serializers.ModelSerializer):
    members = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = models.Household
        fields = ["id", "reference", "organisation", "reunification_pending", "note", "members"]


class PersonRecordSerializer(serializers.Serializer):
    """Schema of person_representation: each field group appears only when the caller may
    read it."""

    id = serializers.IntegerField()
    version = serializers.IntegerField()
    organisation = serializers.IntegerField()
    identity = serializers.DictField(required=False)
    contact = serializers.DictField(required=False)
    legal_status = serializers.DictField(required=False)
    family = serializers.DictField(required=False)
    education_work = serializers.DictField(required=False)
    vulnerabilities = serializers.DictField(required=False)
