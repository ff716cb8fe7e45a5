"""The plan page and the writes made from it: declaration, agreement, new version, closure;
and the PDF of a plan version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import Action

from . import plans, selectors
from .access import audit, require
from .choices import PlanStatus
from .forms import AgreeForm, CloseForm, DeclarationForm, ReviseForm
from .models import Plan
from .pdf import goals_by_area, plan_pdf_bytes
from .programme_registry import profile
from .views import add_errors

AGREED_STATUSES = (PlanStatus.AGREED, PlanStatus.SUPERSEDED)


def posted_lock(request: HttpRequest) -> int:
    """The plan version the form was made from; a missing one can only be stale."""
    try:
        return int(request.POST.get("lock_version", ""))
    except ValueError:
        return -1


def conflict(request: HttpRequest, plan: Plan, error: Exception) -> HttpResponse:
    context = {"plan": plan, "message": str(error)}
    return render(request, "pathways/conflict.html", context, status=409)


def _version_number(request: HttpRequest) -> int | None:
    try:
        return int(request.GET["version"])
    except (KeyError, ValueError):
        return None


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    view = selectors.get_plan(request.user, pk, _version_number(request))
    plan, version = view.plan, view.version
    is_open = not plan.closed_on
    may_change = view.access.may_edit and is_open and version == view.versions[0]
    context = {
        "view": view,
        "plan": plan,
        "version": version,
        "profile": profile(plan.programme_id),
        "areas": goals_by_area(view.goals),
        "editable": view.editable,
        "is_latest": version == view.versions[0],
        "may_write": view.access.may_edit and is_open,
        "lock_version": plan.lock_version,
        "needs_declaration": plan.declaration_required and not plan.declaration_signed_on,
        "declaration_form": DeclarationForm() if may_change else None,
        "agree_form": AgreeForm() if view.editable else None,
        "revise_form": ReviseForm() if may_change and version.status == PlanStatus.AGREED else None,
        "close_form": CloseForm() if view.access.may_edit and is_open else None,
    }
    return render(request, "pathways/plan.html", context)


def _action(request, pk, form_class, perform, success, title, submit):
    """Run one write on a plan from a form of the plan page. Errors are shown on a page of
    their own with the form as submitted; a stale plan is a 409 that changes nothing."""
    plan = selectors.get_plan_for_change(request.user, pk)
    require(request.user, plan.person, edit=True)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            perform(plan, form, posted_lock(request))
        except plans.StalePlanError as error:
            return conflict(request, plan, error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("pathways:plan", pk=plan.pk)
    context = {
        "plan": plan,
        "form": form,
        "title": title,
        "submit": submit,
        "action": request.path,
        "lock_version": request.POST.get("lock_version", ""),
    }
    return render(request, "pathways/form_page.html", context)


@login_required
@require_POST
def sign_declaration(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan, form, lock):
        plans.sign_declaration(request.user, plan, form.cleaned_data["signed_on"], lock)

    return _action(
        request,
        pk,
        DeclarationForm,
        perform,
        _("The integration declaration is recorded as signed."),
        _("Sign the integration declaration"),
        _("Record the signature"),
    )


@login_required
@require_POST
def agree(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan, form, lock):
        plans.agree(request.user, plan, form.agreement(), lock)

    return _action(
        request,
        pk,
        AgreeForm,
        perform,
        _("The plan is agreed."),
        _("Agree the plan with the client"),
        _("Record the agreement"),
    )


@login_required
@require_POST
def revise(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan, form, lock):
        plans.revise(request.user, plan, form.cleaned_data["change_note"], lock)

    return _action(
        request,
        pk,
        ReviseForm,
        perform,
        _("A new version was started. Adjust it, then agree it with the client."),
        _("Start a new version"),
        _("Start a new version"),
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(plan, form, lock):
        data = form.cleaned_data
        plans.close(request.user, plan, data["outcome"], data["closed_on"], lock)

    return _action(
        request,
        pk,
        CloseForm,
        perform,
        _("The plan is closed."),
        _("Close the plan"),
        _("Close the plan"),
    )


@login_required
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan version as a PDF in the language it was agreed in (a proposal: in the
    user's language), for the client to keep and sign."""
    view = selectors.get_plan(request.user, pk, _version_number(request))
    plan, version = view.plan, view.version
    language = version.agreement_language if version.status in AGREED_STATUSES else None
    document = plan_pdf_bytes(view, profile(plan.programme_id), language or request.LANGUAGE_CODE)
    audit(request.user, plan.person, view.access, Action.EXPORT, f"plan-pdf:{pk}:v{version.number}")
    response = HttpResponse(document, content_type="application/pdf")
    filename = f"integration-plan-{plan.pk}-v{version.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response
