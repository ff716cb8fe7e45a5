from django import template
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.policy import FIELD_GROUP_LABELS, FieldGroup

register = template.Library()


@register.filter
def group_labels(value) -> str:
    """'identity,contact' or ['identity', 'contact'] -> 'Identity, Contact' in the UI language."""
    codes = value.split(",") if isinstance(value, str) else list(value or [])
    labels = [
        str(FIELD_GROUP_LABELS[FieldGroup(code)]) if code in FieldGroup._value2member_map_ else code
        for code in codes
        if code
    ]
    return _(", ").join(labels)


@register.filter
def ground_label(ground: str) -> str:
    """'role:caseworker' -> 'Role: Caseworker'; other grounds keep their reference."""
    kind, _sep, ref = (ground or "").partition(":")
    if kind == "role" and ref in Role.values:
        return _("Role: %(role)s") % {"role": Role(ref).label}
    if kind == "referral":
        return _("Referral #%(id)s") % {"id": ref}
    return ground or "—"
