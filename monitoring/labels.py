"""Human labels of breakdowns, categories and units (translated where Integra has the text)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import OrganisationType
from pathways.choices import Area, Housing, MeasureStatus, PlanOutcome
from people.choices import CEFR, PermitPurpose, Sex, StatusType

from .catalogue import TOTAL, shipped_catalogue
from .models import Activity, SurveyChannel

BREAKDOWNS = {
    "sex": gettext_lazy("Sex"),
    "age_group": gettext_lazy("Age group"),
    "citizenship_group": gettext_lazy("Citizenship"),
    "legal_status": gettext_lazy("Legal status"),
    "region": gettext_lazy("Region"),
    "municipality": gettext_lazy("Municipality"),
    "programme": gettext_lazy("Programme"),
    "area": gettext_lazy("Area of integration"),
    "kind": gettext_lazy("Kind of course"),
    "channel": gettext_lazy("How the survey was answered"),
    "period": gettext_lazy("Year"),
}
UNITS = {
    "count": gettext_lazy("number"),
    "percent": gettext_lazy("%"),
    "days": gettext_lazy("days"),
    "level": gettext_lazy("CEFR levels"),
}
GROUPS = {
    "outputs": gettext_lazy("Programme outputs"),
    "outcomes": gettext_lazy("Cohort outcomes"),
    "zaragoza": gettext_lazy("Integration indicators (Zaragoza)"),
    "courses": gettext_lazy("Courses"),
    "surveys": gettext_lazy("Migrant surveys"),
}
OTHER = {
    "unknown": gettext_lazy("Unknown"),
    "none": gettext_lazy("None"),
    "other": gettext_lazy("Other"),
    "stateless_unknown": gettext_lazy("Stateless or unknown"),
    "open": gettext_lazy("Still open"),
    "completed": gettext_lazy("Completed"),
    "not_completed": gettext_lazy("Not completed"),
    "declined": gettext_lazy("Declined"),
    "revoked": gettext_lazy("Revoked"),
    "low": gettext_lazy("Low (ISCED 0–2)"),
    "medium": gettext_lazy("Medium (ISCED 3–4)"),
    "high": gettext_lazy("High (ISCED 5–8)"),
}
CHOICES = {
    "sex": Sex,
    "legal_status": StatusType,
    "area": Area,
    "channel": SurveyChannel,
    "outcome": PlanOutcome,
    "activity": Activity,
    "housing": Housing,
    "status": MeasureStatus,
    "permit_purpose": PermitPurpose,
    "level": CEFR,
    "receiver": OrganisationType,
}


def breakdown_label(name: str) -> str:
    return str(BREAKDOWNS.get(name, name))


def category_label(breakdown: str, code: str) -> str:
    if code == TOTAL:
        return _("Total")
    if breakdown == "age_group":
        for group in shipped_catalogue().age_groups:
            if group.code == code:
                return f"{group.low}–{group.high}" if group.high is not None else f"{group.low}+"
    if breakdown == "citizenship_group":
        for group in shipped_catalogue().citizenship_groups:
            if group.code == code:
                return _(group.name)
    choices = CHOICES.get(breakdown)
    if choices is not None and code in choices.values:
        return str(choices(code).label)
    if code in OTHER:
        return str(OTHER[code])
    from .surveys import option_label

    return option_label(code) or code.replace("_", " ")


def unit_label(unit: str) -> str:
    return str(UNITS.get(unit, unit))
