from rest_framework.routers import SimpleRouter

from .api import HouseholdViewSet, PersonViewSet

router = SimpleRouter()
router.register("persons", PersonViewSet, basename="person")
router.register("households", HouseholdViewSet, basename="household")
urlpatterns = router.urls
