"""Referrals: creation behind the agreement and consent gates, the state machine, outcomes."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from audit.models import Action
from audit.services import Entry, record
from pathways.choices import MeasureStatus
from people.models import Consent, Person

from .agreements import valid_agreement
from .choices import NEEDS_REASON, RECEIVER_MOVES, SENDER_MOVES, TRANSITIONS, ReferralStatus
from .models import Referral, ReferralEvent, Service
from .notifications import notify, partner_staff_of

OUTCOME_TO_MEASURE = {
    ReferralStatus.COMPLETED: MeasureStatus.DONE,
    ReferralStatus.NOT_COMPLETED: MeasureStatus.NOT_DONE,
    ReferralStatus.DECLINED: MeasureStatus.NOT_DONE,
    ReferralStatus.REVOKED: MeasureStatus.CANCELLED,
}


REASON_LENGTH = 300


class StaleReferralError(Exception):
    def __init__(self):
        super().__init__(_("Someone else changed this referral. Reload it and try again."))


def covering_consent(person: Person, receiver_id: int, purpose: str, groups, on: date):
    """An active consent of the client to this organisation, purpose and data, if any."""
    for consent in person.consents.filter(recipient_id=receiver_id):
        covers = set(map(str, groups)) <= set(consent.field_groups)
        if covers and consent.is_active(on) and consent.purpose.casefold() == purpose.casefold():
            return consent
    return None


def _check_consent(consent: Consent, referral: Referral, groups, on: date) -> None:
    problems = []
    if consent.person_id != referral.person_id or consent.recipient_id != referral.receiver_id:
        problems.append(_("The consent was not given to the receiving organisation."))
    if not consent.is_active(on):
        problems.append(_("The consent has been withdrawn or has expired."))
    if not set(map(str, groups)) <= set(consent.field_groups):
        problems.append(_("The consent does not cover all the data the service needs."))
    if consent.purpose.casefold() != referral.purpose.casefold():
        problems.append(_("The consent was given for another purpose."))
    if problems:
        raise ValidationError({"consent": problems})


def agreement_for(user, service: Service, on: date):
    """The agreement that lets the user's organisation refer to `service`, or a clear refusal."""
    if not service.active:
        raise ValidationError({"service": _("This service no longer takes referrals.")})
    agreement = valid_agreement(user.organisation_id, service.organisation_id, on)
    if agreement is None:
        raise ValidationError(
            {
                "service": _(
                    "There is no partnership agreement in force between %(a)s and %(b)s, "
                    "so no referral can be sent to them."
                )
                % {"a": user.organisation or _("your organisation"), "b": service.organisation}
            }
        )
    return agreement


def shared_groups(service: Service, agreement) -> set[str]:
    """What a referral shares: the data the service needs, within the agreement."""
    return set(service.field_groups) & set(agreement.field_groups)


def _check_request(person: Person, deadline: date, today: date, measure) -> None:
    problems = {}
    if deadline < today:
        problems["deadline"] = _("The deadline cannot be in the past.")
    if measure is not None and measure.goal.version.plan.person_id != person.pk:
        problems["measure"] = _("The measure belongs to another client's plan.")
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def create_referral(
    user,
    person: Person,
    service: Service,
    purpose: str,
    deadline: date,
    note: str = "",
    consent: Consent | None = None,
    measure=None,
) -> Referral:
    grant = policy.access(user, person)
    if not grant.may_edit:
        raise PermissionDenied
    today = timezone.localdate()
    agreement = agreement_for(user, service, today)
    _check_request(person, deadline, today, measure)
    groups = shared_groups(service, agreement)
    referral = Referral(
        person=person,
        sender_id=user.organisation_id,
        sent_by=user,
        service=service,
        receiver_id=service.organisation_id,
        agreement=agreement,
        purpose=purpose,
        note=note,
        deadline=deadline,
        shared_groups=Referral.encode_groups(groups),
        measure_key=getattr(measure, "key", None),
    )
    if consent is not None:
        _check_consent(consent, referral, groups, today)
    referral.consent = consent or covering_consent(
        person, service.organisation_id, purpose, groups, today
    )
    referral.status = ReferralStatus.SENT if referral.consent else ReferralStatus.HELD
    referral.full_clean()
    referral.save()
    _log(referral, user, referral.status, "")
    if measure is not None:
        from pathways.plans import link_fulfilment

        link_fulfilment(measure, "referral", referral.pk)
    record(user, [Entry(person.pk, Action.CREATE, groups, grant.ground, f"referral:{referral.pk}")])
    if referral.status == ReferralStatus.SENT:
        _notify_receiver(referral)
    return referral


@transaction.atomic
def override_consent(user, referral: Referral, reason: str) -> Referral:
    """A coordinator lets a held referral go without the client's consent, with a reason."""
    if not policy.oversees_referrals(user):
        raise PermissionDenied
    if referral.status != ReferralStatus.HELD:
        raise ValidationError(_("Only a referral held for want of consent can be overridden."))
    if len(reason.strip()) < 20:
        raise ValidationError(
            {"override_reason": _("Explain in at least 20 characters why consent is not needed.")}
        )
    _advance(
        referral,
        referral.version,
        status=ReferralStatus.SENT,
        override_by_id=user.pk,
        override_reason=reason,
    )
    _log(referral, user, ReferralStatus.SENT, _("consent override"))
    record(
        user,
        [
            Entry(
                referral.person_id,
                Action.UPDATE,
                referral.groups,
                f"role:{user.role}",
                f"consent-override:{referral.pk}",
            )
        ],
    )
    _notify_receiver(referral)
    if referral.sent_by:
        notify(
            [referral.sent_by],
            _("Referral #%(id)s was released by a coordinator without consent.")
            % {"id": referral.pk},
            _url(referral),
        )
    return referral


def available_moves(user, referral: Referral) -> list[str]:
    """The steps the user may take on the referral now, in workflow order."""
    allowed = _side(user, referral) & TRANSITIONS.get(referral.status, set())
    return [status for status in ReferralStatus.values if status in allowed]


def _side(user, referral: Referral) -> set:
    moves = set()
    if policy.receives_referrals(user) and user.organisation_id == referral.receiver_id:
        moves |= RECEIVER_MOVES
    if user.organisation_id == referral.sender_id and policy.access(user, referral.person).may_edit:
        moves |= SENDER_MOVES
    return moves


@transaction.atomic
def move(user, referral: Referral, to: str, reason: str, version: int) -> Referral:
    """Take one step of the referral workflow, by the side allowed to take it."""
    if to not in _side(user, referral):
        raise PermissionDenied
    if version != referral.version:
        raise StaleReferralError
    if to not in TRANSITIONS.get(referral.status, set()):
        raise ValidationError(
            {
                "status": _("A referral that is %(now)s cannot become %(to)s.")
                % {"now": referral.get_status_display(), "to": ReferralStatus(to).label}
            }
        )
    if to in NEEDS_REASON and not reason.strip():
        raise ValidationError({"reason": _("Give the reason or outcome.")})
    if len(reason) > REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Keep the reason to %(n)s characters.") % {"n": REASON_LENGTH}}
        )
    before = referral.status
    _advance(referral, version, status=to, status_reason=reason)
    _log(referral, user, to, reason)
    ground = policy.access(user, referral.person).ground or f"referral:{referral.pk}"
    record(
        user, [Entry(referral.person_id, Action.UPDATE, [], ground, f"referral:{referral.pk}:{to}")]
    )
    if to in OUTCOME_TO_MEASURE and referral.measure_key:
        from pathways.plans import record_fulfilment_outcome

        record_fulfilment_outcome("referral", referral.pk, OUTCOME_TO_MEASURE[to], reason)
    text = _("Referral #%(id)s is now: %(status)s") % {
        "id": referral.pk,
        "status": referral.get_status_display(),
    }
    if user.organisation_id == referral.receiver_id and referral.sent_by:
        notify([referral.sent_by], text, _url(referral))
    elif to == ReferralStatus.REVOKED and before != ReferralStatus.HELD:
        # The receiving organisation had the referral: tell it the sender withdrew it.
        notify(partner_staff_of(referral.receiver_id), text, _url(referral))
    return referral


def _advance(referral: Referral, version: int, **values) -> None:
    rows = Referral.objects.filter(pk=referral.pk, version=version).update(
        version=F("version") + 1, **values
    )
    if rows == 0:
        raise StaleReferralError
    referral.refresh_from_db()


def _log(referral: Referral, user, status: str, note: str) -> None:
    ReferralEvent.objects.create(referral=referral, status=status, note=note[:300], by=user)


def _url(referral: Referral) -> str:
    return reverse("partners:referral", args=[referral.pk])


def _notify_receiver(referral: Referral) -> None:
    notify(
        partner_staff_of(referral.receiver_id),
        _("New referral #%(id)s from %(sender)s: %(service)s")
        % {"id": referral.pk, "sender": referral.sender, "service": referral.service.name},
        _url(referral),
    )
