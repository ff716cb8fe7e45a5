from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import two_factor
from .forms import SignInForm
from .models import Organisation
from .serializers import OrganisationSerializer


class ObtainTokenView(APIView):
    """Exchange username and password for an API token, under the same lockout as sign-in."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=inline_serializer(
            "TokenRequest",
            {
                "username": serializers.CharField(),
                "password": serializers.CharField(),
                "otp_token": serializers.CharField(required=False),
            },
        ),
        responses=inline_serializer("TokenResponse", {"token": serializers.CharField()}),
    )
    def post(self, request):
        form = SignInForm(request._request, data=request.data)
        if not form.is_valid():
            return Response({"errors": form.errors.get_json_data()}, status=400)
        user = form.get_user()
        needs_code = two_factor.is_required(user) or two_factor.has_device(user)
        if needs_code and not two_factor.token_is_valid(user, request.data.get("otp_token", "")):
            message = _("A valid one-time code (otp_token) is required for this account.")
            return Response({"errors": {"otp_token": [{"message": message}]}}, status=400)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory of organisations taking part in the programme (no personal data)."""

    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        for field in ("type", "region", "country"):
            value = self.request.query_params.get(field)
            if value:
                qs = qs.filter(**{field: value})
        return qs
