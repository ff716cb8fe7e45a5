from django.urls import path

from . import participation_views as taking_part
from . import views

app_name = "courses"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("new/", views.course_create, name="course_create"),
    path("capacity/", views.capacity_page, name="capacity"),
    path("<int:pk>/groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group, name="group"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("groups/<int:pk>/open/", views.group_open, name="group_open"),
    path("groups/<int:pk>/close/", views.group_close, name="group_close"),
    path("groups/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("groups/<int:pk>/calendar.ics", views.calendar, name="calendar"),
    path("groups/<int:pk>/enrol/", taking_part.enrol, name="enrol"),
    path("enrolments/<int:pk>/withdraw/", taking_part.withdraw, name="withdraw"),
    path("enrolments/<int:pk>/exam/", taking_part.exam, name="exam"),
    path("sessions/<int:pk>/register/", taking_part.register, name="register"),
    path("certificates/<int:pk>/pdf/", taking_part.certificate_pdf, name="certificate_pdf"),
]
