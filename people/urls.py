from django.urls import path

from . import record_views, views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/seen-by/", views.seen_by, name="seen_by"),
    path("<int:pk>/add/<slug:kind>/", record_views.add_record, name="add_record"),
    path("consents/<int:pk>/withdraw/", record_views.withdraw_consent, name="withdraw_consent"),
    path("households/<int:pk>/", views.household, name="household"),
    path("<int:pk>/household/new/", views.start_household, name="start_household"),
    path("households/<int:pk>/members/new/", views.add_household_member, name="add_member"),
]
