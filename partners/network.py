"""Writes to the partner network: the service directory and partnership agreements.

Only users whose role manages the network (the coordinating authority) write here. Each edit
carries the version that was read; a stale one is refused, never overwritten.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts import policy
from accounts.policy import FieldGroup

from .models import Agreement, AgreementParty, Service

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class StaleNetworkEditError(Exception):
    def __init__(self):
        super().__init__(_("Someone else changed this record meanwhile. Reload it and try again."))


def _require(user) -> None:
    if not policy.manages_network(user):
        raise PermissionDenied


def normalise_languages(text: str) -> str:
    """'RO, ru ,en' -> 'ro,ru,en'; refuses what is not an ISO 639 code."""
    codes = [code.strip().lower() for code in (text or "").split(",") if code.strip()]
    wrong = [code for code in codes if not LANGUAGE_CODE.match(code)]
    if wrong:
        raise ValidationError(
            {
                "languages": _("Not an ISO 639 language code: %(codes)s")
                % {"codes": ", ".join(wrong)}
            }
        )
    return ",".join(dict.fromkeys(codes))


def _check_groups(groups) -> list[str]:
    unknown = [g for g in groups if g not in FieldGroup._value2member_map_]
    if unknown:
        raise ValidationError(
            {
                "field_groups": _("Unknown data categories: %(g)s")
                % {"g": ", ".join(map(str, unknown))}
            }
        )
    return [g.value for g in FieldGroup if g.value in set(groups)]


def _conditional_update(model, instance, version: int, fields: list[str]) -> None:
    values = {field: getattr(instance, field) for field in fields}
    rows = model.objects.filter(pk=instance.pk, version=version).update(
        version=F("version") + 1, **values
    )
    if rows == 0:
        raise StaleNetworkEditError
    instance.version = version + 1


@transaction.atomic
def save_service(user, service: Service | None, data: dict, version: int | None = None):
    """Create a service (service=None) or change one read at `version`."""
    _require(user)
    data = dict(data)
    if "languages" in data:
        data["languages"] = normalise_languages(data["languages"])
    if "field_groups" in data:
        data["field_groups"] = _check_groups(data["field_groups"])
    creating = service is None
    service = service or Service()
    for field, value in data.items():
        setattr(service, field, value)
    service.full_clean(exclude=["version"])
    if creating:
        service.save()
    else:
        _conditional_update(Service, service, version or 0, list(data))
    return service


def _check_agreement(data: dict, parties: list) -> None:
    problems = {}
    if data.get("valid_to") and data.get("valid_from") and data["valid_to"] < data["valid_from"]:
        problems["valid_to"] = _("The agreement cannot end before it starts.")
    organisations = [organisation.pk for organisation, _role in parties]
    if len(set(organisations)) < 2:
        problems["parties"] = _("An agreement needs at least two different organisations.")
    elif len(set(organisations)) != len(organisations):
        problems["parties"] = _("Each organisation may be a party only once.")
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def save_agreement(
    user, agreement: Agreement | None, data: dict, parties: list, version: int | None = None
) -> Agreement:
    """Create or change an agreement; `parties` is a list of (organisation, role)."""
    _require(user)
    data = dict(data)
    if "field_groups" in data:
        data["field_groups"] = _check_groups(data["field_groups"])
    _check_agreement(data, parties)
    creating = agreement is None
    agreement = agreement or Agreement()
    for field, value in data.items():
        setattr(agreement, field, value)
    agreement.full_clean(exclude=["version"])
    if creating:
        agreement.save()
    else:
        _conditional_update(Agreement, agreement, version or 0, list(data))
        agreement.roles.all().delete()
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement=agreement, organisation=organisation, role=role)
        for organisation, role in parties
    )
    return agreement
