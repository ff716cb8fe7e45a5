"""Recording a follow-up of a client's situation (activity, housing, host-language level)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record
from people.models import Person

from .models import FollowUp


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["observed_on", "activity", "housing", "host_language_level"]
        widgets = {"observed_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("activity", "housing", "host_language_level")):
            raise forms.ValidationError(_("Record at least one of activity, housing or level."))
        return data


def record_follow_up(user, person: Person, form: FollowUpForm) -> FollowUp:
    grant = policy.access(user, person)
    if not (grant.may_edit and grant.allows(FieldGroup.PATHWAY)):
        raise PermissionDenied
    follow_up = form.save(commit=False)
    follow_up.person, follow_up.organisation_id = person, person.organisation_id
    follow_up.recorded_by = user
    follow_up.save()
    record(user, [Entry(person.pk, Action.CREATE, [FieldGroup.PATHWAY], grant.ground,
                        f"follow-up:{follow_up.pk}")])  # fmt: skip
    return follow_up


@login_required
def follow_up(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    grant = policy.access(request.user, person)
    if not (grant.may_edit and grant.allows(FieldGroup.PATHWAY)):
        raise PermissionDenied
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_follow_up(request.user, person, form)
        messages.success(request, _("Follow-up recorded."))
        return redirect("monitoring:follow_up", person.pk)
    recent = person.follow_ups.all()[:10]
    return render(
        request, "monitoring/follow_up.html", {"person": person, "form": form, "recent": recent}
    )
