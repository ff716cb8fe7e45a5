import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts import policy
from accounts.policy import FIELD_GROUP_LABELS, FieldGroup
from audit.selectors import events_for_person

from . import households, selectors, services
from .forms import HouseholdMemberForm, PersonForm
from .records import KINDS


def _partial(request: HttpRequest) -> bool:
    """An htmx swap wants only the changed part; a history restore needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@login_required
@vary_on_headers("HX-Request")  # the browser must not cache a partial as the whole page
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = selectors.search_persons(request.user, query) if query else []
    context = {"query": query, "results": results, "may_search": policy.may_search(request.user)}
    if _partial(request):
        return render(request, "people/search.html#results", context)
    return render(request, "people/search.html", context)


def _tabs(person_view) -> list[dict]:
    return [
        {"group": g.value, "label": FIELD_GROUP_LABELS[g]}
        for g in FieldGroup
        if person_view.access.allows(g)
    ]


@login_required
@vary_on_headers("HX-Request")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    tab = request.GET.get("tab", FieldGroup.IDENTITY.value)
    if tab not in {g.value for g in FieldGroup}:
        tab = FieldGroup.IDENTITY.value
    group = FieldGroup(tab)
    view = selectors.get_person(request.user, pk, [group], detail="page")
    context = {
        "person": view.person,
        "access": view.access,
        "tabs": _tabs(view),
        "tab": tab,
        "data": selectors.group_data(view.person, group),
        "may_read_audit": policy.may_read_audit(request.user),
        "add_kinds": [
            (name, kind.label)
            for name, kind in KINDS.items()
            if kind.group == group and view.access.may_edit
        ],
    }
    if _partial(request):
        return render(request, "people/detail.html#record", context)
    return render(request, "people/detail.html", context)


@login_required
def seen_by(request: HttpRequest, pk: int) -> HttpResponse:
    if not policy.may_read_audit(request.user):
        raise PermissionDenied
    view = selectors.get_person(request.user, pk, [FieldGroup.IDENTITY], detail="audit")
    events = events_for_person(pk)[:200]
    return render(request, "people/seen_by.html", {"person": view.person, "events": events})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not policy.may_create_person(request.user):
        raise PermissionDenied
    form = PersonForm(request.POST or None)
    duplicates = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("citizenships", "version")}
        if not request.POST.get("not_a_duplicate"):
            duplicates = selectors.possible_duplicates(request.user, data)
        if not duplicates or not (duplicates.visible or duplicates.elsewhere):
            person = services.create_person(request.user, data, form.cleaned_data["citizenships"])
            messages.success(request, _("Person registered."))
            return redirect("people:detail", pk=person.pk)
    context = {"form": form, "creating": True, "duplicates": duplicates}
    return render(request, "people/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    groups = [g for g in services.PERSON_FIELDS_BY_GROUP]
    view = selectors.get_person(request.user, pk, groups, detail="edit")
    if not view.access.may_edit:
        raise PermissionDenied
    # The form writes the submitted values into its instance; keep the loaded record intact so
    # a refused save still shows what is stored.
    form = PersonForm(request.POST or None, instance=copy.copy(view.person))
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("citizenships", "version")}
        try:
            services.update_person(
                request.user,
                view.person,
                data,
                form.cleaned_data["version"] or 0,
                form.cleaned_data["citizenships"],
            )
        except services.StaleEditError as error:
            conflict = str(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:detail", pk=pk)
    context = {"form": form, "person": view.person, "conflict": conflict, "creating": False}
    return render(request, "people/form.html", context, status=409 if conflict else 200)


@login_required
def household(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.get_household(request.user, pk)
    context = {
        "household": household,
        "may_edit": policy.may_edit_household(request.user, household),
    }
    return render(request, "people/household.html", context)


@login_required
@require_POST
def start_household(request: HttpRequest, pk: int) -> HttpResponse:
    view = selectors.get_person(request.user, pk, [FieldGroup.FAMILY], detail="household")
    household = households.start_household(request.user, view.person)
    return redirect("people:household", pk=household.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add_household_member(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.get_household(request.user, pk)
    form = HouseholdMemberForm(request.POST or None, initial={"version": household.version})
    if request.method == "POST" and form.is_valid():
        member = selectors.get_person(
            request.user, form.cleaned_data["person"], [FieldGroup.FAMILY], detail="household"
        )
        try:
            households.add_member(
                request.user,
                household,
                member.person,
                form.cleaned_data["relationship"],
                form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("people:household", pk=pk)
    return render(
        request, "people/household_member_form.html", {"form": form, "household": household}
    )
