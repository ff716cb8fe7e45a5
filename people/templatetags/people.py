from django import template

from people.countries import country_name

register = template.Library()


@register.filter
def country(code: str) -> str:
    return country_name(code) if code else ""
