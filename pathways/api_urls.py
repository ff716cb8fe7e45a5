from rest_framework.routers import SimpleRouter

from .api import (
    AssessmentViewSet,
    MeasureViewSet,
    PlanViewSet,
    ProgrammeViewSet,
    ReviewViewSet,
)

router = SimpleRouter()
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("plans", PlanViewSet, basename="plan")
router.register("measures", MeasureViewSet, basename="measure")
router.register("reviews", ReviewViewSet, basename="review")
router.register("programmes", ProgrammeViewSet, basename="programme")
urlpatterns = router.urls
