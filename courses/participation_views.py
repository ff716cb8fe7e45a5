"""Pages for taking part: enrol (caseworker), withdraw, the attendance register and exam
results (teacher), certificate download, and the public certificate check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.policy import FieldGroup
from audit.models import Action
from people import selectors as people_selectors

from . import access, attendance, certificates, enrolment, exams, selectors
from .capacity import open_course_measures
from .choices import EnrolmentStatus, Mark
from .forms import EnrolForm, ExamForm, FindClientForm, WithdrawForm
from .models import Certificate
from .views import add_errors


def _person_id(request: HttpRequest) -> int | None:
    text = request.POST.get("person") or request.GET.get("person") or ""
    return int(text) if text.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group(request.user, pk)
    person_id = _person_id(request)
    if person_id is None:
        form = FindClientForm(request.GET or None)
        context = {"group": group, "find_form": form}
        return render(request, "courses/enrol.html", context, status=400 if form.errors else 200)
    view = people_selectors.get_person(
        request.user, person_id, [FieldGroup.IDENTITY, FieldGroup.PATHWAY], detail="course-enrol"
    )
    person = view.person
    access.require_editor(request.user, person)
    measures = list(open_course_measures().filter(goal__version__plan__person=person))
    form = EnrolForm(request.POST or None, measures=measures)
    if request.GET.get("measure"):
        form.fields["measure"].initial = request.GET["measure"]
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["measure"]
        measure = next((m for m in measures if str(m.pk) == chosen), None)
        try:
            made = enrolment.enrol(request.user, group, person, measure)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if made.status == EnrolmentStatus.ACTIVE:
                messages.success(request, _("The client is enrolled."))
            else:
                position = [e.pk for e in enrolment.waiting_list(group)].index(made.pk) + 1
                messages.success(
                    request,
                    _("The group is full: the client is on the waiting list, number %(n)d.")
                    % {"n": position},
                )
            return redirect("courses:group", pk=group.pk)
    context = {"group": group, "person": person, "form": form}
    return render(request, "courses/enrol.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_enrolment(request.user, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            promoted = enrolment.withdraw(request.user, found, form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The client has left the group."))
            if promoted:
                messages.success(request, _("The next person on the waiting list has the seat."))
            return redirect("courses:group", pk=found.group_id)
    context = {
        "form": form,
        "title": _("Leave the group: %(group)s") % {"group": found.group},
        "submit": _("Withdraw from the group"),
        "back": reverse("courses:group", args=[found.group_id]),
    }
    return render(request, "courses/form_page.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session(request.user, pk)
    error = None
    if request.method == "POST":
        marks = {}
        for key, value in request.POST.items():
            if key.startswith("mark-") and key[5:].isdigit() and value:
                marks[int(key[5:])] = value
        try:
            attendance.record_register(request.user, session, marks)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("courses:register", pk=pk)
    rows = selectors.register(request.user, session)
    context = {"session": session, "group": session.group, "rows": rows, "marks": Mark.choices}
    context["error"] = error
    return render(request, "courses/register.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def exam(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_enrolment(request.user, pk)
    access.require_teacher(request.user, found.group)
    view = people_selectors.get_person(request.user, found.person_id, [FieldGroup.IDENTITY], "exam")
    try:
        rule = exams.rule_for(found)
    except ValidationError as error:
        rule, rule_error = None, " ".join(error.messages)
    else:
        rule_error = None
    form = ExamForm(request.POST or None, required_skills=rule.skills if rule else ())
    if request.method == "POST" and rule and form.is_valid():
        try:
            result = exams.record_result(
                request.user, found, form.cleaned_data["taken_on"], form.scores()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if result.passed:
                messages.success(
                    request,
                    _("Passed at %(level)s. A certificate has been issued.")
                    % {"level": result.level_reached},
                )
            else:
                messages.success(
                    request, _("Not passed: %(level)s reached.") % {"level": result.level_reached}
                )
            return redirect("courses:group", pk=found.group_id)
    context = {"form": form, "enrolment": found, "person": view.person, "rule": rule}
    context["rule_error"] = rule_error
    return render(request, "courses/exam_form.html", context, status=400 if form.errors else 200)


@login_required
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = Certificate.objects.filter(pk=pk).first()
    person_id = certificate.person_id if certificate else 0
    view = people_selectors.get_person(
        request.user, person_id, [FieldGroup.IDENTITY], "certificate"
    )
    language = certificates.language_for(view.person, request.LANGUAGE_CODE)
    verify_url = request.build_absolute_uri(reverse("verify", args=[certificate.code]))
    document = certificates.pdf_bytes(certificate, language, verify_url)
    access.audit(
        request.user,
        view.person.pk,
        Action.EXPORT,
        [FieldGroup.IDENTITY],
        f"certificate-pdf:{certificate.pk}",
        view.access.ground,
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.pk}.pdf"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone with the code sees initials, course, level and validity; nothing else."""
    found = certificates.find(code)
    context = {"certificate": certificates.public_view(found) if found else None}
    if found is not None:
        detail = f"certificate-verified:{found.pk}"
        access.audit(
            request.user,
            found.person_id,
            Action.VIEW,
            [FieldGroup.IDENTITY],
            detail,
            "certificate-code",
        )
    response = render(request, "courses/verify.html", context, status=200 if found else 404)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
