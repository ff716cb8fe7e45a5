from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accounts.api import ObtainTokenView

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("accounts.api_urls")),
    path("", include("people.api_urls")),
    path("", include("pathways.api_urls")),
    path("", include("monitoring.api_urls")),
    path("", include("partners.api_urls")),
    path("", include("courses.api_urls")),
]
