from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from accounts.templatetags.access import group_labels

register = template.Library()


@register.filter
def consent_label(consent) -> str:
    """One consent as the caseworker chooses it: purpose, dates and the data it covers."""
    text = _("“%(purpose)s”, given on %(given)s") % {
        "purpose": consent.purpose,
        "given": date_format(consent.given_on),
    }
    if consent.expires_on:
        text += _(", until %(date)s") % {"date": date_format(consent.expires_on)}
    return f"{text} — {group_labels(consent.field_groups)}"


@register.filter
def language_names(codes: str) -> str:
    """'ro,ru' -> 'Romanian (ro), Russian (ru)'."""
    names = []
    for code in (codes or "").split(","):
        if not code:
            continue
        try:
            names.append(f"{get_language_info(code)['name_translated']} ({code})")
        except KeyError:
            names.append(code)
    return _(", ").join(names)


@register.filter
def refer_url(measure) -> str:
    """The page that sends a referral carrying out a plan measure of type "referral":
    `{% load partners %}<a href="{{ m|refer_url }}">…</a>`."""
    query = urlencode({"person": measure.goal.version.plan.person_id, "measure": measure.pk})
    return f"{reverse('partners:new_referral')}?{query}"
