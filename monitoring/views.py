"""Statistics pages: thin views over services, dashboard, exports and surveys."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from accounts import policy
from accounts.models import Role
from audit.models import Action
from people.models import Person

from . import dashboard, exports, sdmx_export, services, surveys
from .catalogue import shipped_catalogue
from .disclosure import current_policy
from .labels import GROUPS, breakdown_label
from .models import ComputationRun, SurveyChannel

EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "sdmx-csv": ("application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8", "sdmx.csv"),
    "sdmx-ml": ("application/vnd.sdmx.structurespecificdata+xml; version=2.1", "sdmx.xml"),
}


def _choice(value: str, allowed, default: str) -> str:
    return value if value in allowed else default


@login_required
def home(request: HttpRequest) -> HttpResponse:
    services.require_statistics(request.user)
    view = _choice(request.GET.get("view", ""), dashboard.LAYOUTS, "")
    if not view:
        view = "coordinator" if request.user.role == Role.COORDINATOR else "analyst"
    periods = services.periods_of("people_registered") or services.periods_of("employment_rate")
    period = _choice(request.GET.get("period", ""), periods, periods[0] if periods else "")
    breakdown = _choice(request.GET.get("breakdown", ""), dashboard.BREAKDOWN_CHOICES, "sex")
    context = {
        "view": view,
        "title": dashboard.LAYOUTS[view].title,
        "layouts": {key: layout.title for key, layout in dashboard.LAYOUTS.items()},
        "periods": periods,
        "period": period,
        "breakdown": breakdown,
        "breakdowns": [(b, breakdown_label(b)) for b in dashboard.BREAKDOWN_CHOICES],
        "run": services.latest_run(),
        "computed_at": services.computed_at(),
        "policy": current_policy(),
    }
    if period:
        context["panel"] = dashboard.panel(request.user, view, period, breakdown)
    if request.htmx:
        return render(request, "monitoring/_panel.html", context)
    return render(request, "monitoring/dashboard.html", context)


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    services.require_statistics(request.user)
    indicators = list(shipped_catalogue().indicators.values())
    groups = [(label, [i for i in indicators if i.group == key]) for key, label in GROUPS.items()]
    context = {"groups": [g for g in groups if g[1]], "catalogue": shipped_catalogue()}
    return render(request, "monitoring/catalogue.html", context)


def _selection(request: HttpRequest, indicator_id: str):
    indicator = services.indicator_or_none(indicator_id)
    if indicator is None:
        raise Http404
    breakdown = _choice(
        request.GET.get("breakdown", ""), indicator.breakdowns, indicator.breakdowns[0]
    )
    periods = services.periods_of(indicator_id)
    period = _choice(request.GET.get("period", ""), periods, periods[0] if periods else "")
    unprotected = request.GET.get("unprotected") == "1"
    return indicator, breakdown, periods, period, unprotected


@login_required
def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    services.require_statistics(request.user)
    indicator, breakdown, periods, period, unprotected = _selection(request, indicator_id)
    table = services.table(request.user, indicator.id, breakdown, period, unprotected)
    context = {
        "indicator": indicator,
        "breakdown": breakdown,
        "breakdowns": [(b, breakdown_label(b)) for b in indicator.breakdowns],
        "periods": periods,
        "period": period,
        "table": table,
        "unprotected": unprotected,
        "may_unprotect": policy.sees_unprotected_statistics(request.user),
        "exports": EXPORTS,
        "policy": current_policy(),
    }
    template = "monitoring/_table.html" if request.htmx else "monitoring/indicator.html"
    return render(request, template, context)


@login_required
def export(request: HttpRequest, indicator_id: str, fmt: str) -> HttpResponse:
    services.require_statistics(request.user)
    if fmt not in EXPORTS:
        raise Http404
    indicator, breakdown, _periods, period, unprotected = _selection(request, indicator_id)
    table = services.table(
        request.user, indicator.id, breakdown, period, unprotected, Action.EXPORT
    )
    if table is None:
        raise Http404
    content_type, suffix = EXPORTS[fmt]
    body = {
        "csv": lambda: exports.to_csv(indicator, [table]),
        "xlsx": lambda: exports.to_xlsx(indicator, [table]),
        "sdmx-csv": lambda: sdmx_export.to_sdmx_csv([table]),
        "sdmx-ml": lambda: sdmx_export.to_sdmx_ml([table]),
    }[fmt]()
    response = HttpResponse(body, content_type=content_type)
    name = f"{indicator.id}-{breakdown}-{table['period']}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def structure(request: HttpRequest) -> HttpResponse:
    services.require_statistics(request.user)
    response = HttpResponse(sdmx_export.DSD_FILE.read_bytes(), content_type="application/xml")
    response["Content-Disposition"] = 'attachment; filename="integra_dsd.xml"'
    return response


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    run = services.start_run(request.user)
    return redirect("monitoring:run", run.pk)


@login_required
def run(request: HttpRequest, pk: int) -> HttpResponse:
    services.require_statistics(request.user)
    computation = get_object_or_404(ComputationRun, pk=pk)
    template = "monitoring/_run_progress.html" if request.htmx else "monitoring/run.html"
    return render(request, template, {"run": computation})


@login_required
def survey_invite(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    if not policy.access(request.user, person).may_edit:
        raise PermissionDenied
    context = {"person": person, "surveys": surveys.SURVEYS, "channels": SurveyChannel.choices}
    if request.method == "POST":
        channel = _choice(request.POST.get("channel", ""), SurveyChannel.values, SurveyChannel.LINK)
        try:
            token = surveys.invite(request.user, person, request.POST.get("survey", ""), channel)
        except ValidationError as error:
            context["error"] = error.messages[0]
        else:
            link = request.build_absolute_uri(reverse("monitoring:survey", args=[token]))
            context.update(link=link, channel=channel)
    return render(request, "monitoring/survey_invite.html", context)


def survey_public(request: HttpRequest, token: str) -> HttpResponse:
    """The survey itself: no sign-in, the one-time token is the only key."""
    invitation = surveys.open_invitation(token)
    if invitation is None:
        return render(request, "monitoring/survey_closed.html", status=410)
    survey = surveys.SURVEYS[invitation.survey]
    context = {"survey": survey, "errors": {}, "chosen": {}}
    if request.method == "POST":
        data = {q.code: request.POST.getlist(q.code) for q in survey.questions}
        try:
            surveys.submit(token, data, get_language() or "")
        except ValidationError as error:
            context["errors"], context["chosen"] = error.message_dict, data
        except PermissionDenied:
            return render(request, "monitoring/survey_closed.html", status=410)
        else:
            return render(request, "monitoring/survey_thanks.html", {"survey": survey})
    return render(request, "monitoring/survey.html", context)
