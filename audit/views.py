from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts import policy

from .models import AuditEvent


@login_required
def trail(request: HttpRequest) -> HttpResponse:
    if not policy.may_read_audit(request.user):
        raise PermissionDenied
    events = AuditEvent.objects.select_related("actor")
    actor = request.GET.get("actor", "").strip()
    if actor:
        events = events.filter(actor_username=actor)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/trail.html", {"page": page, "actor": actor})
