"""API representations of courses, groups, enrolments, attendance and exam results, and the
bodies their writes accept. Persons appear by id only: their data comes from /persons/."""

from rest_framework import serializers

from people.choices import CEFR

from .choices import Mark, Skill
from .models import Attendance, Course, CourseGroup, Enrolment, ExamResult, Session, SkillScore


class CourseSerializer(serializers.ModelSerializer):
    curriculum_hours = serializers.SerializerMethodField()

    class Meta:
        model = Course
        fields = [
            "id",
            "provider",
            "course_type",
            "curriculum",
            "curriculum_hours",
            "title",
            "language",
            "target_level",
            "delivery",
            "location",
            "region",
            "time_zone",
            "module_code",
            "active",
        ]
        read_only_fields = ["active"]

    def get_curriculum_hours(self, course: Course) -> int:
        return course.curriculum.total_hours()


class CourseGroupSerializer(serializers.ModelSerializer):
    free_seats = serializers.IntegerField(read_only=True)

    class Meta:
        model = CourseGroup
        fields = [
            "id",
            "course",
            "name",
            "teacher",
            "programme_id",
            "start_date",
            "end_date",
            "capacity",
            "seats_taken",
            "free_seats",
            "status",
            "version",
        ]
        read_only_fields = ["seats_taken", "status", "version"]


class GroupProblemsSerializer(serializers.Serializer):
    detail = serializers.ListField(child=serializers.CharField())


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="The group version the change was made from.")


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "uid", "date", "start_time", "end_time", "topic", "hours"]
        read_only_fields = ["uid"]
        extra_kwargs = {"hours": {"required": False}}


class EnrolmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = [
            "id",
            "group",
            "person",
            "plan",
            "measure_key",
            "status",
            "mandatory",
            "requested_at",
            "enrolled_at",
            "ended_on",
            "end_reason",
        ]


class EnrolSerializer(serializers.Serializer):
    group = serializers.IntegerField()
    person = serializers.IntegerField()
    measure = serializers.IntegerField(
        required=False, allow_null=True, help_text="The plan's course measure it carries out."
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class AttendanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attendance
        fields = ["id", "session", "enrolment", "mark", "recorded_at"]


class MarkSerializer(serializers.Serializer):
    enrolment = serializers.IntegerField()
    mark = serializers.ChoiceField(choices=Mark.choices)


class RegisterSerializer(serializers.Serializer):
    session = serializers.IntegerField()
    marks = MarkSerializer(many=True)


class SkillScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = SkillScore
        fields = ["skill", "score", "level"]


class ExamResultSerializer(serializers.ModelSerializer):
    scores = SkillScoreSerializer(many=True, read_only=True)
    certificate = serializers.SerializerMethodField()

    class Meta:
        model = ExamResult
        fields = [
            "id",
            "enrolment",
            "taken_on",
            "target_level",
            "level_reached",
            "passed",
            "scores",
            "certificate",
        ]

    def get_certificate(self, result: ExamResult) -> int | None:
        certificate = getattr(result, "certificate", None)
        return certificate.pk if certificate is not None else None


class ScoreInSerializer(serializers.Serializer):
    skill = serializers.ChoiceField(choices=Skill.choices)
    score = serializers.IntegerField(min_value=0, max_value=100)
    level = serializers.ChoiceField(choices=CEFR.choices)


class ExamInSerializer(serializers.Serializer):
    enrolment = serializers.IntegerField()
    taken_on = serializers.DateField()
    scores = ScoreInSerializer(many=True)
