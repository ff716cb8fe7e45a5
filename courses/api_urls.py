from rest_framework.routers import SimpleRouter

from .api import (
    AttendanceViewSet,
    CourseGroupViewSet,
    CourseViewSet,
    EnrolmentViewSet,
    ExamResultViewSet,
)

router = SimpleRouter()
router.register("courses", CourseViewSet, basename="course")
router.register("course-groups", CourseGroupViewSet, basename="course-group")
router.register("enrolments", EnrolmentViewSet, basename="enrolment")
router.register("attendance", AttendanceViewSet, basename="attendance")
router.register("exam-results", ExamResultViewSet, basename="exam-result")
urlpatterns = router.urls
