"""Writes to the service directory and agreements: only the network's manager, never stale."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partners import network, selectors
from partners.models import Agreement

pytestmark = pytest.mark.django_db


def _service_data(net, **changes):
    data = {
        "organisation": net.employment,
        "name": "Job club",
        "area": "employment",
        "languages": "ro, RU,ro",
        "region": "Chișinău",
        "field_groups": ["contact", "identity"],
    }
    return {**data, **changes}


def test_only_the_coordinator_writes_the_directory(net):
    for user in (net.caseworker, net.partner):
        with pytest.raises(PermissionDenied):
            network.save_service(user, None, _service_data(net))
    service = network.save_service(net.coordinator, None, _service_data(net))
    assert (service.languages, service.field_groups) == ("ro,ru", ["identity", "contact"])


def test_service_edits_are_checked_and_never_stale(net):
    service = network.save_service(net.coordinator, None, _service_data(net))
    network.save_service(net.coordinator, service, {"waiting_days": 5}, version=1)
    with pytest.raises(network.StaleNetworkEditError):
        network.save_service(net.coordinator, service, {"waiting_days": 9}, version=1)
    with pytest.raises(ValidationError, match="Unknown data categories: health"):
        network.save_service(net.coordinator, None, _service_data(net, field_groups=["health"]))
    with pytest.raises(ValidationError, match="language code: english"):
        network.save_service(net.coordinator, None, _service_data(net, languages="english"))
    service.refresh_from_db()
    assert (service.waiting_days, service.version) == (5, 2)


def test_agreements_need_two_distinct_parties_and_a_sane_period(net):
    data = {
        "title": "MoU",
        "scope": "Referrals",
        "purpose": "employment",
        "field_groups": ["identity"],
        "valid_from": datetime.date(2026, 1, 1),
    }
    parties = [(net.centre, "refers"), (net.employment, "serves")]
    with pytest.raises(ValidationError, match="at least two"):
        network.save_agreement(net.coordinator, None, data, parties[:1])
    with pytest.raises(ValidationError, match="only once"):
        network.save_agreement(net.coordinator, None, data, [*parties, (net.centre, "again")])
    with pytest.raises(ValidationError, match="end before it starts"):
        early = {**data, "valid_to": datetime.date(2025, 1, 1)}
        network.save_agreement(net.coordinator, None, early, parties)
    agreement = network.save_agreement(net.coordinator, None, data, parties)
    changed = network.save_agreement(
        net.coordinator, agreement, {**data, "title": "MoU 2"}, parties[::-1], version=1
    )
    assert Agreement.objects.get(pk=changed.pk).title == "MoU 2"
    assert changed.roles.count() == 2
    with pytest.raises(network.StaleNetworkEditError):
        network.save_agreement(net.coordinator, agreement, data, parties, version=1)


def test_directory_matches_whole_language_codes_and_organisation_names(net):
    assert list(selectors.directory(language="ru")) == [net.service]
    assert list(selectors.directory(language="RO")) == [net.service]
    assert list(selectors.directory(language="r")) == []
    assert list(selectors.directory(language="o,r")) == []
    assert list(selectors.directory(text="employment agency")) == [net.service]
    assert list(selectors.directory(area="housing")) == []
