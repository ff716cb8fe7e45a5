"""Measures and reviews of a plan: inline (htmx) adjustment of a proposed measure, adding and
removing measures, following a measure's status, holding a review."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from . import plans, selectors
from .access import require
from .choices import PlanStatus
from .forms import MeasureForm, MeasureStatusForm, NewMeasureForm, ReviewForm
from .models import Measure
from .plan_views import conflict, posted_lock
from .views import add_errors


def _partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _row_context(measure: Measure, **extra) -> dict:
    plan = measure.goal.version.plan
    editable = measure.goal.version.status == PlanStatus.PROPOSED and not plan.closed_on
    return {"m": measure, "plan": plan, "editable": editable, **extra}


@login_required
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def edit_measure(request: HttpRequest, pk: int) -> HttpResponse:
    """Adjust a measure of a proposed version. With htmx the form replaces the measure's row
    and the saved row comes back with the plan's new lock version for every form on the page."""
    if request.method == "POST":
        measure = selectors.get_measure(request.user, pk)  # the write is audited
    else:
        measure = selectors.view_measure(request.user, pk)
    plan = measure.goal.version.plan
    require(request.user, plan.person, edit=True)
    source = request.POST if request.method == "POST" else request.GET
    lock = source.get("lock_version") or plan.lock_version
    form = MeasureForm(request.POST or None, instance=copy.copy(measure), prefix=f"m{pk}")
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            plans.change_measure(request.user, measure, data, posted_lock(request))
        except plans.StalePlanError as error:
            if _partial(request):
                context = _row_context(measure, message=str(error))
                return render(request, "pathways/_conflict_row.html", context, status=409)
            return conflict(request, plan, error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if _partial(request):
                context = _row_context(measure, focus=True, lock_version=plan.lock_version)
                return render(request, "pathways/_measure_saved.html", context)
            messages.success(request, _("Measure saved."))
            return redirect("pathways:plan", pk=plan.pk)
    context = _row_context(measure, form=form, lock_version=lock)
    if _partial(request):
        # The form replaced the Edit link that had focus: put it on the first (wrong) field.
        wrong = [name for name in form.fields if form.is_bound and name in form.errors]
        form.fields[(wrong or ["title"])[0]].widget.attrs["autofocus"] = True
        return render(request, "pathways/_measure_edit_row.html", context)
    return render(request, "pathways/measure_edit.html", context)


@login_required
def measure_row(request: HttpRequest, pk: int) -> HttpResponse:
    """A measure's row as on the plan page (to cancel an inline edit)."""
    measure = selectors.view_measure(request.user, pk)
    lock = request.GET.get("lock_version") or measure.goal.version.plan.lock_version
    context = _row_context(measure, focus=True, lock_version=lock)
    return render(request, "pathways/_measure_row.html", context)


@login_required
@require_POST
def remove_measure(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.get_measure(request.user, pk)
    plan = measure.goal.version.plan
    try:
        plans.remove_measure(request.user, measure, posted_lock(request))
    except plans.StalePlanError as error:
        return conflict(request, plan, error)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Measure removed."))
    return redirect("pathways:plan", pk=plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add_measure(request: HttpRequest, goal_pk: int) -> HttpResponse:
    goal = selectors.get_goal(request.user, goal_pk)
    plan = goal.version.plan
    require(request.user, plan.person, edit=True)
    form = NewMeasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            plans.add_measure(request.user, goal, data, posted_lock(request))
        except plans.StalePlanError as error:
            return conflict(request, plan, error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Measure added."))
            return redirect("pathways:plan", pk=plan.pk)
    context = {
        "plan": plan,
        "goal": goal,
        "form": form,
        "action": request.path,
        "lock_version": request.POST.get("lock_version") or plan.lock_version,
    }
    return render(request, "pathways/measure_new.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def measure(request: HttpRequest, pk: int) -> HttpResponse:
    """A measure on its own: its status history, and the form to record a new status."""
    if request.method == "POST":
        measure = selectors.get_measure(request.user, pk)
    else:
        measure = selectors.view_measure(request.user, pk)
    plan = measure.goal.version.plan
    grant = require(request.user, plan.person)
    form = MeasureStatusForm(request.POST or None, initial={"status": measure.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plans.set_measure_status(request.user, measure, data["status"], data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Status recorded."))
            return redirect("pathways:measure", pk=pk)
    context = {
        "m": measure,
        "plan": plan,
        "history": selectors.measure_history(measure),
        "form": form if grant.may_edit and not plan.closed_on else None,
    }
    return render(request, "pathways/measure.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        review = selectors.get_review(request.user, pk)
    else:
        review = selectors.view_review(request.user, pk)
    grant = require(request.user, review.plan.person)
    initial = {"notes": review.notes, "outcome": review.outcome}
    if review.held_on:
        initial["held_on"] = review.held_on
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plans.hold_review(request.user, review, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Review recorded."))
            return redirect("pathways:plan", pk=review.plan_id)
    context = {
        "review": review,
        "plan": review.plan,
        "form": form if grant.may_edit else None,
    }
    return render(request, "pathways/review.html", context)
