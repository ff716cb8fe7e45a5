"""The kinds of record a person has besides the core fields, and the field group each belongs
to. Adding one is a write to that group, checked and audited like any other."""

from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.policy import FIELD_GROUP_LABELS, FieldGroup

from . import models as m
from .countries import COUNTRIES


@dataclass(frozen=True)
class RecordKind:
    model: type[models.Model]
    fields: list[str]
    group: FieldGroup
    label: str


KINDS = {
    "document": RecordKind(
        m.IdentityDocument,
        ["type", "number", "issuing_country", "issued_on", "expires_on"],
        FieldGroup.IDENTITY,
        _("Identity document"),
    ),
    "consent": RecordKind(
        m.Consent,
        ["purpose", "recipient", "field_groups", "given_on", "expires_on"],
        FieldGroup.IDENTITY,
        _("Consent"),
    ),
    "status": RecordKind(
        m.LegalStatus,
        ["status_type", "permit_purpose", "valid_from", "valid_to", "issuing_authority"],
        FieldGroup.LEGAL_STATUS,
        _("Legal status"),
    ),
    "language": RecordKind(
        m.PersonLanguage,
        ["language", "level", "is_native"],
        FieldGroup.EDUCATION_WORK,
        _("Language"),
    ),
    "education": RecordKind(
        m.Education,
        ["isced_level", "field", "country", "completed_year"],
        FieldGroup.EDUCATION_WORK,
        _("Education"),
    ),
    "qualification": RecordKind(
        m.Qualification,
        ["title", "country", "recognition"],
        FieldGroup.EDUCATION_WORK,
        _("Qualification"),
    ),
    "work": RecordKind(
        m.WorkExperience,
        ["isco_code", "occupation", "country", "years"],
        FieldGroup.EDUCATION_WORK,
        _("Work experience"),
    ),
    "vulnerability": RecordKind(
        m.Vulnerability,
        ["kind", "note"],
        FieldGroup.VULNERABILITIES,
        _("Vulnerability"),
    ),
}
COUNTRY_FIELDS = {"issuing_country", "country"}
DATE_FIELDS = {"issued_on", "expires_on", "valid_from", "valid_to", "given_on"}


def form_class(kind: RecordKind) -> type[forms.ModelForm]:
    overrides: dict[str, forms.Field] = {}
    for name in kind.fields:
        if name in COUNTRY_FIELDS:
            overrides[name] = forms.ChoiceField(
                label=_("Country"), choices=[("", "—"), *COUNTRIES], required=False
            )
    if "field_groups" in kind.fields:
        overrides["field_groups"] = forms.MultipleChoiceField(
            label=_("Data categories"),
            choices=[(g.value, FIELD_GROUP_LABELS[g]) for g in FieldGroup],
            widget=forms.CheckboxSelectMultiple,
        )
    if "recipient" in kind.fields:
        overrides["recipient"] = forms.ModelChoiceField(
            label=_("Recipient organisation"), queryset=Organisation.objects.all()
        )
    if "isco_code" in kind.fields:
        overrides["isco_code"] = forms.RegexField(
            label=_("ISCO-08 occupation code"),
            regex=r"^\d{1,4}$",
            error_messages={"invalid": _("Enter an ISCO-08 code of one to four digits.")},
        )
    widgets = {f: forms.DateInput(attrs={"type": "date"}) for f in kind.fields if f in DATE_FIELDS}
    meta = type("Meta", (), {"model": kind.model, "fields": kind.fields, "widgets": widgets})
    return type(f"{kind.model.__name__}Form", (forms.ModelForm,), {**overrides, "Meta": meta})
