"""The indicator catalogue and its disclosure-protected tables over the JSON API."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import policy

from . import services
from .catalogue import Indicator, shipped_catalogue
from .labels import category_label
from .serializers import IndicatorSerializer, TableSerializer


class MayViewStatistics(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return policy.may_view_statistics(request.user)


def _indicator(indicator: Indicator) -> dict:
    period = indicator.period
    return {
        "id": indicator.id,
        "name": indicator.name,
        "group": indicator.group,
        "unit": indicator.unit,
        "definition": indicator.definition,
        "records": indicator.records,
        "period": {"rule": period.rule, "date": period.date, "months": period.months},
        "breakdowns": list(indicator.breakdowns),
        "categories": list(indicator.categories.values) if indicator.categories else [],
        "reference": (
            {"breakdown": indicator.reference.breakdown, "category": indicator.reference.category}
            if indicator.reference
            else None
        ),
        "sources": [{"document": s.document, "passage": s.passage} for s in indicator.sources],
    }


class IndicatorViewSet(viewsets.ViewSet):
    """Indicators and their tables: always disclosure-protected unless the role is allowed
    unprotected figures and asks for them (audited)."""

    permission_classes = [permissions.IsAuthenticated, MayViewStatistics]
    lookup_value_regex = r"[a-z][a-z0-9_]*"
    pagination_class = None

    @extend_schema(responses=IndicatorSerializer(many=True))
    def list(self, request):
        indicators = shipped_catalogue().indicators.values()
        return Response([_indicator(i) for i in indicators])

    @extend_schema(
        responses={200: IndicatorSerializer, 404: OpenApiResponse(description="No such indicator.")}
    )
    def retrieve(self, request, pk=None):
        indicator = services.indicator_or_none(pk)
        if indicator is None:
            raise Http404
        return Response(_indicator(indicator))

    @extend_schema(
        parameters=[
            OpenApiParameter("breakdown", str, description="One of the indicator's breakdowns."),
            OpenApiParameter("period", str, description="A year (YYYY); the latest if omitted."),
            OpenApiParameter(
                "unprotected", bool, description="Figures before disclosure control (audited)."
            ),
        ],
        responses={
            200: TableSerializer,
            404: OpenApiResponse(description="No such indicator, or not computed for it yet."),
        },
    )
    @action(detail=True, methods=["get"])
    def data(self, request, pk=None):
        indicator = services.indicator_or_none(pk)
        if indicator is None:
            raise Http404
        params = request.query_params
        breakdown = params.get("breakdown") or indicator.breakdowns[0]
        if breakdown not in indicator.breakdowns:
            raise Http404
        periods = services.periods_of(indicator.id)
        period = params.get("period") or (periods[0] if periods else "")
        unprotected = params.get("unprotected", "").lower() in ("1", "true")
        table = services.table(request.user, indicator.id, breakdown, period, unprotected)
        if table is None:
            raise Http404
        rows = [
            {**row, "label": category_label(breakdown, row["category"])} for row in table["rows"]
        ]
        return Response({**table, "rows": rows})
