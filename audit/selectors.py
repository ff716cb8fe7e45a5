from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import AuditEvent, ChainHead
from .services import GENESIS, event_hash


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(chunk_size: int = 5000) -> Iterator[ChainBreak]:
    """Yield every place where the stored chain does not recompute."""
    prev_hash, expected_seq = GENESIS, 1
    events = AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size)
    for event in events:
        if event.seq != expected_seq:
            yield ChainBreak(event.seq, _("sequence gap: expected %(seq)d") % {"seq": expected_seq})
        if event.prev_hash != prev_hash:
            yield ChainBreak(event.seq, _("previous hash does not match the preceding row"))
        if event_hash(event.prev_hash, event) != event.hash:
            yield ChainBreak(event.seq, _("row content does not match its hash"))
        prev_hash, expected_seq = event.hash, event.seq + 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != expected_seq - 1 or head.hash != prev_hash):
        yield ChainBreak(head.seq, _("the newest rows are missing: chain head does not match"))


def events_for_person(person_id: int) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(person_id=person_id).select_related("actor__organisation")
