from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action

from . import selectors, services
from .models import Household, Person
from .serializers import (
    HouseholdSerializer,
    PersonRecordSerializer,
    PersonWriteSerializer,
    person_representation,
)

PREFETCH = [
    "citizenships",
    "documents",
    "statuses",
    "memberships__household",
    "languages",
    "education",
    "qualifications",
    "work_experience",
    "vulnerabilities",
]
FILTERS = [
    OpenApiParameter("q", str, description="Name in any script, document number or birth date"),
    OpenApiParameter("sex", str),
    OpenApiParameter("citizenship", str, description="ISO 3166-1 alpha-2"),
    OpenApiParameter("birth_year", int),
    OpenApiParameter("organisation", int),
]


class PersonViewSet(viewsets.ViewSet):
    """Persons in the registry, each showing only the field groups the caller may read."""

    lookup_value_regex = r"\d+"

    def _filtered(self):
        params = self.request.query_params
        persons = selectors.matching_persons(params["q"]) if params.get("q") else Person.objects
        persons = selectors.list_persons(self.request.user, persons.all())
        if params.get("sex"):
            persons = persons.filter(sex=params["sex"])
        if params.get("citizenship"):
            persons = persons.filter(citizenships__country=params["citizenship"].upper())
        if params.get("birth_year", "").isdigit():
            persons = persons.filter(birth_date__year=int(params["birth_year"]))
        if params.get("organisation", "").isdigit():
            persons = persons.filter(organisation_id=int(params["organisation"]))
        return persons.prefetch_related(*PREFETCH)

    @extend_schema(parameters=FILTERS, responses=PersonRecordSerializer(many=True))
    def list(self, request):
        paginator = self.paginator
        page = paginator.paginate_queryset(self._filtered(), request, view=self)
        selectors.audit_listed(request.user, page)
        rows = []
        for person in page:
            grant = policy.access(request.user, person)
            rows.append(person_representation(person, grant.groups))
        return paginator.get_paginated_response(rows)

    @extend_schema(responses=PersonRecordSerializer)
    def retrieve(self, request, pk=None):
        view = selectors.get_person(request.user, int(pk), None, "api")
        return Response(person_representation(view.person, view.access.groups))

    @extend_schema(request=PersonWriteSerializer, responses=PersonRecordSerializer)
    def create(self, request):
        if not policy.may_create_person(request.user):
            raise PermissionDenied
        data = self._validated(PersonWriteSerializer(data=request.data))
        person = services.create_person(request.user, data, data.pop("citizenships", []))
        grant = policy.access(request.user, person)
        return Response(person_representation(person, grant.groups), status=201)

    @extend_schema(request=PersonWriteSerializer, responses=PersonRecordSerializer)
    def partial_update(self, request, pk=None):
        if "version" not in request.data:
            raise ValidationError(
                {"version": [_("Send the version you edited, so concurrent edits are detected.")]}
            )
        view = selectors.get_person(request.user, int(pk), [FieldGroup.IDENTITY], "api-edit")
        serializer = PersonWriteSerializer(view.person, data=request.data, partial=True)
        data = self._validated(serializer)
        version, citizenships = data.pop("version"), data.pop("citizenships", None)
        try:
            person = services.update_person(request.user, view.person, data, version, citizenships)
        except services.StaleEditError as error:
            return Response(
                {"detail": str(error), "current_version": error.current_version},
                status=status.HTTP_409_CONFLICT,
            )
        grant = policy.access(request.user, person)
        return Response(person_representation(person, grant.groups))

    @property
    def paginator(self):
        if not hasattr(self, "_paginator"):
            from integra.api import IdCursorPagination

            self._paginator = IdCursorPagination()
        return self._paginator

    @staticmethod
    def _validated(serializer) -> dict:
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class HouseholdViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"\d+"
    serializer_class = HouseholdSerializer

    def get_queryset(self):
        households = Household.objects.prefetch_related("members").order_by("id")
        return policy.visible_households(self.request.user, households)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.audit_households(request.user, page, Action.LIST)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        household = selectors.get_household(request.user, int(kwargs["pk"]))
        return Response(self.get_serializer(household).data)
