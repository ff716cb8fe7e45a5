"""Which partnership agreement lets one organisation refer clients to another."""

from datetime import date

from django.db.models import Q

from .models import Agreement


def valid_agreement(sender_id: int, receiver_id: int, on: date) -> Agreement | None:
    """The newest agreement in force on `on` to which both organisations are parties."""
    in_force = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return (
        Agreement.objects.filter(in_force)
        .filter(roles__organisation_id=sender_id)
        .filter(roles__organisation_id=receiver_id)
        .order_by("-valid_from")
        .first()
    )
