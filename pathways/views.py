"""Pathway pages: new assessment, plan proposal, the caseworker's worklist, programme rules."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts import policy
from accounts.policy import FieldGroup
from people import selectors as people_selectors

from . import plans, selectors
from .assessments import record_assessment
from .forms import AssessmentForm, ProposeForm, WorklistFilter
from .paging import Page, page_number, uncounted_page
from .programme_registry import active_profiles


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
def new_assessment(request: HttpRequest, person_pk: int) -> HttpResponse:
    view = people_selectors.get_person(
        request.user, person_pk, [FieldGroup.PATHWAY], detail="new-assessment"
    )
    if not view.access.may_edit:
        raise PermissionDenied
    shows_health = view.access.allows(FieldGroup.VULNERABILITIES)
    form = AssessmentForm(request.POST or None, shows_health=shows_health)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = record_assessment(request.user, view.person, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Assessment saved. Now propose a plan."))
            return redirect("pathways:propose", pk=assessment.pk)
    return render(request, "pathways/assessment_form.html", {"form": form, "person": view.person})


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    view = selectors.get_assessment(request.user, pk)
    if not view.access.may_edit:
        raise PermissionDenied
    profiles = list(active_profiles().values())
    form = ProposeForm(request.POST or None, profiles=profiles)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = plans.propose(request.user, view.assessment, data["programme"], data["start"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Plan proposed. Adjust it with the client, then agree it."))
            return redirect("pathways:plan", pk=plan.pk)
    context = {"form": form, "assessment": view.assessment, "person": view.assessment.person}
    return render(request, "pathways/propose.html", context)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    page: Page
    previous_url: str
    next_url: str


SECTIONS = [
    ("assessments", gettext_lazy("Assessments to do"), "assessments_to_do", lambda p: p),
    (
        "agreement",
        gettext_lazy("Plans awaiting agreement"),
        "awaiting_agreement",
        lambda p: p.person,
    ),
    (
        "measures",
        gettext_lazy("Measures due or overdue"),
        "measures_due",
        lambda m: m.goal.version.plan.person,
    ),
    ("reviews", gettext_lazy("Reviews due"), "reviews_due", lambda r: r.plan.person),
]


def _page_url(request: HttpRequest, key: str, number: int) -> str:
    query = request.GET.copy()
    query[key] = str(number)
    return "?" + query.urlencode()


@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    if not policy.may_plan(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    filters = WorklistFilter(request.GET or None)
    work = selectors.worklist(request.user, today, **filters.criteria())
    sections, listed = [], {}
    for key, title, attribute, person_of in SECTIONS:
        page = uncounted_page(getattr(work, attribute), page_number(request.GET.get(key)))
        previous_url = _page_url(request, key, page.previous_page_number)
        next_url = _page_url(request, key, page.next_page_number)
        sections.append(Section(key, title, page, previous_url, next_url))
        for row in page:
            person = person_of(row)
            listed.setdefault(person.pk, person)
    selectors.audit_listed(
        request.user,
        [(person, "worklist") for person in listed.values()],
        groups_for=lambda grant: [FieldGroup.IDENTITY, FieldGroup.PATHWAY],
    )
    context = {"filters": filters, "sections": sections, "today": today}
    return render(request, "pathways/worklist.html", context)


@login_required
def programmes(request: HttpRequest) -> HttpResponse:
    if not policy.may_plan(request.user):
        raise PermissionDenied
    profiles = sorted(active_profiles().values(), key=lambda p: (p.country, p.id))
    return render(request, "pathways/programmes.html", {"profiles": profiles})


@login_required
def programme(request: HttpRequest, programme_id: str) -> HttpResponse:
    if not policy.may_plan(request.user):
        raise PermissionDenied
    profile = active_profiles().get(programme_id)
    if profile is None:
        raise Http404
    return render(request, "pathways/programme.html", {"profile": profile})
