from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Relationship
from .countries import COUNTRIES
from .models import Person
from .search import fold
from .services import EDITABLE_FIELDS


class PersonForm(forms.ModelForm):
    citizenships = forms.MultipleChoiceField(
        label=_("Citizenships"),
        choices=COUNTRIES,
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    country_of_birth = forms.ChoiceField(
        label=_("Country of birth"), choices=[("", "—"), *COUNTRIES], required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = EDITABLE_FIELDS
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["citizenships"].initial = list(
                self.instance.citizenships.values_list("country", flat=True)
            )
            self.fields["version"].initial = self.instance.version
        for name in ("given_name", "given_name_latin", "family_name", "family_name_latin"):
            self.fields[name].widget.attrs["dir"] = "auto"

    def clean(self):
        """Fill an empty Latin form with a transliteration of the own-script name."""
        data = super().clean()
        for native, latin in (
            ("given_name", "given_name_latin"),
            ("family_name", "family_name_latin"),
        ):
            if not (data.get(latin) or "").strip() and data.get(native):
                data[latin] = fold(data[native]).title()
        return data


class HouseholdMemberForm(forms.Form):
    person = forms.IntegerField(
        label=_("Person number"),
        min_value=1,
        help_text=_("The number shown in the address of the person's page, e.g. /people/123/."),
    )
    relationship = forms.ChoiceField(label=_("Relationship"), choices=Relationship.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)
