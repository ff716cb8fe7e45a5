"""Courses over the JSON API: thin views over the course services and selectors, under the one
access policy. Every person a list shows is audited; writes are audited by the services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

from accounts.policy import FieldGroup
from pathways import selectors as pathway_selectors
from people import selectors as people_selectors

from . import access, attendance, enrolment, exams, selectors, services
from . import serializers as s
from .models import Course, Session

STALE = OpenApiResponse(description="The group changed meanwhile; reload it.")


class CourseApiViewSet(viewsets.GenericViewSet):
    lookup_value_regex = r"\d+"

    def handle_exception(self, exc):
        if isinstance(exc, services.StaleGroupError):
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        if isinstance(exc, DjangoValidationError):
            exc = ValidationError(as_serializer_error(exc))
        return super().handle_exception(exc)

    def body(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def int_param(self, name: str) -> int | None:
        text = self.request.query_params.get(name, "")
        return int(text) if text.isdigit() else None

    def listed(self, queryset, person_id_of, detail: str):
        """One page, each person on it audited as listed (identity) with the user's ground."""
        page = self.paginate_queryset(queryset)
        people_selectors.audit_listed(self.request.user, [person_id_of(row) for row in page])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class CourseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CourseApiViewSet):
    """Courses with their provider, type, curriculum, level, language and region."""

    serializer_class = s.CourseSerializer

    def get_queryset(self):
        if not access.uses_courses(self.request.user):
            return Course.objects.none()
        return Course.objects.select_related("curriculum").filter(active=True).order_by("id")

    def create(self, request):
        serializer = s.CourseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        course = services.create_course(request.user, dict(serializer.validated_data))
        return Response(s.CourseSerializer(course).data, status=status.HTTP_201_CREATED)


class CourseGroupViewSet(CourseApiViewSet):
    """Course groups: planned, opened against the programme's quality criteria, closed."""

    serializer_class = s.CourseGroupSerializer

    @extend_schema(parameters=[OpenApiParameter("course", int), OpenApiParameter("region", str)])
    def list(self, request):
        groups = selectors.catalogue(request.user, {"region": request.query_params.get("region")})
        if (course := self.int_param("course")) is not None:
            groups = groups.filter(course_id=course)
        if not access.uses_courses(request.user):
            groups = groups.none()
        page = self.paginate_queryset(groups.order_by("id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(selectors.get_group(request.user, int(pk))).data)

    @extend_schema(responses={201: s.CourseGroupSerializer})
    def create(self, request):
        data = self.body(s.CourseGroupSerializer)
        course = data.pop("course")
        group = services.create_group(request.user, course, data)
        return Response(self.get_serializer(group).data, status=status.HTTP_201_CREATED)

    def _change(self, pk):
        group = selectors.get_group(self.request.user, int(pk))
        return group, self.body(s.VersionSerializer)["version"]

    @extend_schema(
        request=s.VersionSerializer,
        responses={200: s.CourseGroupSerializer, 400: s.GroupProblemsSerializer, 409: STALE},
        description="Refused with 400 and every reason when the group breaks a quality criterion.",
    )
    @action(detail=True, methods=["post"], url_path="open")
    def open_group(self, request, pk=None):
        group, version = self._change(pk)
        try:
            services.open_group(request.user, group, version)
        except DjangoValidationError as error:
            return Response({"detail": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(group).data)

    @extend_schema(
        request=s.VersionSerializer, responses={200: s.CourseGroupSerializer, 409: STALE}
    )
    @action(detail=True, methods=["post"], url_path="close")
    def close_group(self, request, pk=None):
        group, version = self._change(pk)
        services.close_group(request.user, group, version)
        return Response(self.get_serializer(group).data)

    @extend_schema(methods=["get"], responses=s.SessionSerializer(many=True))
    @extend_schema(
        methods=["post"], request=s.SessionSerializer, responses={201: s.SessionSerializer}
    )
    @action(detail=True, methods=["get", "post"])
    def sessions(self, request, pk=None):
        group = selectors.get_group(request.user, int(pk))
        if request.method == "POST":
            session = services.add_session(request.user, group, self.body(s.SessionSerializer))
            return Response(s.SessionSerializer(session).data, status=status.HTTP_201_CREATED)
        return Response(s.SessionSerializer(group.sessions.all(), many=True).data)


class EnrolmentViewSet(CourseApiViewSet):
    """Enrolments and waiting-list places of persons the caller may see."""

    serializer_class = s.EnrolmentSerializer

    @extend_schema(parameters=[OpenApiParameter("group", int), OpenApiParameter("person", int)])
    def list(self, request):
        found = selectors.visible_enrolments(request.user).order_by("id")
        for name in ("group", "person"):
            if (value := self.int_param(name)) is not None:
                found = found.filter(**{f"{name}_id": value})
        return self.listed(found, lambda e: e.person, "enrolments")

    def retrieve(self, request, pk=None):
        found = selectors.get_enrolment(request.user, int(pk))
        people_selectors.get_person(request.user, found.person_id, [FieldGroup.IDENTITY], "api")
        return Response(self.get_serializer(found).data)

    @extend_schema(request=s.EnrolSerializer, responses={201: s.EnrolmentSerializer})
    def create(self, request):
        data = self.body(s.EnrolSerializer)
        group = selectors.get_group(request.user, data["group"])
        view = people_selectors.get_person(
            request.user, data["person"], [FieldGroup.IDENTITY, FieldGroup.PATHWAY], "api-enrol"
        )
        measure = None
        if data.get("measure"):
            measure = pathway_selectors.get_measure(request.user, data["measure"])
        made = enrolment.enrol(request.user, group, view.person, measure)
        return Response(self.get_serializer(made).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.WithdrawSerializer, responses=s.EnrolmentSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        found = selectors.get_enrolment(request.user, int(pk))
        enrolment.withdraw(request.user, found, self.body(s.WithdrawSerializer)["reason"])
        found.refresh_from_db()
        return Response(self.get_serializer(found).data)


class AttendanceViewSet(CourseApiViewSet):
    """Attendance marks; the group's teacher records a session's register."""

    serializer_class = s.AttendanceSerializer

    @extend_schema(
        parameters=[OpenApiParameter("session", int), OpenApiParameter("enrolment", int)]
    )
    def list(self, request):
        found = selectors.visible_attendance(request.user).select_related("enrolment__person")
        for name in ("session", "enrolment"):
            if (value := self.int_param(name)) is not None:
                found = found.filter(**{f"{name}_id": value})
        return self.listed(found.order_by("id"), lambda a: a.enrolment.person, "attendance")

    @extend_schema(request=s.RegisterSerializer, responses={201: s.AttendanceSerializer(many=True)})
    def create(self, request):
        data = self.body(s.RegisterSerializer)
        session = Session.objects.select_related("group").filter(pk=data["session"]).first()
        if session is None or not access.teaches(request.user, session.group):
            raise Http404
        marks = {row["enrolment"]: row["mark"] for row in data["marks"]}
        rows = attendance.record_register(request.user, session, marks)
        return Response(self.get_serializer(rows, many=True).data, status=status.HTTP_201_CREATED)


class ExamResultViewSet(CourseApiViewSet):
    """Exam results per skill, with the level reached and pass or fail by the programme's rule."""

    serializer_class = s.ExamResultSerializer

    @extend_schema(parameters=[OpenApiParameter("enrolment", int)])
    def list(self, request):
        found = selectors.visible_results(request.user).select_related("enrolment__person")
        if (value := self.int_param("enrolment")) is not None:
            found = found.filter(enrolment_id=value)
        return self.listed(found.order_by("id"), lambda r: r.enrolment.person, "exam-results")

    def retrieve(self, request, pk=None):
        result = get_object_or_404(selectors.visible_results(request.user), pk=int(pk))
        people_selectors.get_person(
            request.user, result.enrolment.person_id, [FieldGroup.IDENTITY], "api-exam"
        )
        return Response(self.get_serializer(result).data)

    @extend_schema(request=s.ExamInSerializer, responses={201: s.ExamResultSerializer})
    def create(self, request):
        data = self.body(s.ExamInSerializer)
        found = selectors.get_enrolment(request.user, data["enrolment"])
        if not access.teaches(request.user, found.group):
            raise PermissionDenied
        scores = {row["skill"]: (row["score"], row["level"]) for row in data["scores"]}
        if len(scores) != len(data["scores"]):
            raise ValidationError({"scores": ["Each skill once."]})
        result = exams.record_result(request.user, found, data["taken_on"], scores)
        return Response(self.get_serializer(result).data, status=status.HTTP_201_CREATED)
