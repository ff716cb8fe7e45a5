"""The partner network over the JSON API, so a partner's own system can pull its inbox and push
outcomes. Thin views: the rules and the audit trail are in services and selectors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import APIView

from accounts.policy import FieldGroup
from pathways import selectors as pathway_selectors
from people import selectors as people_selectors

from . import hsds, selectors, services
from . import serializers as s
from .models import Service

STALE = OpenApiResponse(s.StaleReferralSerializer, description="The referral changed meanwhile.")
DIRECTORY_FILTERS = [
    OpenApiParameter("area", str, description="Area of integration"),
    OpenApiParameter("region", str),
    OpenApiParameter("language", str, description="ISO 639-1 code"),
    OpenApiParameter("q", str, description="Text in the name, description or organisation"),
]


def _filters(params) -> dict:
    return {
        "area": params.get("area", ""),
        "region": params.get("region", ""),
        "language": params.get("language", ""),
        "text": params.get("q", ""),
    }


class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """The service directory (no personal data): active services, filtered."""

    lookup_value_regex = r"\d+"
    serializer_class = s.ServiceSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.directory(**_filters(self.request.query_params))
        return Service.objects.select_related("organisation")

    @extend_schema(parameters=DIRECTORY_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    """Partnership agreements: parties with their roles, purpose, data shared, validity."""

    lookup_value_regex = r"\d+"
    serializer_class = s.AgreementSerializer

    def get_queryset(self):
        return selectors.agreements()


class ReferralViewSet(viewsets.GenericViewSet):
    """Referrals: partner staff get their inbox, the coordinator every referral, anyone else
    the referrals their organisation sent. A stale version is refused with 409."""

    lookup_value_regex = r"\d+"
    serializer_class = s.ReferralSerializer

    def handle_exception(self, exc):
        if isinstance(exc, services.StaleReferralError):
            current = getattr(self, "_loaded", None)
            version = current.version if current else None
            body = {"detail": str(exc), "version": version}
            return Response(body, status=status.HTTP_409_CONFLICT)
        if isinstance(exc, DjangoValidationError):
            exc = ValidationError(as_serializer_error(exc))
        return super().handle_exception(exc)

    def get_queryset(self):
        return selectors.referrals_for(self.request.user, self.request.query_params.get("status"))

    def _load(self, pk):
        self._loaded = selectors.get_referral(self.request.user, int(pk))
        return self._loaded

    def _detail(self, referral, code=status.HTTP_200_OK) -> Response:
        referral.refresh_from_db()
        client = selectors.client_of(self.request.user, referral).person
        context = {"clients": {client.pk: client} if client else {}}
        return Response(s.ReferralDetailSerializer(referral, context=context).data, status=code)

    def _body(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    @extend_schema(
        parameters=[OpenApiParameter("status", str, description="Only referrals in this state")]
    )
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset().select_related("consent"))
        context = {"clients": selectors.named_clients(request.user, page)}
        return self.get_paginated_response(
            s.ReferralSerializer(page, many=True, context=context).data
        )

    @extend_schema(responses=s.ReferralDetailSerializer)
    def retrieve(self, request, pk=None):
        return self._detail(self._load(pk))

    @extend_schema(request=s.ReferralCreateSerializer, responses={201: s.ReferralDetailSerializer})
    def create(self, request):
        data = self._body(s.ReferralCreateSerializer)
        view = people_selectors.get_person(
            request.user, data["person"], [FieldGroup.IDENTITY], "api-referral"
        )
        service = get_object_or_404(
            Service.objects.select_related("organisation"), pk=data["service"]
        )
        consent = None
        if data["consent"] is not None:
            consent = view.person.consents.filter(pk=data["consent"]).first()
            if consent is None:
                raise ValidationError({"consent": [_("The client has no such consent.")]})
        measure = None
        if data["measure"] is not None:
            measure = pathway_selectors.get_measure(request.user, data["measure"])
        referral = services.create_referral(
            request.user,
            view.person,
            service,
            data["purpose"],
            data["deadline"],
            data["note"],
            consent,
            measure,
        )
        return self._detail(referral, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.MoveSerializer, responses={200: s.ReferralDetailSerializer, 409: STALE}
    )
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        referral = self._load(pk)
        data = self._body(s.MoveSerializer)
        services.move(request.user, referral, data["status"], data["reason"], data["version"])
        return self._detail(referral)

    @extend_schema(
        summary="Release a held referral without the client's consent (coordinator)",
        request=s.OverrideSerializer,
        responses={200: s.ReferralDetailSerializer, 409: STALE},
    )
    @action(detail=True, methods=["post"])
    def override(self, request, pk=None):
        referral = self._load(pk)
        data = self._body(s.OverrideSerializer)
        services.override_consent(request.user, referral, data["reason"])
        return self._detail(referral)


class HsdsServicesView(APIView):
    """The service directory as an Open Referral HSDS 3.0 paginated list of services."""

    @extend_schema(
        parameters=[
            OpenApiParameter("page", int, description="From 1"),
            OpenApiParameter("per_page", int, description="At most 200; 50 if unset"),
            *DIRECTORY_FILTERS,
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        params = request.query_params
        try:
            number = int(params.get("page", 1))
            size = min(max(int(params.get("per_page", 50)), 1), 200)
        except ValueError:
            raise ValidationError({"page": [_("Enter whole numbers.")]}) from None
        found = selectors.directory(**_filters(params))
        return Response(hsds.page(found, number, size))
