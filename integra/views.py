from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts import policy
from partners.dashboard import referral_sections
from people.selectors import list_persons


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    rule = policy.rule_for(request.user)
    context = {
        "may_search": policy.may_search(request.user),
        "may_create": policy.may_create_person(request.user),
        "may_read_audit": policy.may_read_audit(request.user),
        "may_plan": policy.may_plan(request.user),
        "scope": rule.scope,
        "groups": [policy.FIELD_GROUP_LABELS[g] for g in policy.FieldGroup if g in rule.groups],
    }
    if rule.scope == policy.Scope.OWN_ORGANISATION:
        context["client_count"] = list_persons(request.user).count()
    context["referral_sections"] = referral_sections(request.user)
    return render(request, "dashboard.html", context)
