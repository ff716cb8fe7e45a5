"""Programme profiles over the API: rules as data with their sources, no personal data."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .programmes import condition_to_data


@extend_schema_field(OpenApiTypes.OBJECT)
class ConditionField(serializers.Field):
    """A `when` condition as written in the profile, e.g. {"needs_language": true}."""

    def to_representation(self, value):
        return condition_to_data(value)


class ProgrammeSourceSerializer(serializers.Serializer):
    document = serializers.CharField()
    passage = serializers.CharField()


class ProgrammeEligibilitySerializer(serializers.Serializer):
    status_types = serializers.ListField(child=serializers.CharField())
    min_age = serializers.IntegerField()
    max_age = serializers.IntegerField(allow_null=True)


class ProgrammeParticipationSerializer(serializers.Serializer):
    mode = serializers.CharField()
    mandatory = serializers.BooleanField()
    integration_declaration_required = serializers.BooleanField()
    duration_months = serializers.IntegerField()
    review_interval_days = serializers.IntegerField()


class ProgrammeModuleSerializer(serializers.Serializer):
    code = serializers.CharField()
    area = serializers.CharField()
    title = serializers.CharField()
    min_hours = serializers.IntegerField()


class ProgrammeExamSerializer(serializers.Serializer):
    required = serializers.BooleanField()
    target_cefr = serializers.CharField(allow_null=True)
    skills = serializers.ListField(child=serializers.CharField())


class ProgrammeIncentiveSerializer(serializers.Serializer):
    code = serializers.CharField()
    description = serializers.CharField()


class ProgrammeSanctionSerializer(ProgrammeIncentiveSerializer):
    trigger = serializers.CharField()
    threshold = serializers.IntegerField()
    action = serializers.CharField()


class ProgrammeCourseQualitySerializer(serializers.Serializer):
    max_group_size = serializers.IntegerField()
    required_teacher_qualifications = serializers.ListField(child=serializers.CharField())
    min_hours = serializers.IntegerField()
    exam_required = serializers.BooleanField()
    language_of_instruction = serializers.CharField(allow_null=True)


class ProgrammeMeasureTemplateSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    responsible = serializers.CharField()
    due_in_days = serializers.IntegerField()
    hours = serializers.IntegerField(allow_null=True)
    module = serializers.CharField(allow_null=True)


class ProgrammeGoalTemplateSerializer(serializers.Serializer):
    area = serializers.CharField()
    title = serializers.CharField()
    when = ConditionField()
    measures = ProgrammeMeasureTemplateSerializer(many=True)


class ProgrammePlanTemplateSerializer(serializers.Serializer):
    id = serializers.CharField()
    when = ConditionField()
    goals = ProgrammeGoalTemplateSerializer(many=True)


class ProgrammeSerializer(serializers.Serializer):
    """A programme profile as loaded from its YAML file, with the sources it follows."""

    id = serializers.CharField()
    country = serializers.CharField()
    name = serializers.CharField()
    version = serializers.CharField()
    sources = ProgrammeSourceSerializer(many=True)
    eligibility = ProgrammeEligibilitySerializer()
    participation = ProgrammeParticipationSerializer()
    mandatory_modules = ProgrammeModuleSerializer(many=True)
    exam = ProgrammeExamSerializer()
    incentives = ProgrammeIncentiveSerializer(many=True)
    sanctions = ProgrammeSanctionSerializer(many=True)
    plan_templates = ProgrammePlanTemplateSerializer(many=True)
    waiting_list_priority = serializers.ListField(child=serializers.CharField())
    course_quality = ProgrammeCourseQualitySerializer(allow_null=True)
