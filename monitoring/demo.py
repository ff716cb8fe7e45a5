"""Synthetic pathway records for a seeded registry, so the statistics have something to count:
assessments, plans (with revisions), measures and their status history, referrals with
outcomes, follow-ups and survey answers. Deterministic for a seed; written as raw rows with ids
assigned up front (COPY on PostgreSQL, executemany elsewhere), in batches.

`manage.py seed` makes people only; `manage.py bench_catalogue --add-pathways` calls this.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Callable

from django.db import connection as default_connection
from django.db import models, transaction

from accounts.models import Organisation, OrganisationType
from monitoring.models import FollowUp, SurveyAnswer, SurveyResponse
from partners.models import Agreement, AgreementParty, Referral, ReferralEvent, Service
from pathways.models import Assessment, Goal, Measure, MeasureStatusChange, Plan, PlanVersion

TODAY = datetime.date(2026, 1, 1)  # the demo's "today" (people.demo.specs.REFERENCE_DATE)
LEVELS = ("A0", "A1", "A2", "B1", "B2")
AREAS = (("language", "course"), ("employment", "referral"), ("housing", "service"),
         ("legal", "document"), ("education", "referral"), ("health", "appointment"))  # fmt: skip
OUTCOMES = ("completed",) * 12 + ("left",) * 3 + ("moved",) * 2 + ("naturalised", "returned")
HOUSING = ("municipal", "reception_centre", "other")
REFERRAL_ENDS = ("completed",) * 11 + ("not_completed",) * 2 + ("declined",) * 2 + ("revoked",)


class Writer:
    """Rows of one model with ids from max(id) + 1; unnamed fields take their defaults."""

    def __init__(self, connection, model: type[models.Model]):
        self.connection, self.model = connection, model
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.names = [f.attname for f in fields]
        self.defaults = {}
        for f in fields:
            value = f.get_default()  # "" for text, None where there is no default
            self.defaults[f.attname] = (
                None if value is None else f.get_db_prep_save(value, connection)
            )
        qn = connection.ops.quote_name
        self.table = qn(model._meta.db_table)
        self.fields = {f.attname: f for f in model._meta.concrete_fields}
        self.columns = ", ".join(qn(self.fields[n].column) for n in ["id", *self.names])
        self.uuid = model._meta.pk.get_internal_type() == "UUIDField"
        with connection.cursor() as cursor:
            if self.uuid:
                self.next_id = 1
            else:
                cursor.execute(f"SELECT MAX(id) FROM {self.table}")  # noqa: S608
                self.next_id = (cursor.fetchone()[0] or 0) + 1
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, **values) -> object:
        if self.uuid:
            pk = self.prep("id", uuid.UUID(int=random.getrandbits(128)))
        else:
            pk, self.next_id = self.next_id, self.next_id + 1
        self.rows.append((pk, *(values.get(n, self.defaults[n]) for n in self.names)))
        return pk

    def prep(self, name: str, value) -> object:
        return self.fields[name].get_db_prep_save(value, self.connection)

    def flush(self) -> None:
        if not self.rows:
            return
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({self.columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * (len(self.names) + 1))
                sql = f"INSERT INTO {self.table} ({self.columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(sql, self.rows)
        self.written += len(self.rows)
        self.rows = []


def _partners() -> tuple[Service, dict[int, int]]:
    """The employment agency's service and an agreement with every integration centre."""
    agency = Organisation.objects.filter(type=OrganisationType.EMPLOYMENT_OFFICE).first()
    if agency is None:
        agency = Organisation.objects.create(
            name="National Employment Agency", type=OrganisationType.EMPLOYMENT_OFFICE,
            region="Chișinău", country="MD",
        )  # fmt: skip
    service, _ = Service.objects.get_or_create(
        organisation=agency, name="Job matching and registration",
        defaults={"area": "employment", "region": agency.region, "field_groups": ["identity"]},
    )  # fmt: skip
    agreement, _ = Agreement.objects.get_or_create(
        title="Memorandum on the employment of beneficiaries of protection",
        defaults={"scope": "Job matching", "purpose": "employment",
                  "field_groups": ["identity"], "valid_from": datetime.date(2015, 1, 1)},
    )  # fmt: skip
    centres = Organisation.objects.filter(type=OrganisationType.INTEGRATION_CENTRE)
    for org in [agency, *centres]:
        AgreementParty.objects.get_or_create(agreement=agreement, organisation=org,
                                             defaults={"role": "party"})  # fmt: skip
    return service, {c.pk: agreement.pk for c in centres}


def add_pathways(
    seed: int = 1,
    connection=default_connection,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 20_000,
) -> dict[str, int]:
    """Give a share of the registered adults an assessment, a plan and what follows."""
    rng = random.Random(seed)
    random.seed(seed)  # the UUIDs of survey responses
    service, agreements = _partners()
    models_ = (Assessment, Plan, PlanVersion, Goal, Measure, MeasureStatusChange, Referral,
               ReferralEvent, FollowUp, SurveyResponse, SurveyAnswer)  # fmt: skip
    w = {m: Writer(connection, m) for m in models_}
    at = {}

    def stamp(day: datetime.date):
        if day not in at:
            moment = datetime.datetime.combine(day, datetime.time(10), datetime.UTC)
            at[day] = connection.ops.adapt_datetimefield_value(moment)
        return at[day]

    def day(d: datetime.date) -> str:
        return d.isoformat()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, p.organisation_id, p.birth_date,"
            " substr(CAST(p.created_at AS TEXT), 1, 10), o.region FROM people_person p"
            " JOIN accounts_organisation o ON o.id = p.organisation_id ORDER BY p.id"
        )
        people = cursor.fetchall()
    done = 0
    for start in range(0, len(people), batch):
        with transaction.atomic(using=connection.alias):
            for pid, org, born, registered, region in people[start : start + batch]:
                if org not in agreements:
                    continue
                registered = datetime.date.fromisoformat(registered)
                born = datetime.date.fromisoformat(str(born)) if born else None
                if born is None or (registered - born).days < 16 * 365 or rng.random() > 0.7:
                    continue
                _person(rng, w, pid, org, registered, region, service, agreements[org], stamp, day)
            for writer in w.values():
                writer.flush()
        done = min(len(people), start + batch)
        if progress:
            progress(done, len(people))
    return {m._meta.verbose_name_plural: w[m].written for m in models_}


def _person(rng, w, pid, org, registered, region, service, agreement, stamp, day) -> None:
    assessed = registered + datetime.timedelta(days=rng.randrange(3, 60))
    if assessed >= TODAY:
        return
    level = rng.choice(LEVELS[:3])
    skills = {s: rng.choice((level, LEVELS[max(0, LEVELS.index(level) - 1)]))
              for s in ("reading", "listening", "writing", "speaking")}  # fmt: skip
    assessment = w[Assessment].add(
        person_id=pid, organisation_id=org, assessed_on=day(assessed),
        isced_level=str(rng.choice("012333456")), created_at=stamp(assessed), **skills,
    )  # fmt: skip
    if rng.random() > 0.85:
        return
    start = assessed + datetime.timedelta(days=rng.randrange(1, 30))
    if start >= TODAY:
        return
    closed, outcome = None, ""
    if (TODAY - start).days > 400 and rng.random() < 0.7:
        closed = min(start + datetime.timedelta(days=rng.randrange(365, 900)), TODAY)
        outcome = rng.choice(OUTCOMES)
    plan = w[Plan].add(
        person_id=pid, organisation_id=org, assessment_id=assessment,
        programme_id="md-integration", programme_version="2026.1", start_date=day(start),
        end_date=day(start + datetime.timedelta(days=365)), closed_on=closed and day(closed),
        outcome=outcome, created_at=stamp(start),
    )  # fmt: skip
    agreed = start + datetime.timedelta(days=rng.randrange(0, 20))
    revised = rng.random() < 0.2 and agreed < TODAY
    v1_status = "superseded" if revised else ("agreed" if agreed < TODAY else "proposed")
    versions = [w[PlanVersion].add(plan_id=plan, number=1, status=v1_status,
                                   agreed_on=day(agreed) if agreed < TODAY else None,
                                   created_at=stamp(start))]  # fmt: skip
    if revised:
        versions.append(w[PlanVersion].add(plan_id=plan, number=2, status="proposed",
                                           created_at=stamp(agreed)))  # fmt: skip
    areas = rng.sample(AREAS, rng.randrange(2, 5))
    employed_after = rng.randrange(150, 1100)
    for area, kind in areas:
        deadline = start + datetime.timedelta(days=rng.randrange(14, 300))
        key = uuid.UUID(int=rng.getrandbits(128))
        history = _history(rng, start, deadline)
        status = history[-1][0] if history else "planned"
        for version in versions:
            goal = w[Goal].add(version_id=version, area=area, title=area)
            w[Measure].add(
                goal_id=goal, key=w[Measure].prep("key", key), type=kind, title=area,
                responsible_type="ngo", deadline=day(deadline), status=status,
            )  # fmt: skip
        for status_then, when in history:
            change = w[MeasureStatusChange]
            change.add(measure_key=change.prep("measure_key", key), status=status_then,
                       at=stamp(when))  # fmt: skip
        if area == "employment" and rng.random() < 0.7:
            sent = start + datetime.timedelta(days=rng.randrange(3, 40))
            if sent < TODAY:
                _referral(rng, w, pid, org, service, agreement, sent, stamp, day)
    for months in (6, 12, 18, 24, 30):
        seen = start + datetime.timedelta(days=30 * months + rng.randrange(-20, 20))
        if seen >= TODAY or (closed and seen > closed) or rng.random() > 0.8:
            continue
        elapsed = (seen - start).days
        employed = elapsed > employed_after
        activity = (
            ("employed" if rng.random() < 0.9 else "self_employed")
            if employed
            else (rng.choice(("unemployed", "unemployed", "in_education", "inactive")))
        )
        housing = "own" if elapsed > 200 and rng.random() < 0.6 else rng.choice(HOUSING)
        rank = min(4, LEVELS.index(level) + elapsed // 240 + rng.randrange(0, 2))
        w[FollowUp].add(person_id=pid, organisation_id=org, observed_on=day(seen),
                        activity=activity, housing=housing, host_language_level=LEVELS[rank],
                        created_at=stamp(seen))  # fmt: skip
        if months == 12 and rng.random() < 0.25:
            _survey(rng, w, seen, region)


def _history(rng, start, deadline) -> list[tuple[str, datetime.date]]:
    begun = start + datetime.timedelta(days=rng.randrange(1, 30))
    if begun >= TODAY or rng.random() < 0.15:
        return []
    history = [("in_progress", begun)]
    finished = deadline + datetime.timedelta(days=rng.randrange(-60, 60))
    if finished < TODAY and rng.random() < 0.8:
        ending = rng.choice(("done",) * 8 + ("not_done", "cancelled"))
        history.append((ending, max(finished, begun)))
    return history


def _referral(rng, w, pid, org, service, agreement, sent, stamp, day) -> None:
    ended = sent + datetime.timedelta(days=rng.randrange(2, 90))
    status = rng.choice(REFERRAL_ENDS) if ended < TODAY else "accepted"
    referral = w[Referral].add(
        person_id=pid, sender_id=org, service_id=service.pk, receiver_id=service.organisation_id,
        agreement_id=agreement, purpose="Job matching", shared_groups=",identity,",
        deadline=day(sent + datetime.timedelta(days=30)), status=status, created_at=stamp(sent),
    )  # fmt: skip
    if status != "accepted":
        w[ReferralEvent].add(referral_id=referral, status=status, at=stamp(ended))


def _survey(rng, w, seen, region) -> None:
    channel = rng.choice(("link", "link", "caseworker"))
    response = w[SurveyResponse].add(survey="service_feedback", month=seen.strftime("%Y-%m"),
                                     region=region, channel=channel)  # fmt: skip
    answers = [("satisfaction", rng.choice(("very_satisfied", "satisfied", "satisfied", "neutral",
                                            "dissatisfied", "very_dissatisfied")))]  # fmt: skip
    barriers = rng.sample(("language", "documents", "information", "waiting_time", "costs"),
                          rng.randrange(0, 3)) or ["none"]  # fmt: skip
    answers += [("barriers", b) for b in barriers]
    answers.append(("discrimination", rng.choice(("yes", "no", "no", "no", "prefer_not"))))
    for question, value in answers:
        w[SurveyAnswer].add(response_id=response, question=question, value=value)
