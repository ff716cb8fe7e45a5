from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import AgreementViewSet, HsdsServicesView, ReferralViewSet, ServiceViewSet

router = SimpleRouter()
router.register("services", ServiceViewSet, basename="service")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("referrals", ReferralViewSet, basename="referral")
urlpatterns = [
    path("hsds/services/", HsdsServicesView.as_view(), name="hsds-services"),
    *router.urls,
]
