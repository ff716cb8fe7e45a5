"""The integration pathway over the JSON API: thin views over the pathway services and selectors.

Lists hold only persons whose pathway the caller may read and audit every row shown; single
reads are audited by the selectors, writes by the services. Writes to a plan carry the
lock_version that was read: a stale one is refused with 409 and the current lock_version.
"""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

from accounts.policy import FieldGroup

from . import plans, selectors
from . import serializers as s
from .access import require
from .assessments import SENSITIVE_FIELDS, record_assessment
from .programme_registry import active_profiles
from .programme_serializers import ProgrammeSerializer

STALE = OpenApiResponse(s.StalePlanSerializer, description="The plan changed meanwhile.")


class LockedPatchExtension(OpenApiSerializerExtension):
    """A PATCH body is partial, but the plan's lock_version must always be sent."""

    target_class = s.MeasureChangeSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_basic_serializer(self.target, direction)
        return {**schema, "required": ["lock_version"]}


def _boolean(text: str) -> bool:
    return {"true": True, "false": False}[text.lower()]


class PathwayViewSet(viewsets.GenericViewSet):
    lookup_value_regex = r"\d+"

    def handle_exception(self, exc):
        if isinstance(exc, plans.StalePlanError):
            body = {"detail": str(exc), "lock_version": exc.current_lock_version}
            return Response(body, status=status.HTTP_409_CONFLICT)
        if isinstance(exc, DjangoValidationError):
            exc = ValidationError(as_serializer_error(exc))
        return super().handle_exception(exc)

    def body(self, serializer_class) -> dict:
        context = self.get_serializer_context()
        serializer = serializer_class(data=self.request.data, context=context)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def param(self, name: str, parse=int):
        text = self.request.query_params.get(name, "")
        if not text:
            return None
        try:
            return parse(text)
        except (ValueError, KeyError):
            raise ValidationError({name: [_("Enter a valid value.")]}) from None

    def listed(self, queryset, person_of, groups_for=lambda grant: [FieldGroup.PATHWAY]):
        """One page of `queryset`, each row audited as listed for the person it is about."""
        page = self.paginate_queryset(queryset)
        rows = [(person_of(row), f"{self.basename}:{row.pk}") for row in page]
        selectors.audit_listed(self.request.user, rows, groups_for)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class AssessmentViewSet(PathwayViewSet):
    """Initial assessments. Health fields appear, and may be sent, only with the
    "vulnerabilities and health" field group of the person."""

    serializer_class = s.AssessmentSerializer

    @extend_schema(parameters=[OpenApiParameter("person", int)])
    def list(self, request):
        assessments = selectors.visible_assessments(request.user)
        if (person := self.param("person")) is not None:
            assessments = assessments.filter(person_id=person)
        return self.listed(assessments, lambda a: a.person, selectors.assessment_groups)

    def retrieve(self, request, pk=None):
        view = selectors.get_assessment(request.user, int(pk))
        return Response(self.get_serializer(view.assessment).data)

    def create(self, request):
        data = self.body(s.AssessmentSerializer)
        person = data.pop("person")
        if any(field in request.data for field in SENSITIVE_FIELDS):
            require(request.user, person, [FieldGroup.PATHWAY, FieldGroup.VULNERABILITIES], True)
        assessment = record_assessment(request.user, person, data)
        return Response(self.get_serializer(assessment).data, status=status.HTTP_201_CREATED)


PLAN_FILTERS = [
    OpenApiParameter("person", int),
    OpenApiParameter("programme", str),
    OpenApiParameter("open", bool, description="true: plans not closed; false: closed ones"),
]


class PlanViewSet(PathwayViewSet):
    """Individual integration plans, their versions, agreement and closure."""

    serializer_class = s.PlanSerializer

    def _detail(self, pk, version=None, code=status.HTTP_200_OK) -> Response:
        view = selectors.get_plan(self.request.user, int(pk), version)
        if version is not None and view.version.number != version:
            raise Http404
        return Response(s.PlanDetailSerializer(view).data, status=code)

    @extend_schema(parameters=PLAN_FILTERS)
    def list(self, request):
        found = selectors.visible_plans(request.user)
        if (person := self.param("person")) is not None:
            found = found.filter(person_id=person)
        if programme := request.query_params.get("programme"):
            found = found.filter(programme_id=programme)
        if (is_open := self.param("open", _boolean)) is not None:
            found = found.filter(closed_on__isnull=is_open)
        return self.listed(found, lambda plan: plan.person)

    @extend_schema(
        parameters=[
            OpenApiParameter("version", int, description="Version number; newest if unset")
        ],
        responses=s.PlanDetailSerializer,
    )
    def retrieve(self, request, pk=None):
        return self._detail(pk, self.param("version"))

    @extend_schema(
        summary="Propose a plan from an assessment under a programme",
        description="Refused with 400 and the programme's reasons when the client is not eligible.",
        request=s.ProposeSerializer,
        responses={201: s.PlanDetailSerializer},
    )
    def create(self, request):
        data = self.body(s.ProposeSerializer)
        plan = plans.propose(
            request.user, data["assessment"], data["programme"], data["start_date"]
        )
        return self._detail(plan.pk, code=status.HTTP_201_CREATED)

    def _change(self, pk, serializer_class):
        """The plan a write is about, the validated body and the lock_version sent."""
        plan = selectors.get_plan_for_change(self.request.user, int(pk))
        data = self.body(serializer_class)
        return plan, data, data.pop("lock_version")

    @extend_schema(request=s.AgreeSerializer, responses={200: s.PlanDetailSerializer, 409: STALE})
    @action(detail=True, methods=["post"])
    def agree(self, request, pk=None):
        plan, data, lock_version = self._change(pk, s.AgreeSerializer)
        plans.agree(request.user, plan, data, lock_version)
        return self._detail(pk)

    @extend_schema(
        request=s.DeclarationSerializer, responses={200: s.PlanDetailSerializer, 409: STALE}
    )
    @action(detail=True, methods=["post"])
    def declaration(self, request, pk=None):
        plan, data, lock_version = self._change(pk, s.DeclarationSerializer)
        plans.sign_declaration(request.user, plan, data["signed_on"], lock_version)
        return self._detail(pk)

    @extend_schema(request=s.ReviseSerializer, responses={200: s.PlanDetailSerializer, 409: STALE})
    @action(detail=True, methods=["post"])
    def revise(self, request, pk=None):
        plan, data, lock_version = self._change(pk, s.ReviseSerializer)
        plans.revise(request.user, plan, data["change_note"], lock_version)
        return self._detail(pk)

    @extend_schema(request=s.CloseSerializer, responses={200: s.PlanDetailSerializer, 409: STALE})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        plan, data, lock_version = self._change(pk, s.CloseSerializer)
        plans.close(request.user, plan, data["outcome"], data["closed_on"], lock_version)
        return self._detail(pk)


class MeasureViewSet(PathwayViewSet):
    """Measures of a plan: adjusted while the plan is proposed, followed up once agreed."""

    serializer_class = s.MeasureDetailSerializer

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(selectors.view_measure(request.user, int(pk))).data)

    @extend_schema(
        request=s.MeasureChangeSerializer, responses={200: s.MeasureDetailSerializer, 409: STALE}
    )
    def partial_update(self, request, pk=None):
        measure = selectors.get_measure(request.user, int(pk))
        data = self.body(s.MeasureChangeSerializer)
        lock_version = data.pop("lock_version")
        plans.change_measure(request.user, measure, data, lock_version)
        return Response(self.get_serializer(measure).data)

    @extend_schema(request=s.MeasureStatusSerializer, responses=s.MeasureDetailSerializer)
    @action(detail=True, methods=["post"], url_path="status")
    def set_status(self, request, pk=None):
        measure = selectors.get_measure(request.user, int(pk))
        data = self.body(s.MeasureStatusSerializer)
        plans.set_measure_status(request.user, measure, data["status"], data["reason"])
        return Response(self.get_serializer(measure).data)


class ReviewViewSet(PathwayViewSet):
    serializer_class = s.ReviewSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("plan", int),
            OpenApiParameter("due_before", date, description="Due on or before this date"),
        ]
    )
    def list(self, request):
        reviews = selectors.visible_reviews(request.user)
        if (plan := self.param("plan")) is not None:
            reviews = reviews.filter(plan_id=plan)
        if (due := self.param("due_before", date.fromisoformat)) is not None:
            reviews = reviews.filter(due_on__lte=due)
        return self.listed(reviews, lambda review: review.plan.person)

    @extend_schema(request=s.HoldReviewSerializer, responses=s.ReviewSerializer)
    @action(detail=True, methods=["post"])
    def hold(self, request, pk=None):
        review = selectors.get_review(request.user, int(pk))
        review = plans.hold_review(request.user, review, self.body(s.HoldReviewSerializer))
        return Response(self.get_serializer(review).data)


class ProgrammeViewSet(viewsets.ViewSet):
    """The programme profiles this deployment runs: rules as data, with their sources."""

    lookup_value_regex = r"[a-z0-9-]+"

    @extend_schema(responses=ProgrammeSerializer(many=True))
    def list(self, request):
        profiles = list(active_profiles().values())
        return Response(ProgrammeSerializer(profiles, many=True).data)

    @extend_schema(responses=ProgrammeSerializer)
    def retrieve(self, request, pk=None):
        profile = active_profiles().get(pk)
        if profile is None:
            raise Http404
        return Response(ProgrammeSerializer(profile).data)
