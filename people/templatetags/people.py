from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from people.countries import country_name

register = template.Library()


@register.filter
def country(code: str) -> str:
    return country_name(code) if code else ""


@register.filter
def person_name(person) -> SafeString:
    """Own-script name and, if different, the Latin one, each isolated for bidi text."""
    native = f"{person.given_name} {person.family_name}".strip()
    latin = f"{person.given_name_latin} {person.family_name_latin}".strip()
    if not latin or latin == native:
        return format_html("<bdi>{}</bdi>", native)
    return format_html("<bdi>{}</bdi> (<bdi>{}</bdi>)", native, latin)
