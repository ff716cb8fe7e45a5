import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from accounts.tests.factories import UserFactory
from audit.models import Action, AuditEvent
from audit.selectors import verify_chain
from audit.services import Entry, record
from people.tests.factories import PersonFactory


def _drop_append_only_triggers(cursor):
    """What an attacker with direct database access would do first."""
    if connection.vendor == "postgresql":
        cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_auditevent")
    else:
        cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_update")


@pytest.fixture
def caseworker_and_client(db):
    person = PersonFactory()
    return UserFactory(organisation=person.organisation), person


def test_reading_a_person_page_appends_who_what_and_why(client, caseworker_and_client):
    user, person = caseworker_and_client
    client.force_login(user)
    client.get(f"/people/{person.pk}/", {"tab": "vulnerabilities"})
    event = AuditEvent.objects.get(person_id=person.pk, action=Action.VIEW)
    assert event.actor == user
    assert event.field_groups == "vulnerabilities"
    assert event.ground == "role:caseworker"


def test_refused_read_is_audited_as_denied(client, caseworker_and_client):
    _, person = caseworker_and_client
    client.force_login(UserFactory())
    assert client.get(f"/people/{person.pk}/").status_code == 404
    assert AuditEvent.objects.filter(person_id=person.pk, action=Action.DENIED).count() == 1


def test_chain_of_untouched_trail_verifies(caseworker_and_client):
    user, person = caseworker_and_client
    for action in (Action.VIEW, Action.UPDATE, Action.SEARCH):
        record(user, [Entry(person.pk, action, ["identity"], "role:caseworker")])
    assert list(verify_chain()) == []
    call_command("verify_audit")


def test_app_refuses_to_change_or_delete_audit_rows(caseworker_and_client):
    user, person = caseworker_and_client
    (event,) = record(user, [Entry(person.pk, Action.VIEW, ["identity"], "role:caseworker")])
    event.ground = "forged"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(ground="forged")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_database_refuses_raw_update(caseworker_and_client):
    user, person = caseworker_and_client
    record(user, [Entry(person.pk, Action.VIEW, ["identity"], "role:caseworker")])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET ground = 'forged'")


def test_tampering_is_detected_by_the_verify_command(caseworker_and_client):
    user, person = caseworker_and_client
    record(user, [Entry(person.pk, Action.VIEW, ["identity"], "role:caseworker")] * 3)
    middle = AuditEvent.objects.get(seq=2)
    with connection.cursor() as cursor:
        _drop_append_only_triggers(cursor)
        cursor.execute(
            "UPDATE audit_auditevent SET field_groups = 'contact' WHERE id = %s", [middle.pk]
        )
    breaks = list(verify_chain())
    assert [b.seq for b in breaks] == [2]
    with pytest.raises(CommandError):
        call_command("verify_audit")


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_keep_one_unbroken_chain():
    user = UserFactory()
    person = PersonFactory(organisation=user.organisation)
    errors = []

    def append_many():
        try:
            for _ in range(10):
                record(user, [Entry(person.pk, Action.VIEW, ["identity"], "role:caseworker")])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEvent.objects.count() == 40
    assert list(verify_chain()) == []


def test_deleting_the_newest_rows_is_detected(caseworker_and_client):
    user, person = caseworker_and_client
    record(user, [Entry(person.pk, Action.VIEW, ["identity"], "role:caseworker")] * 3)
    with connection.cursor() as cursor:
        _drop_append_only_triggers(cursor)
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = 3")
    assert [b.reason for b in verify_chain()] == [
        "the newest rows are missing: chain head does not match"
    ]
