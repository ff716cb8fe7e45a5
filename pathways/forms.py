"""Forms of the pathway pages. They check input only; the rules live in plans.py."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from people.countries import country_name

from .assessments import ASSESSMENT_FIELDS, SENSITIVE_FIELDS
from .choices import MeasureStatus, MeasureType, PlanOutcome, ReviewOutcome, SignatureMethod
from .models import Assessment, Measure


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def today():
    return timezone.localdate()


ASSESSMENT_SECTIONS = [
    (_("Host language"), ["reading", "listening", "writing", "speaking"]),
    (_("Literacy and languages"), ["literate", "literate_in_latin_script", "other_languages"]),
    (
        _("Education and work"),
        [
            "isced_level",
            "qualifications_to_recognise",
            "has_work_experience",
            "occupation_isco",
            "employment_goal",
        ],
    ),
    (_("Living situation"), ["housing", "childcare_needed", "legal_needs"]),
    (_("Health and psychosocial needs"), list(SENSITIVE_FIELDS)),
]


class AssessmentForm(forms.ModelForm):
    """Every assessment field; the health fields only for users who may see them."""

    occupation_isco = forms.RegexField(
        label=_("last occupation (ISCO-08)"),
        regex=r"^\d{1,4}$",
        required=False,
        error_messages={"invalid": _("Enter an ISCO-08 code of one to four digits.")},
    )

    class Meta:
        model = Assessment
        fields = ASSESSMENT_FIELDS
        widgets = {
            "assessed_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "health_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, shows_health: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = today
        if not shows_health:
            for name in SENSITIVE_FIELDS:
                del self.fields[name]

    def sections(self):
        """(legend, bound fields) per fieldset; the date and the notes stand alone."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in ASSESSMENT_SECTIONS
            if any(name in self.fields for name in names)
        ]


class ProposeForm(forms.Form):
    programme = forms.ChoiceField(label=_("Programme"), widget=forms.RadioSelect)
    start = forms.DateField(label=_("Start"), widget=DateInput, initial=today)

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        modes = {"mandatory": _("mandatory"), "voluntary": _("voluntary")}
        self.fields["programme"].choices = [
            (
                p.id,
                f"{p.name} · {country_name(p.country)} · {modes[p.participation.mode]}",
            )
            for p in profiles
        ]
        if len(profiles) == 1:
            self.fields["programme"].initial = profiles[0].id


class MeasureForm(forms.ModelForm):
    """Adjusting a proposed measure: what the client and caseworker usually change."""

    class Meta:
        model = Measure
        fields = ["title", "deadline", "responsible", "hours"]
        widgets = {"deadline": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        measure = self.instance
        self.fields["responsible"].queryset = Organisation.objects.filter(
            Q(type=measure.responsible_type) | Q(pk=measure.responsible_id)
        )
        self.fields["responsible"].empty_label = _("Not chosen yet")


class NewMeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["type", "title", "responsible_type", "responsible", "deadline", "hours"]
        widgets = {"deadline": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].empty_label = _("Not chosen yet")


class DeclarationForm(forms.Form):
    prefix = "declaration"
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput, initial=today)


LANGUAGE_CODE = RegexValidator(
    r"^[a-z]{2,3}(-[a-z0-9]{1,2})?$",
    _("Enter a language code of two or three letters, such as ti or prs."),
)


class AgreeForm(forms.Form):
    prefix = "agree"
    agreed_on = forms.DateField(label=_("Agreed on"), widget=DateInput, initial=today)
    agreement_language = forms.ChoiceField(
        label=_("Language of the plan the client received"), choices=settings.LANGUAGES
    )
    other_language = forms.CharField(
        label=_("Other language (code)"),
        required=False,
        max_length=5,
        validators=[LANGUAGE_CODE],
        help_text=_("Only if the plan was explained in a language not listed above."),
    )
    signature_method = forms.ChoiceField(
        label=_("How it was signed"), choices=SignatureMethod.choices
    )
    witness = forms.CharField(label=_("Witness"), max_length=200, required=False)
    interpreter = forms.CharField(label=_("Interpreter"), max_length=200, required=False)

    def clean_other_language(self):
        return self.cleaned_data["other_language"].strip().lower()

    def clean(self):
        data = super().clean()
        if data.get("signature_method") == SignatureMethod.ORAL and not data.get("witness"):
            self.add_error("witness", _("An oral agreement needs a witness."))
        return data

    def agreement(self) -> dict:
        data = dict(self.cleaned_data)
        data["agreement_language"] = data.pop("other_language") or data["agreement_language"]
        return data


class ReviseForm(forms.Form):
    prefix = "revise"
    change_note = forms.CharField(label=_("Reason for the change"), max_length=300)


class CloseForm(forms.Form):
    prefix = "close"
    outcome = forms.ChoiceField(label=_("Outcome"), choices=PlanOutcome.choices)
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput, initial=today)


class MeasureStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MeasureStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("Required when the measure was not done or was cancelled."),
    )


class ReviewForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DateInput, initial=today)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReviewOutcome.choices)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 4}))


WINDOWS = [
    ("14", _("Due in the next 14 days or overdue")),
    ("30", _("Due in the next 30 days or overdue")),
    ("overdue", _("Overdue only")),
]


class WorklistFilter(forms.Form):
    window = forms.ChoiceField(label=_("Due"), choices=WINDOWS, required=False)
    type = forms.ChoiceField(
        label=_("Measure type"),
        choices=[("", _("All types")), *MeasureType.choices],
        required=False,
    )

    def criteria(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        window = data.get("window") or "14"
        return {
            "due_within": 0 if window == "overdue" else int(window),
            "overdue_only": window == "overdue",
            "measure_type": data.get("type") or "",
        }
