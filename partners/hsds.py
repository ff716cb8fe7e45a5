"""The service directory in the Open Referral Human Services Data Specification (HSDS) 3.0.

HSDS identifiers are UUIDs: each is derived from Integra's own kind and id (UUID 5), so the
same record keeps the same identifier in every export. Empty values are left out rather than
sent as null, as HSDS types them as strings.
"""

import math
import uuid

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from .models import Service

HSDS_VERSION = "3.0"
# Fixed namespace of Integra's HSDS identifiers.
NAMESPACE = uuid.UUID("6f1d3c52-8a0e-5b7e-9d55-2f3c8e1a4b60")

# The fields this export always fills, per HSDS object: HSDS's own required fields, plus the
# links between objects (organization_id, service_id, location_id) the export relies on.
REQUIRED = {
    "organization": ("id", "name", "description"),
    "service": ("id", "organization_id", "name", "status", "description"),
    "location": ("id", "location_type", "organization_id", "name"),
    "service_at_location": ("id", "service_id", "location_id"),
    "language": ("id", "service_id", "code", "name"),
    "service_area": ("id", "service_id", "name"),
}
STATUSES = ("active", "inactive", "defunct", "temporarily closed")


def hsds_id(kind: str, pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"integra:{kind}:{pk}"))


def _compact(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in ("", None, [])}


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def organization(organisation) -> dict:
    with translation.override("en"):
        kind = str(organisation.get_type_display())
    return _compact(
        {
            "id": hsds_id("organisation", organisation.pk),
            "name": organisation.name,
            "description": f"{kind}, {organisation.region} ({organisation.country})",
            "email": organisation.email,
            "phones": [
                {"id": hsds_id("organisation-phone", organisation.pk), "number": organisation.phone}
            ]
            if organisation.phone
            else [],
        }
    )


def location(service: Service) -> dict:
    return _compact(
        {
            "id": hsds_id("service-location", service.pk),
            "location_type": "physical",
            "organization_id": hsds_id("organisation", service.organisation_id),
            "name": f"{service.organisation.name}, {service.region}",
            "description": service.address,
        }
    )


def service(item: Service, nested_organization: bool = False) -> dict:
    service_id = hsds_id("service", item.pk)
    codes = [code for code in item.languages.split(",") if code]
    result = {
        "id": service_id,
        "organization_id": hsds_id("organisation", item.organisation_id),
        "name": item.name,
        "description": item.description or item.name,
        "email": item.organisation.email,
        "status": "active" if item.active else "inactive",
        "eligibility_description": item.eligibility,
        "wait_time": f"{item.waiting_days} days",
        "languages": [
            {
                "id": hsds_id(f"service-{item.pk}-language", index),
                "service_id": service_id,
                "code": code,
                "name": _language_name(code),
            }
            for index, code in enumerate(codes)
        ],
        "service_areas": [
            {"id": hsds_id("service-area", item.pk), "service_id": service_id, "name": item.region}
        ],
        "service_at_locations": [
            {
                "id": hsds_id("service-at-location", item.pk),
                "service_id": service_id,
                "location_id": hsds_id("service-location", item.pk),
                "location": location(item),
            }
        ]
        if item.address
        else [],
    }
    if nested_organization:
        result["organization"] = organization(item.organisation)
    return _compact(result)


def _services(queryset: QuerySet | None) -> QuerySet:
    queryset = queryset if queryset is not None else Service.objects.all()
    return queryset.select_related("organisation").order_by("id")


def export(queryset: QuerySet | None = None) -> dict:
    """The whole directory as one HSDS document: organizations, services, locations."""
    services = list(_services(queryset))
    organisations = {s.organisation_id: s.organisation for s in services}
    return {
        "hsds_version": HSDS_VERSION,
        "generated_at": timezone.now().isoformat(),
        "organizations": [organization(o) for _pk, o in sorted(organisations.items())],
        "services": [service(s) for s in services],
        "locations": [location(s) for s in services if s.address],
    }


def page(queryset: QuerySet, number: int, size: int) -> dict:
    """One page of services in the shape of the HSDS API's paginated lists."""
    total = queryset.count()
    pages = max(math.ceil(total / size), 1)
    number = min(max(number, 1), pages)
    rows = _services(queryset)[(number - 1) * size : number * size]
    contents = [service(s, nested_organization=True) for s in rows]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == pages,
        "empty": not contents,
        "contents": contents,
    }


def problems(document: dict) -> list[str]:
    """What is missing from an export: each object's required fields, and known status values."""
    found = []

    def need(kind: str, item: dict, where: str) -> None:
        found.extend(f"{where}: {kind}.{f}" for f in REQUIRED[kind] if not item.get(f))

    for index, item in enumerate(document.get("organizations", [])):
        need("organization", item, f"organizations[{index}]")
    for index, item in enumerate(document.get("services", document.get("contents", []))):
        where = f"services[{index}]"
        need("service", item, where)
        if item.get("status") not in STATUSES:
            found.append(f"{where}: status {item.get('status')!r}")
        for kind, key in (("language", "languages"), ("service_area", "service_areas")):
            for n, child in enumerate(item.get(key, [])):
                need(kind, child, f"{where}.{key}[{n}]")
        for n, link in enumerate(item.get("service_at_locations", [])):
            need("service_at_location", link, f"{where}.service_at_locations[{n}]")
            need("location", link.get("location", {}), f"{where}.service_at_locations[{n}]")
        if "organization" in item:
            need("organization", item["organization"], f"{where}.organization")
    for index, item in enumerate(document.get("locations", [])):
        need("location", item, f"locations[{index}]")
    return found
