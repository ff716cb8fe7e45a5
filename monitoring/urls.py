from django.urls import path

from . import followups, views

app_name = "monitoring"
urlpatterns = [
    path("", views.home, name="home"),
    path("indicators/", views.catalogue, name="catalogue"),
    path("indicators/<str:indicator_id>/", views.indicator, name="indicator"),
    path("indicators/<str:indicator_id>/export/<str:fmt>/", views.export, name="export"),
    path("sdmx/structure.xml", views.structure, name="structure"),
    path("runs/", views.start, name="start"),
    path("runs/<int:pk>/", views.run, name="run"),
    path("surveys/invite/<int:person_id>/", views.survey_invite, name="survey_invite"),
    path("survey/<str:token>/", views.survey_public, name="survey"),
    path("people/<int:person_id>/follow-up/", followups.follow_up, name="follow_up"),
]
