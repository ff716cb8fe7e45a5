"""Pages anyone may open without signing in."""

from django.urls import path

from .participation_views import verify

urlpatterns = [path("<str:code>/", verify, name="verify")]
