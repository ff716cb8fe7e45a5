"""Referral pages: send one, follow it, answer it, override a missing consent."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import policy
from accounts.policy import FieldGroup
from pathways import selectors as pathway_selectors
from pathways.choices import MeasureType
from pathways.paging import page_number, uncounted_page
from people import selectors as people_selectors

from . import selectors, services
from .choices import ACTION_LABELS, NEEDS_REASON, ReferralStatus
from .forms import DirectoryFilter, MoveForm, OverrideForm, ReferralForm
from .models import Service
from .network_views import add_errors, query_without_page
from .templatetags.partners import consent_label

DEFAULT_DAYS = 30


def _pk(text: str | None) -> int:
    if not (text or "").isdigit():
        raise Http404
    return int(text)


def _measure(request: HttpRequest, person):
    if not request.GET.get("measure"):
        return None
    measure = pathway_selectors.get_measure(request.user, _pk(request.GET["measure"]))
    if measure.goal.version.plan.person_id != person.pk or measure.type != MeasureType.REFERRAL:
        raise Http404
    return measure


def _choose_service(request: HttpRequest, person, measure) -> HttpResponse:
    data = request.GET.copy()
    if measure and "area" not in data:
        data["area"] = measure.goal.area
    filters = DirectoryFilter(data, regions=selectors.regions())
    context = {
        "person": person,
        "measure": measure,
        "filters": filters,
        "page": uncounted_page(
            selectors.directory(**filters.values()), page_number(request.GET.get("page"))
        ),
        "query": query_without_page(request),
        "keep": [("person", person.pk)] + ([("measure", measure.pk)] if measure else []),
    }
    return render(request, "partners/referral_choose.html", context)


def _initial(measure, consents, agreement, today) -> dict:
    deadline = measure.deadline if measure and measure.deadline >= today else None
    purpose = consents[0].purpose if consents else getattr(agreement, "purpose", "")
    return {
        "purpose": purpose,
        "deadline": deadline or today + datetime.timedelta(days=DEFAULT_DAYS),
        "consent": str(consents[0].pk) if consents else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def new_referral(request: HttpRequest) -> HttpResponse:
    view = people_selectors.get_person(
        request.user, _pk(request.GET.get("person")), [FieldGroup.IDENTITY], detail="referral"
    )
    if not view.access.may_edit:
        raise PermissionDenied
    person, measure = view.person, _measure(request, view.person)
    if not request.GET.get("service"):
        return _choose_service(request, person, measure)
    service = get_object_or_404(
        Service.objects.select_related("organisation"), pk=_pk(request.GET["service"])
    )
    today = timezone.localdate()
    agreement, refusal = None, None
    try:
        agreement = services.agreement_for(request.user, service, today)
    except ValidationError as error:
        refusal = error.messages
    consents = selectors.consent_options(person, service.organisation_id, today)
    form = ReferralForm(
        request.POST or None,
        consents=consents,
        consent_label=consent_label,
        initial=_initial(measure, consents, agreement, today),
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.create_referral(
                request.user,
                person,
                service,
                form.cleaned_data["purpose"],
                form.cleaned_data["deadline"],
                form.cleaned_data["note"],
                form.chosen_consent(),
                measure,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if referral.status == ReferralStatus.HELD:
                messages.warning(
                    request, _("Referral held: a coordinator must decide without consent.")
                )
            else:
                messages.success(
                    request, _("Referral sent to %(o)s.") % {"o": service.organisation}
                )
            return redirect("partners:referral", pk=referral.pk)
    context = {
        "person": person,
        "measure": measure,
        "service": service,
        "agreement": agreement,
        "shared": sorted(services.shared_groups(service, agreement)) if agreement else [],
        "refusal": refusal,
        "consents": consents,
        "form": form,
    }
    return render(request, "partners/referral_new.html", context, status=400 if refusal else 200)


def _show(request, referral, status=200, move_errors=None, conflict=None, override_form=None):
    user = request.user
    may_override = policy.oversees_referrals(user) and referral.status == ReferralStatus.HELD
    moves = [
        {"status": s, "label": ACTION_LABELS[s], "needs_reason": s in NEEDS_REASON}
        for s in services.available_moves(user, referral)
    ]
    context = {
        "referral": referral,
        "client": selectors.client_of(user, referral),
        "events": list(referral.events.select_related("by")),
        "moves": moves,
        "move_errors": move_errors,
        "conflict": conflict,
        "override_form": (override_form or OverrideForm(prefix="override"))
        if may_override
        else None,
        "today": timezone.localdate(),
    }
    return render(request, "partners/referral.html", context, status=status)


@login_required
def referral(request: HttpRequest, pk: int) -> HttpResponse:
    return _show(request, selectors.get_referral(request.user, pk))


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral(request.user, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        errors = [e for errors in form.errors.values() for e in errors]
        return _show(request, referral, 400, move_errors=errors)
    data = form.cleaned_data
    try:
        services.move(request.user, referral, data["status"], data["reason"], data["version"])
    except services.StaleReferralError as error:
        referral.refresh_from_db()
        return _show(request, referral, 409, conflict=str(error))
    except ValidationError as error:
        return _show(request, referral, 400, move_errors=error.messages)
    messages.success(
        request, _("The referral is now: %(s)s") % {"s": referral.get_status_display()}
    )
    return redirect("partners:referral", pk=pk)


@login_required
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    if not policy.oversees_referrals(request.user):
        raise PermissionDenied
    referral = selectors.get_referral(request.user, pk)
    form = OverrideForm(request.POST, prefix="override")
    if form.is_valid():
        try:
            services.override_consent(request.user, referral, form.cleaned_data["reason"])
        except services.StaleReferralError as error:
            referral.refresh_from_db()
            return _show(request, referral, 409, conflict=str(error))
        except ValidationError as error:
            form.add_error("reason" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, _("Referral released to the receiving organisation."))
            return redirect("partners:referral", pk=pk)
    return _show(request, referral, 400, override_form=form)
