from django import template
from django.utils.translation import gettext as _

from ..labels import breakdown_label, category_label, unit_label

register = template.Library()


@register.filter
def category(code: str, breakdown: str) -> str:
    return (
        code
        if breakdown in ("period", "region", "municipality", "programme") and code != "_T"
        else category_label(breakdown, code)
    )


@register.filter
def breakdown_name(name: str) -> str:
    return breakdown_label(name)


@register.filter
def unit_name(unit: str) -> str:
    return unit_label(unit)


@register.filter
def figure(cell: dict, unit: str) -> str:
    """A published value as text; suppressed values say so (never zero)."""
    value = (cell or {}).get("value")
    if value is None:
        return _("suppressed") if (cell or {}).get("flag") == "suppressed" else "—"
    text = f"{value:,.0f}" if float(value).is_integer() and unit == "count" else f"{value:,.1f}"
    return f"{text} %" if unit == "percent" else text


@register.filter
def signed(value) -> str:
    if value is None:
        return "—"
    return f"{value:+.1f}"


@register.filter
def index(sequence, position: int):
    try:
        return sequence[position]
    except (IndexError, TypeError, KeyError):
        return None
