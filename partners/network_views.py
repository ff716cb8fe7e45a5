"""Pages of the partner network: the service directory, agreements, the HSDS export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import policy
from pathways.paging import page_number, uncounted_page

from . import hsds, network, selectors
from .forms import AgreementForm, DirectoryFilter, PartyFormSet, ServiceForm, parties_of
from .models import Agreement, Service


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilter(request.GET or None, regions=selectors.regions())
    services = selectors.directory(**filters.values())
    context = {
        "filters": filters,
        "page": uncounted_page(services, page_number(request.GET.get("page"))),
        "query": query_without_page(request),
        "may_manage": policy.manages_network(request.user),
    }
    return render(request, "partners/directory.html", context)


@login_required
def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    context = {
        "service": service,
        "may_manage": policy.manages_network(request.user),
        "may_refer": policy.may_refer(request.user),
    }
    return render(request, "partners/service.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def service_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not policy.manages_network(request.user):
        raise PermissionDenied
    service = get_object_or_404(Service, pk=pk) if pk else None
    initial = {"version": service.version} if service else {}
    form = ServiceForm(request.POST or None, instance=service, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = network.save_service(
                request.user, service, form.data_for_service(), form.cleaned_data["version"]
            )
        except network.StaleNetworkEditError as error:
            conflict = str(error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Service saved."))
            return redirect("partners:service", pk=saved.pk)
    context = {"form": form, "service": service, "conflict": conflict}
    return render(request, "partners/service_form.html", context, status=409 if conflict else 200)


@login_required
def agreements(request: HttpRequest) -> HttpResponse:
    context = {
        "page": uncounted_page(selectors.agreements(), page_number(request.GET.get("page"))),
        "today": timezone.localdate(),
        "may_manage": policy.manages_network(request.user),
    }
    return render(request, "partners/agreements.html", context)


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(selectors.agreements(), pk=pk)
    context = {
        "agreement": agreement,
        "today": timezone.localdate(),
        "may_manage": policy.manages_network(request.user),
    }
    return render(request, "partners/agreement.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not policy.manages_network(request.user):
        raise PermissionDenied
    agreement = get_object_or_404(Agreement, pk=pk) if pk else None
    form = AgreementForm(
        request.POST or None,
        instance=agreement,
        initial={"version": agreement.version} if agreement else {},
    )
    current = [
        {"organisation": party.organisation_id, "role": party.role}
        for party in (agreement.roles.all() if agreement else [])
    ]
    parties = PartyFormSet(request.POST or None, initial=current, prefix="parties")
    conflict = None
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        try:
            saved = network.save_agreement(
                request.user,
                agreement,
                form.data_for_agreement(),
                parties_of(parties),
                form.cleaned_data["version"],
            )
        except network.StaleNetworkEditError as error:
            conflict = str(error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Agreement saved."))
            return redirect("partners:agreement", pk=saved.pk)
    context = {"form": form, "parties": parties, "agreement": agreement, "conflict": conflict}
    return render(request, "partners/agreement_form.html", context, status=409 if conflict else 200)


@login_required
def hsds_export(request: HttpRequest) -> JsonResponse:
    """The whole directory in HSDS 3.0; it holds no personal data."""
    response = JsonResponse(hsds.export(), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'inline; filename="services.json"'
    return response
