"""Lists of referrals (the partner's inbox, the sender's list, held ones) and notifications.

Client names appear only where the viewer may read the client's identity; each name shown is
audited as listed.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts import policy
from pathways.paging import page_number, uncounted_page

from . import notifications, selectors
from .forms import StatusFilter
from .network_views import query_without_page

OVERDUE_ROWS = 25


def _rows(user, referrals) -> list[dict]:
    clients = selectors.named_clients(user, referrals)
    return [{"referral": r, "client": clients.get(r.person_id)} for r in referrals]


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if not policy.receives_referrals(request.user):
        raise PermissionDenied
    filters = StatusFilter(request.GET or None)
    found = selectors.inbox(request.user, filters.status_value())
    page = uncounted_page(found, page_number(request.GET.get("page")))
    context = {
        "filters": filters,
        "page": page,
        "rows": _rows(request.user, page.object_list),
        "query": query_without_page(request),
        "today": timezone.localdate(),
    }
    return render(request, "partners/inbox.html", context)


@login_required
def sent(request: HttpRequest) -> HttpResponse:
    if not policy.may_refer(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    filters = StatusFilter(request.GET or None)
    found = selectors.sent(request.user, filters.status_value()).order_by("-created_at", "-id")
    page = uncounted_page(found, page_number(request.GET.get("page")))
    late = list(selectors.overdue(request.user, today)[:OVERDUE_ROWS])
    context = {
        "filters": filters,
        "page": page,
        "rows": _rows(request.user, page.object_list),
        "overdue": _rows(request.user, late),
        "query": query_without_page(request),
        "today": today,
    }
    return render(request, "partners/sent.html", context)


@login_required
def held(request: HttpRequest) -> HttpResponse:
    if not policy.oversees_referrals(request.user):
        raise PermissionDenied
    found = selectors.held_for_override(request.user).order_by("created_at", "id")
    context = {"page": uncounted_page(found, page_number(request.GET.get("page")))}
    return render(request, "partners/held.html", context)


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = uncounted_page(
        notifications.for_user(request.user), page_number(request.GET.get("page"))
    )
    unread = [n.pk for n in page.object_list if n.read_at is None]
    notifications.mark_read(request.user, unread)
    context = {"page": page, "unread": set(unread)}
    return render(request, "partners/notifications.html", context)
