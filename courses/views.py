"""Course pages for coordinators, providers, caseworkers and teachers: thin over the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import policy
from pathways import selectors as pathway_selectors
from pathways.paging import page_number, uncounted_page

from . import access, capacity, ical, selectors, services
from .forms import CatalogueFilter, CourseForm, GroupForm, SessionForm
from .models import Course


def add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    if not access.uses_courses(request.user):
        raise PermissionDenied
    filters = CatalogueFilter(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    measure = None
    if request.GET.get("measure", "").isdigit():
        measure = pathway_selectors.view_measure(request.user, int(request.GET["measure"]))
    page = uncounted_page(
        selectors.catalogue(request.user, criteria), page_number(request.GET.get("page"))
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "measure": measure,
        "teaching": selectors.teaching(request.user),
        "may_enrol": policy.may_enrol(request.user),
        "may_add_course": policy.manages_courses(request.user),
        "manageable": {g.course_id for g in page if access.manages(request.user, g.course)},
        "managed_courses": list(
            policy.courses_managed(request.user, Course.objects.filter(active=True))
            .select_related("provider")
            .order_by("title", "id")[:50]
        ),
    }
    return render(request, "courses/catalogue.html", context)


def _form_page(request, form, title: str, submit: str, back: str = "") -> HttpResponse:
    context = {"form": form, "title": title, "submit": submit, "back": back}
    return render(request, "courses/form_page.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    if not policy.manages_courses(request.user):
        raise PermissionDenied
    form = CourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.create_course(request.user, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Course added. Now plan a group."))
            return redirect("courses:group_create", pk=course.pk)
    return _form_page(request, form, _("Add a course"), _("Add the course"))


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course, pk=pk)
    access.require_manager(request.user, course)
    form = GroupForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            group = services.create_group(request.user, course, data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Group planned. Check it against the criteria and open it.")
            )
            return redirect("courses:group", pk=group.pk)
    title = _("Plan a group: %(course)s") % {"course": course.title}
    return _form_page(request, form, title, _("Plan the group"))


@login_required
def group(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    page = selectors.group_page(request.user, found)
    manages = access.manages(request.user, found.course)
    enrol_query = ""
    if request.GET.get("measure", "").isdigit():
        measure = pathway_selectors.get_measure(request.user, int(request.GET["measure"]))
        person_id = measure.goal.version.plan.person_id
        enrol_query = f"?person={person_id}&measure={measure.pk}"
    context = {
        "enrol_query": enrol_query,
        "page": page,
        "group": found,
        "manages": manages,
        "teaches": access.teaches(request.user, found),
        "may_enrol": policy.may_enrol(request.user),
        "session_form": SessionForm() if manages else None,
    }
    return render(request, "courses/group.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    access.require_manager(request.user, found.course)
    form = GroupForm(
        request.POST or None,
        instance=found,
        course=found.course,
        initial={"version": found.version},
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        found.refresh_from_db()  # the form wrote into the instance; the service compares
        try:
            services.change_group(request.user, found, data, form.cleaned_data["version"] or 0)
        except services.StaleGroupError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("courses:group", pk=pk)
    back = reverse("courses:group", args=[pk])
    return _form_page(request, form, _("Change the group"), _("Save changes"), back)


def _posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@login_required
@require_POST
def group_open(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    try:
        services.open_group(request.user, found, _posted_version(request))
    except services.StaleGroupError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The group is open for enrolment."))
    return redirect("courses:group", pk=pk)


@login_required
@require_POST
def group_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    try:
        services.close_group(request.user, found, _posted_version(request))
    except services.StaleGroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The group is closed."))
    return redirect("courses:group", pk=pk)


@login_required
@require_POST
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    access.require_manager(request.user, found.course)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.add_session(request.user, found, form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Session added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("courses:group", pk=pk)


@login_required
def calendar(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_group(request.user, pk)
    text = ical.calendar(found, found.sessions.all())
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="course-group-{found.pk}.ics"'
    return response


@login_required
def capacity_page(request: HttpRequest) -> HttpResponse:
    if not policy.plans_course_capacity(request.user):
        raise PermissionDenied
    region = request.GET.get("region", "").strip()
    rows = capacity.shortfall_table(region)
    context = {"rows": rows, "chart": capacity.chart(rows), "region": region}
    return render(request, "courses/capacity.html", context)
