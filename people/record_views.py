from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.policy import FieldGroup

from . import selectors, services
from .models import Consent
from .records import KINDS, form_class


@login_required
@require_http_methods(["GET", "POST"])
def add_record(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    record_kind = KINDS[kind]
    view = selectors.get_person(request.user, pk, [record_kind.group], detail=f"add:{kind}")
    if not view.access.may_edit:
        raise PermissionDenied
    form = form_class(record_kind)(request.POST or None)
    version = request.POST.get("version") or view.person.version
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.add_record(
                request.user, view.person, kind, form.save(commit=False), int(version)
            )
        except services.StaleEditError as error:
            conflict = str(error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"/people/{pk}/?tab={record_kind.group.value}")
    context = {
        "form": form,
        "person": view.person,
        "kind": record_kind,
        "version": version,
        "conflict": conflict,
    }
    return render(request, "people/record_form.html", context, status=409 if conflict else 200)


@login_required
@require_POST
def withdraw_consent(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_object_or_404(Consent, pk=pk)
    selectors.get_person(request.user, consent.person_id, [FieldGroup.IDENTITY], "consent")
    services.withdraw_consent(request.user, consent, timezone.localdate())
    messages.success(request, _("Consent withdrawn."))
    return redirect(f"/people/{consent.person_id}/?tab=identity")
