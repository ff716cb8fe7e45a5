from django.urls import path

from . import measure_views, plan_views, views

app_name = "pathways"
urlpatterns = [
    path("worklist/", views.worklist, name="worklist"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/<slug:programme_id>/", views.programme, name="programme"),
    path("people/<int:person_pk>/assessments/new/", views.new_assessment, name="new_assessment"),
    path("assessments/<int:pk>/propose/", views.propose, name="propose"),
    path("plans/<int:pk>/", plan_views.plan, name="plan"),
    path("plans/<int:pk>/pdf/", plan_views.plan_pdf, name="plan_pdf"),
    path("plans/<int:pk>/declaration/", plan_views.sign_declaration, name="sign_declaration"),
    path("plans/<int:pk>/agree/", plan_views.agree, name="agree"),
    path("plans/<int:pk>/revise/", plan_views.revise, name="revise"),
    path("plans/<int:pk>/close/", plan_views.close, name="close"),
    path("goals/<int:goal_pk>/measures/new/", measure_views.add_measure, name="add_measure"),
    path("measures/<int:pk>/", measure_views.measure, name="measure"),
    path("measures/<int:pk>/edit/", measure_views.edit_measure, name="edit_measure"),
    path("measures/<int:pk>/row/", measure_views.measure_row, name="measure_row"),
    path("measures/<int:pk>/remove/", measure_views.remove_measure, name="remove_measure"),
    path("reviews/<int:pk>/", measure_views.review, name="review"),
]
