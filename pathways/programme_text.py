"""Programme-profile values and `when` conditions in words, in the user's language."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import OrganisationType
from people.choices import StatusType

from .choices import Area, MeasureType
from .programmes.conditions import (
    AgeAtLeast,
    AgeBelow,
    AllOf,
    AnyOf,
    Condition,
    Flag,
    LevelAtLeast,
    LevelBelow,
    Not,
)

FLAG_LABELS = {
    "needs_literacy": gettext_lazy("cannot yet read and write"),
    "needs_latin_script": gettext_lazy("does not read the Latin script"),
    "needs_language": gettext_lazy("needs language tuition (below B1)"),
    "needs_recognition": gettext_lazy("has qualifications to be recognised"),
    "needs_employment_support": gettext_lazy("of working age and not employed"),
    "has_employment_goal": gettext_lazy("has an employment goal"),
    "needs_education_track": gettext_lazy("needs an education track"),
    "needs_housing": gettext_lazy("needs housing"),
    "housing_urgent": gettext_lazy("is without housing"),
    "needs_childcare": gettext_lazy("needs childcare"),
    "needs_health": gettext_lazy("has health needs"),
    "needs_psychosocial": gettext_lazy("needs psychosocial support"),
    "needs_legal": gettext_lazy("needs legal help"),
    "is_minor": gettext_lazy("is a minor"),
    "unaccompanied_minor": gettext_lazy("is an unaccompanied minor"),
}
TRIGGER_LABELS = {
    "unexcused_absences": gettext_lazy("unexcused absences"),
    "missed_deadline": gettext_lazy("missed deadline"),
    "exam_failed": gettext_lazy("exam failed"),
}
ACTION_LABELS = {
    "warning": gettext_lazy("written warning"),
    "benefit_reduction_notice": gettext_lazy("benefit-reduction notice"),
    "exclusion": gettext_lazy("exclusion from the programme"),
    "case_review": gettext_lazy("case review"),
}
PRIORITY_LABELS = {
    "mandatory_first": gettext_lazy("mandatory participants first"),
    "waiting_time": gettext_lazy("longest waiting first"),
    "vulnerability": gettext_lazy("vulnerable persons first"),
    "age": gettext_lazy("by age"),
}
SKILL_LABELS = {
    "reading": gettext_lazy("reading"),
    "listening": gettext_lazy("listening"),
    "writing": gettext_lazy("writing"),
    "speaking": gettext_lazy("speaking"),
}


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def area_label(value: str) -> str:
    return _label(Area, value)


def measure_type_label(value: str) -> str:
    return _label(MeasureType, value)


def organisation_type_label(value: str) -> str:
    return _label(OrganisationType, value)


def status_type_label(value: str) -> str:
    return _label(StatusType, value)


def describe(condition: Condition, nested: bool = False) -> str:
    """A condition in words: 'needs childcare', '(A or B) and not C', 'always'."""
    if isinstance(condition, Flag):
        label = str(FLAG_LABELS.get(condition.name, condition.name))
        return label if condition.value else _("not: %(condition)s") % {"condition": label}
    if isinstance(condition, LevelBelow):
        return _("language level below %(level)s") % {"level": condition.level}
    if isinstance(condition, LevelAtLeast):
        return _("language level %(level)s or higher") % {"level": condition.level}
    if isinstance(condition, AgeBelow):
        return _("younger than %(age)d") % {"age": condition.age}
    if isinstance(condition, AgeAtLeast):
        return _("aged %(age)d or older") % {"age": condition.age}
    if isinstance(condition, Not):
        return _("not: %(condition)s") % {"condition": describe(condition.item, nested=True)}
    if isinstance(condition, AllOf | AnyOf):
        if not condition.items:
            return _("always")
        if len(condition.items) == 1:
            return describe(condition.items[0], nested)
        joiner = _(" and ") if isinstance(condition, AllOf) else _(" or ")
        text = joiner.join(describe(item, nested=True) for item in condition.items)
        return f"({text})" if nested else text
    return str(condition)
