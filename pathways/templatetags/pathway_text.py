"""Filters for programme-profile values and plan labels in templates."""

from django import template
from django.utils.translation import get_language_info

from people.templatetags.people import person_name

from .. import programme_text as text
from ..programme_registry import profile
from ..programmes.conditions import ALWAYS

register = template.Library()

register.filter("area_label", text.area_label)
register.filter("measure_type_label", text.measure_type_label)
register.filter("organisation_type_label", text.organisation_type_label)
register.filter("status_type_label", text.status_type_label)
register.filter("describe", text.describe)


@register.filter
def trigger_label(value: str) -> str:
    return str(text.TRIGGER_LABELS.get(value, value))


@register.filter
def action_label(value: str) -> str:
    return str(text.ACTION_LABELS.get(value, value))


@register.filter
def priority_label(value: str) -> str:
    return str(text.PRIORITY_LABELS.get(value, value))


@register.filter
def skill_label(value: str) -> str:
    return str(text.SKILL_LABELS.get(value, value))


@register.filter
def programme_name(programme_id: str) -> str:
    """The programme's name, or its id if this deployment no longer ships it."""
    found = profile(programme_id)
    return found.name if found else programme_id


@register.filter
def is_always(condition) -> bool:
    return condition == ALWAYS


@register.filter
def language_name(code: str) -> str:
    """'ar' -> 'Arabic' in the active language (and its own name); other codes as given."""
    try:
        info = get_language_info(code)
    except KeyError:
        return code
    return f"{info['name_translated']} ({info['name_local']})"


register.filter("person_name", person_name)
