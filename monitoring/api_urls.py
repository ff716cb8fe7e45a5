from rest_framework.routers import SimpleRouter

from .api import IndicatorViewSet

router = SimpleRouter()
router.register("indicators", IndicatorViewSet, basename="indicator")
urlpatterns = router.urls
