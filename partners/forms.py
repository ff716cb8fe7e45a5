"""Forms of the partner pages. They check input only; the rules live in services and network."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.policy import FIELD_GROUP_LABELS, FieldGroup
from pathways.choices import Area

from .choices import ReferralStatus
from .models import Agreement, Service
from .services import REASON_LENGTH

GROUP_CHOICES = [(g.value, FIELD_GROUP_LABELS[g]) for g in FieldGroup]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DirectoryFilter(forms.Form):
    q = forms.CharField(label=_("Text"), required=False, max_length=100)
    area = forms.ChoiceField(
        label=_("Area of integration"), required=False, choices=[("", _("Any area"))]
    )
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("Any region"))])
    language = forms.CharField(
        label=_("Language (ISO 639-1 code)"),
        required=False,
        max_length=3,
        widget=forms.TextInput(attrs={"size": 4}),
    )

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Any area")), *Area.choices]
        self.fields["region"].choices = [("", _("Any region"))] + [(r, r) for r in regions]

    def values(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class GroupsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=GROUP_CHOICES, **kwargs)


class ServiceForm(forms.ModelForm):
    field_groups = GroupsField(label=_("Data the service needs"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Service
        fields = [
            "organisation",
            "name",
            "area",
            "description",
            "eligibility",
            "languages",
            "region",
            "address",
            "capacity",
            "waiting_days",
            "field_groups",
            "active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }

    def data_for_service(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class AgreementForm(forms.ModelForm):
    field_groups = GroupsField(label=_("Data that may be shared"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agreement
        fields = ["title", "scope", "purpose", "field_groups", "valid_from", "valid_to"]
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 3}),
            "valid_from": DateInput,
            "valid_to": DateInput,
        }

    def data_for_agreement(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    role = forms.CharField(label=_("Role in the agreement"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("organisation") and not data.get("role", "").strip():
            self.add_error("role", _("Give the organisation's role in the agreement."))
        return data


PartyFormSet = forms.formset_factory(PartyForm, extra=2)


def parties_of(formset) -> list:
    return [
        (form.cleaned_data["organisation"], form.cleaned_data["role"].strip())
        for form in formset
        if form.cleaned_data.get("organisation")
    ]


class ReferralForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("As in the client's consent, e.g. “employment”."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput)
    note = forms.CharField(
        label=_("Note to the receiving organisation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.ChoiceField(
        label=_("Client's consent"), required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, consents=(), consent_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consents = {str(c.pk): c for c in consents}
        choices = [(pk, consent_label(c)) for pk, c in self.consents.items()]
        choices.append(("", _("No consent recorded: hold the referral for a coordinator")))
        self.fields["consent"].choices = choices

    def chosen_consent(self):
        return self.consents.get(self.cleaned_data.get("consent") or "")


class MoveForm(forms.Form):
    status = forms.ChoiceField(choices=ReferralStatus.choices)
    reason = forms.CharField(required=False, max_length=REASON_LENGTH)
    version = forms.IntegerField(min_value=1)


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the referral may go without the client's consent"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At least 20 characters. The reason is kept with the referral."),
    )


class StatusFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ReferralStatus.choices]
    )

    def status_value(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""
