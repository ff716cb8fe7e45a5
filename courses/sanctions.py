"""Programme sanction rules fed by course events (unexcused absences, failed exams)."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.policy import FieldGroup
from audit.models import Action
from partners.notifications import notify
from pathways.models import Plan
from pathways.programme_registry import profile as programme_profile

from . import access
from .models import Enrolment, SanctionNotice


def apply_rules(user, enrolment: Enrolment, trigger: str, count: int) -> list[SanctionNotice]:
    """Issue a notice for every rule of the plan's programme with this trigger whose threshold
    `count` has reached, once per plan and rule; the caseworker is told."""
    plan: Plan | None = enrolment.plan
    if plan is None:
        return []
    profile = programme_profile(plan.programme_id)
    if profile is None:
        return []
    issued: list[SanctionNotice] = []
    for rule in profile.sanctions:
        if rule.trigger != trigger or count < rule.threshold:
            continue
        if SanctionNotice.objects.filter(plan=plan, sanction_code=rule.code).exists():
            continue
        try:
            with transaction.atomic():
                notice = SanctionNotice.objects.create(
                    person_id=enrolment.person_id,
                    plan=plan,
                    enrolment=enrolment,
                    sanction_code=rule.code,
                    trigger=rule.trigger,
                    action=rule.action,
                    threshold=rule.threshold,
                    count=count,
                    description=rule.description[:300],
                )
        except IntegrityError:  # issued meanwhile by a concurrent request
            continue
        issued.append(notice)
        detail = f"sanction:{notice.pk}:{rule.code}"
        access.audit(
            user,
            enrolment.person_id,
            Action.CREATE,
            [FieldGroup.PATHWAY],
            detail,
            "rule:" + rule.code,
        )
        _notify(plan, notice)
    return issued


def _notify(plan: Plan, notice: SanctionNotice) -> None:
    caseworker = plan.person.caseworker
    if caseworker is None:
        return
    text = _("Sanction rule %(code)s reached for client no. %(person)d: %(action)s.") % {
        "code": notice.sanction_code,
        "person": plan.person_id,
        "action": notice.action,
    }
    notify([caseworker], text[:300], reverse("pathways:plan", args=[plan.pk]))
