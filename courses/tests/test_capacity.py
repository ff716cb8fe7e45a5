"""Capacity planning: open course measures and waiting lists against free seats."""

import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from courses import capacity, enrolment
from courses.choices import GroupStatus

from .factories import GroupFactory, austrian_plan

pytestmark = pytest.mark.django_db


def row_for(rows, **key):
    return next(r for r in rows if all(getattr(r.key, k) == v for k, v in key.items()))


def test_plans_and_waiting_lists_against_free_seats(caseworker):
    # Four clients with an Austrian plan: each needs a German A2 seat (module at-german) and a
    # values course seat; the centre's region is Wien.
    clients = [austrian_plan(caseworker) for _ in range(4)]
    group = GroupFactory(capacity=2)  # German A2 in Wien, taught in German
    GroupFactory(capacity=5, status=GroupStatus.PLANNED)  # not open: its seats do not count
    for _, plan, measure in clients[:3]:
        enrolment.enrol(caseworker, group, plan.person, measure)  # two seated, one waiting
    rows = capacity.shortfall_table()
    german = row_for(rows, region="Wien", kind="host_language", level="A2", language="de")
    assert (german.planned, german.waiting, german.free_seats) == (1, 1, 0)
    assert german.shortfall == 2
    values = row_for(rows, kind="civic_orientation")
    assert (values.planned, values.free_seats, values.shortfall) == (4, 0, 4)
    assert values.key.language == "de" and values.key.level == ""


def test_a_new_plan_version_does_not_count_its_measures_twice(caseworker):
    from pathways import plans

    _, plan, _ = austrian_plan(caseworker)
    before = sum(r.planned for r in capacity.shortfall_table())
    version = plans.latest_version(plan)
    plan.declaration_signed_on = version.created_at.date()
    plan.save()
    plans.agree(caseworker, plan, {"agreed_on": plan.start_date}, plan.lock_version)
    plans.revise(caseworker, plan, "Moved to another district", plan.lock_version)
    assert sum(r.planned for r in capacity.shortfall_table()) == before


def test_free_seats_without_demand_show_no_shortfall():
    GroupFactory(capacity=12)
    [row] = capacity.shortfall_table()
    assert (row.free_seats, row.demand, row.shortfall) == (12, 0, 0)


def test_the_chart_scales_bars_to_the_largest_figure(caseworker):
    for _ in range(2):
        austrian_plan(caseworker)
    GroupFactory(capacity=8)
    rows = capacity.shortfall_table()
    chart = capacity.chart(rows)
    widest = max(max(b.demand_width, b.seats_width) for b in chart.bars)
    assert widest == chart.width - chart.label_width - 60
    assert len(chart.bars) == len(rows)


def test_the_capacity_page_is_the_coordinators(client, caseworker):
    austrian_plan(caseworker)
    GroupFactory(capacity=8)
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    page = client.get("/courses/capacity/")
    body = page.content.decode()
    assert page.status_code == 200
    assert '<svg class="chart"' in body and 'role="img"' in body
    assert "Shortfall of course seats" in body and "Wien" in body
    assert "style=" not in body.split("<svg", 1)[1].split("</svg>")[0]
    assert client.get("/courses/capacity/", {"region": "Tirol"}).status_code == 200
    for role in (Role.CASEWORKER, Role.TEACHER, Role.PARTNER_STAFF):
        sign_in(client, UserFactory(role=role))
        assert client.get("/courses/capacity/").status_code == 403
