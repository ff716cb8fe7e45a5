from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from . import views

admin.site.__class__ = OTPAdminSite  # staff must pass a one-time password to reach the admin

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("people/", include("people.urls")),
    path("pathways/", include("pathways.urls")),
    path("partners/", include("partners.urls")),
    path("audit/", include("audit.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("courses/", include("courses.urls")),
    path("verify/", include("courses.public_urls")),
    path("api/v1/", include("integra.api_urls")),
    path("admin/", admin.site.urls),
]
