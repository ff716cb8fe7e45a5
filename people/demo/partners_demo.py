"""Referral rows, drawn by the rules partners.services enforces.

A referral needs an agreement in force between the client's centre and the receiver on the day;
it shares the service's field groups within the agreement's; it goes out on a covering consent
of the client, or is held until a coordinator overrides the missing consent with a reason. Its
history (ReferralEvent) follows the state machine of partners.choices.TRANSITIONS.
"""

import random
from dataclasses import dataclass

from partners.choices import ReferralStatus as R
from partners.models import Referral, ReferralEvent

from .context import DemoPerson, DemoUsers
from .partners_network import DemoService, Network
from .rows import Tables, Values

DECLINED = (
    "No capacity before the deadline; please refer again next quarter.",
    "The client does not meet the eligibility criteria of the service.",
    "The client did not come to two appointments.",
)
NOT_COMPLETED = (
    "The client stopped attending.",
    "The client moved to another region.",
    "Documents missing: the client could not present the original diploma.",
)
COMPLETED = {
    "employment": "Registered as a job seeker; vacancies offered.",
    "education": "Decision issued and communicated to the client.",
    "health": "Registered; the client has been informed of the next steps.",
    "legal": "Counselling given; documents submitted.",
    "housing": "Housing allocated.",
    "language": "Place offered in a course group.",
}
OPEN = (R.HELD, R.SENT, R.ACCEPTED, R.IN_PROGRESS)
OVERRIDE = (
    "Urgent: the client cannot sign now and the service is needed before the deadline; "
    "consent will be sought at the next meeting."
)


MEASURE_OUTCOME = {  # as partners.services.OUTCOME_TO_MEASURE
    R.COMPLETED: "done",
    R.NOT_COMPLETED: "not_done",
    R.DECLINED: "not_done",
    R.REVOKED: "cancelled",
}


def measure_outcome(sent: "Sent") -> tuple[str, int, str] | None:
    """(measure status, day, reason) once the referral carrying out a measure has ended."""
    status, day, note = sent.events[-1]
    return (MEASURE_OUTCOME[status], day, note) if status in MEASURE_OUTCOME else None


@dataclass
class Sent:
    """A referral written, and its history: [(status, day, note)]."""

    id: int
    events: list[tuple[str, int, str]]

    @property
    def status(self) -> str:
        return self.events[-1][0]


class Referrals:
    def __init__(self, tables: Tables, values: Values, rng: random.Random, users: DemoUsers):
        self.t, self.v, self.rng, self.users = tables, values, rng, users

    def send(
        self,
        person: DemoPerson,
        service: DemoService,
        network: Network,
        day: int,
        horizon: int,
        *,
        deadline: int | None = None,
        measure_key=None,
        path: list[tuple[str, int, str]] | None = None,
        note: str = "",
        revoke: tuple[int, str] | None = None,
        override: str = OVERRIDE,
    ) -> Sent | None:
        """Refer the person on `day` if an agreement allows it; events before `horizon` happen.
        `path`: the fixed history [(status, days after the previous step, note)]; `revoke`:
        (day, reason) the sender withdraws a referral still open then (the client left)."""
        agreement = network.agreement(person.centre, service.organisation, day)
        if agreement is None or day >= horizon:
            return None
        shared = service.groups & agreement.groups
        consent = person.covering_consent(service.organisation, service.purpose, shared, day)
        first = R.SENT if consent else R.HELD
        events = [(first, day, "")]
        steps = path if path is not None else self._path(first, service)
        for status, after, text in steps:
            when = events[-1][1] + max(after, 1)
            if when >= horizon:
                break
            events.append((status, when, text))
        if revoke and events[-1][0] in OPEN and events[-1][1] < revoke[0]:
            events.append((R.REVOKED, *revoke))
        overridden = any(s == R.SENT for s, _d, _n in events[1:])
        deadline = max(deadline or day + 30 + service.waiting_days, day + 7)
        last = events[-1]
        reason = last[2] if last[0] in (R.DECLINED, R.NOT_COMPLETED, R.REVOKED, R.COMPLETED) else ""
        v = self.v
        referral = self.t[Referral].add(
            person.pid, person.centre, person.caseworker, service.id, service.organisation,
            agreement.id, service.purpose, note, v.day(deadline), Referral.encode_groups(shared),
            consent.id if consent else None,
            self.users.coordinator if overridden else None, override if overridden else "",
            last[0], reason, measure_key, len(events), v.stamp(day, 10 * 60),
        )  # fmt: skip
        receiver_staff = self.users.partner_staff.get(service.organisation)
        for status, when, text in events:
            if status in (R.HELD, R.REVOKED) or (status == R.SENT and when == day):
                by = person.caseworker
            elif status == R.SENT:
                by, text = self.users.coordinator, "consent override"
            else:
                by = receiver_staff
            self.t[ReferralEvent].add(referral, status, text, v.stamp(when, 10 * 60 + 7), by)
        return Sent(referral, events)

    def _path(self, first: str, service: DemoService) -> list[tuple[str, int, str]]:
        rng, steps = self.rng, []
        if first == R.HELD:
            r = rng.random()
            if r < 0.2:
                return [(R.REVOKED, rng.randint(5, 30), "No consent given; referral withdrawn.")]
            if r < 0.35:
                return []  # still held: the coordinator has not decided yet
            steps.append((R.SENT, rng.randint(1, 10), ""))
        r = rng.random()
        answer = rng.randint(1, max(2, service.waiting_days))
        if r < 0.07:
            return [*steps, (R.DECLINED, answer, rng.choice(DECLINED))]
        if r < 0.1:
            return [*steps, (R.REVOKED, answer, "The client no longer needs the service.")]
        steps.append((R.ACCEPTED, answer, ""))
        if rng.random() < 0.7:
            steps.append((R.IN_PROGRESS, rng.randint(1, 14), ""))
        took = rng.randint(7, 30 + 3 * service.waiting_days)
        if rng.random() < 0.86:
            steps.append((R.COMPLETED, took, COMPLETED[service.area]))
        else:
            steps.append((R.NOT_COMPLETED, took, rng.choice(NOT_COMPLETED)))
        return steps
