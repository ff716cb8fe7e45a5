"""API representations of the integration pathway, and the bodies its writes accept."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import policy
from accounts.models import Organisation
from accounts.policy import FieldGroup
from people.models import Person

from . import selectors
from .assessments import ASSESSMENT_FIELDS, SENSITIVE_FIELDS
from .choices import MeasureStatus, PlanOutcome, ReviewOutcome, SignatureMethod
from .models import Assessment, Goal, Measure, MeasureStatusChange, Plan, PlanVersion, Review


def _user(serializer):
    request = serializer.context.get("request")
    return request.user if request is not None else None


class AssessmentSerializer(serializers.ModelSerializer):
    """An initial assessment. The health fields (health_needs, psychosocial_needs,
    health_notes) appear, and may be sent, only when the caller may read the person's
    "vulnerabilities and health" field group."""

    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.none())

    class Meta:
        model = Assessment
        fields = ["id", "person", "organisation", "assessed_by", "created_at", *ASSESSMENT_FIELDS]
        read_only_fields = ["organisation", "assessed_by", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if _user(self) is not None:
            self.fields["person"].queryset = selectors.pathway_persons(_user(self))

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = _user(self)
        grant = policy.access(user, instance.person) if user is not None else policy.DENIED
        if not grant.allows(FieldGroup.VULNERABILITIES):
            for field in SENSITIVE_FIELDS:
                data.pop(field, None)
        return data


class PlanSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="programme_id")

    class Meta:
        model = Plan
        fields = [
            "id",
            "person",
            "organisation",
            "assessment",
            "programme",
            "programme_version",
            "start_date",
            "end_date",
            "mandatory",
            "declaration_required",
            "declaration_signed_on",
            "closed_on",
            "outcome",
            "lock_version",
            "created_at",
        ]


class StatusChangeSerializer(serializers.ModelSerializer):
    by = serializers.IntegerField(source="by_id", allow_null=True)

    class Meta:
        model = MeasureStatusChange
        fields = ["status", "reason", "at", "by"]


class MeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measure
        fields = [
            "id",
            "key",
            "goal",
            "type",
            "title",
            "responsible_type",
            "responsible",
            "deadline",
            "hours",
            "module_code",
            "status",
            "status_reason",
            "fulfilled_by_kind",
            "fulfilled_by_id",
        ]


class MeasureDetailSerializer(MeasureSerializer):
    """A measure with its plan's lock version (needed to change it) and its status history,
    which follows the measure across plan versions."""

    plan = serializers.IntegerField(source="goal.version.plan_id")
    plan_lock_version = serializers.IntegerField(source="goal.version.plan.lock_version")
    version = serializers.IntegerField(source="goal.version.number")
    history = serializers.SerializerMethodField()

    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "plan", "plan_lock_version", "version", "history"]

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_history(self, measure):
        return StatusChangeSerializer(selectors.measure_history(measure), many=True).data


class GoalSerializer(serializers.ModelSerializer):
    measures = MeasureSerializer(many=True, read_only=True)

    class Meta:
        model = Goal
        fields = ["id", "area", "title", "measures"]


class PlanVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanVersion
        fields = [
            "number",
            "status",
            "change_note",
            "created_at",
            "agreed_on",
            "agreement_language",
            "signature_method",
            "witness",
            "interpreter",
        ]


class ReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = Review
        fields = ["id", "plan", "due_on", "held_on", "held_by", "notes", "outcome"]


class PlanDetailSerializer(serializers.Serializer):
    """One version of a plan (the newest unless asked otherwise) with its goals and measures."""

    plan = PlanSerializer()
    version = PlanVersionSerializer()
    goals = GoalSerializer(many=True)
    versions = PlanVersionSerializer(many=True)
    reviews = ReviewSerializer(many=True)
    editable = serializers.BooleanField()


class StalePlanSerializer(serializers.Serializer):
    detail = serializers.CharField()
    lock_version = serializers.IntegerField(allow_null=True)


# Request bodies.


class LockedSerializer(serializers.Serializer):
    lock_version = serializers.IntegerField(
        min_value=1, help_text="The plan's lock_version as read; a stale one is refused (409)."
    )


class ProposeSerializer(serializers.Serializer):
    assessment = serializers.PrimaryKeyRelatedField(queryset=Assessment.objects.none())
    programme = serializers.CharField(max_length=40, help_text="Id of an active programme.")
    start_date = serializers.DateField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if _user(self) is not None:
            self.fields["assessment"].queryset = selectors.visible_assessments(_user(self))


class AgreeSerializer(LockedSerializer):
    agreed_on = serializers.DateField()
    agreement_language = serializers.CharField(max_length=5, allow_blank=True, default="")
    signature_method = serializers.ChoiceField(
        SignatureMethod.choices, allow_blank=True, default=""
    )
    witness = serializers.CharField(max_length=200, allow_blank=True, default="")
    interpreter = serializers.CharField(max_length=200, allow_blank=True, default="")


class DeclarationSerializer(LockedSerializer):
    signed_on = serializers.DateField()


class ReviseSerializer(LockedSerializer):
    change_note = serializers.CharField(max_length=300)


class CloseSerializer(LockedSerializer):
    outcome = serializers.ChoiceField(PlanOutcome.choices)
    closed_on = serializers.DateField()


class MeasureChangeSerializer(LockedSerializer):
    title = serializers.CharField(max_length=300, required=False)
    deadline = serializers.DateField(required=False)
    responsible = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), allow_null=True, required=False
    )
    hours = serializers.IntegerField(min_value=0, allow_null=True, required=False)


class MeasureStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(MeasureStatus.choices)
    reason = serializers.CharField(max_length=300, allow_blank=True, default="")


class HoldReviewSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    notes = serializers.CharField(allow_blank=True, default="")
    outcome = serializers.ChoiceField(ReviewOutcome.choices, allow_blank=True, default="")
