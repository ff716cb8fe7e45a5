"""Appending to the tamper-evident audit trail."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import AuditEvent, ChainHead

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    person_id: int | None
    action: str
    field_groups: Iterable[str] = ()
    ground: str = ""
    detail: str = ""


def event_hash(prev_hash: str, event: AuditEvent) -> str:
    parts = [
        prev_hash,
        str(event.seq),
        event.at.isoformat(),
        event.actor_username,
        "" if event.person_id is None else str(event.person_id),
        event.action,
        event.field_groups,
        event.ground,
        event.detail,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record(user, entries: Iterable[Entry]) -> list[AuditEvent]:
    """Append entries for `user` atomically, continuing the hash chain."""
    entries = list(entries)
    if not entries:
        return []
    with transaction.atomic():
        # The UPDATE takes a write lock on the head row on PostgreSQL and the database write
        # lock on SQLite, so two appends can never read the same previous hash.
        ChainHead.objects.get_or_create(pk=1, defaults={"hash": GENESIS})
        ChainHead.objects.filter(pk=1).update(seq=F("seq") + len(entries))
        head = ChainHead.objects.get(pk=1)
        first_seq = head.seq - len(entries) + 1
        prev_hash = head.hash
        now = timezone.now()
        events = []
        for offset, entry in enumerate(entries):
            event = AuditEvent(
                seq=first_seq + offset,
                at=now,
                actor=user if getattr(user, "pk", None) else None,
                actor_username=getattr(user, "username", "") or "anonymous",
                person_id=entry.person_id,
                action=entry.action,
                field_groups=",".join(sorted(str(g) for g in entry.field_groups)),
                ground=entry.ground[:100],
                detail=entry.detail[:300],
            )
            event.prev_hash = prev_hash
            event.hash = prev_hash = event_hash(prev_hash, event)
            events.append(event)
        AuditEvent.objects.bulk_create(events)
        ChainHead.objects.filter(pk=1).update(hash=prev_hash)
    return events
