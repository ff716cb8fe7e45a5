from django.urls import path

from . import list_views, network_views, referral_views

app_name = "partners"
urlpatterns = [
    path("services/", network_views.directory, name="directory"),
    path("services.json", network_views.hsds_export, name="hsds_export"),
    path("services/new/", network_views.service_form, name="new_service"),
    path("services/<int:pk>/", network_views.service_detail, name="service"),
    path("services/<int:pk>/edit/", network_views.service_form, name="edit_service"),
    path("agreements/", network_views.agreements, name="agreements"),
    path("agreements/new/", network_views.agreement_form, name="new_agreement"),
    path("agreements/<int:pk>/", network_views.agreement_detail, name="agreement"),
    path("agreements/<int:pk>/edit/", network_views.agreement_form, name="edit_agreement"),
    path("referrals/", list_views.sent, name="sent"),
    path("referrals/new/", referral_views.new_referral, name="new_referral"),
    path("referrals/held/", list_views.held, name="held"),
    path("referrals/<int:pk>/", referral_views.referral, name="referral"),
    path("referrals/<int:pk>/move/", referral_views.move, name="move"),
    path("referrals/<int:pk>/override/", referral_views.override, name="override"),
    path("inbox/", list_views.inbox, name="inbox"),
    path("notifications/", list_views.notification_list, name="notifications"),
]
