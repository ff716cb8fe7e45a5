"""Every indicator of the catalogue against the hand-computed small world (builders.py).

Reference date 2026-06-30. Periods are years; stock and characteristics at 31 December.
People: P1 woman b. 1990, registered 2025, Syrian, protection since 03/2025, ISCED 6;
P2 man b. 1985, registered 2025, Ukrainian, temporary protection; P3 girl b. 2010, 2024, Afghan,
asylum seeker (Cahul); P4 man b. 1970, 2023, Russian, residence permit long-term since 05/2025,
ISCED 2 (Cahul); P5 sex not stated, no birth date, no citizenship, no status, 2025.
"""

import datetime

import pytest
from django.db import transaction

from monitoring.catalogue import TOTAL as T
from monitoring.catalogue import shipped_catalogue
from monitoring.compute import compute_catalogue

from .builders import small_world

AS_OF = datetime.date(2026, 6, 30)
# The mark makes pytest-django create the test database the module fixture writes to.
pytestmark = pytest.mark.django_db
P = "period"

# (indicator, breakdown, period, row, column, numerator, denominator or statistic)
EXPECTED = [
    ("people_registered", P, "all", "2025", T, 3, None),
    ("people_registered", P, "all", "2024", T, 1, None),
    ("people_registered", P, "all", "2023", T, 1, None),
    ("people_registered", "sex", "2025", "F", T, 1, None),
    ("people_registered", "sex", "2025", "X", T, 1, None),
    ("people_registered", "legal_status", "2025", "none", T, 1, None),
    ("people_registered", "legal_status", "2025", "temporary_protection", T, 1, None),
    ("people_registered", "citizenship_group", "2025", "eastern_europe", T, 1, None),
    ("people_registered", "citizenship_group", "2025", "stateless_unknown", T, 1, None),
    ("people_registered", "municipality", "2025", "Ialoveni", T, 1, None),
    ("people_registered", "municipality", "2025", "unknown", T, 1, None),
    ("people_registered", "region", "2025", "Chișinău", T, 3, None),
    ("people_registered", "age_group", "2025", "Y35-49", T, 2, None),
    ("people_registered", "age_group", "2025", "unknown", T, 1, None),
    ("assessments_done", P, "all", "2025", T, 2, None),
    ("assessments_done", P, "all", "2023", T, 1, None),
    ("plans_agreed", P, "all", "2025", T, 1, None),
    ("plans_agreed", P, "all", "2024", T, 1, None),
    ("plans_open", P, "all", "2023", T, 1, None),
    ("plans_open", P, "all", "2024", T, 1, None),
    ("plans_open", P, "all", "2025", T, 1, None),
    ("plans_open", P, "all", "2026", T, 1, None),
    ("measures_done", P, "all", "2025", T, 1, None),
    ("measures_done", P, "all", "2024", T, 1, None),
    ("measures_done", "area", "2025", "language", T, 1, None),
    ("measures_overdue", P, "all", "2025", T, 1, None),
    ("measures_overdue", P, "all", "2024", T, 0, None),
    ("measures_overdue", "area", "2025", "employment", T, 1, None),
    ("measures_overdue_share", "sex", "2025", T, T, 1, 2),
    ("referrals_by_outcome", "sex", "2025", T, "completed", 1, None),
    ("referrals_by_outcome", "sex", "2025", T, "declined", 1, None),
    ("referrals_by_outcome", "sex", "2025", T, "open", 1, None),
    ("referrals_by_outcome", "sex", "2025", T, "not_completed", 0, None),
    ("referrals_by_outcome", "sex", "2025", T, T, 3, None),
    ("referrals_by_outcome", "sex", "2025", "M", "declined", 1, None),
    ("referral_days_to_outcome", P, "all", "2025", T, 3, 20.0),
    ("referral_completion_rate", P, "all", "2025", T, 2, 3),
    ("employed_12m", P, "all", "2025", T, 1, 1),
    ("employed_12m", P, "all", "2024", T, 0, 1),
    ("employed_12m", P, "all", "2023", T, 1, 1),
    ("employed_12m", "age_group", "2025", "Y35-49", T, 1, 1),
    ("employed_24m", P, "all", "2024", T, 0, 0),
    ("employed_24m", P, "all", "2023", T, 0, 0),
    ("in_education_12m", P, "all", "2025", T, 0, 1),
    ("own_housing_12m", P, "all", "2025", T, 1, 1),
    ("own_housing_12m", P, "all", "2024", T, 0, 0),
    ("language_a2_12m", P, "all", "2025", T, 1, 1),
    ("language_b1_12m", P, "all", "2025", T, 0, 1),
    ("in_education_24m", P, "all", "2023", T, 0, 0),
    ("own_housing_24m", P, "all", "2023", T, 0, 0),
    ("language_a2_24m", P, "all", "2023", T, 0, 1),
    ("language_a2_24m", P, "all", "2024", T, 0, 1),
    ("language_b1_24m", P, "all", "2023", T, 0, 1),
    ("employment_rate", P, "all", "2025", T, 1, 2),
    ("employment_rate", P, "all", "2024", T, 1, 1),
    ("employment_rate", "sex", "2025", "F", T, 1, 1),
    ("employment_rate", "sex", "2025", "M", T, 0, 1),
    ("activity_rate", P, "all", "2025", T, 2, 2),
    ("unemployment_rate", P, "all", "2025", T, 1, 2),
    ("education_attainment", "sex", "2025", T, "low", 1, 3),
    ("education_attainment", "sex", "2025", T, "medium", 1, 3),
    ("education_attainment", "sex", "2025", T, "high", 1, 3),
    ("education_attainment", "sex", "2025", "F", "high", 1, 1),
    ("long_term_residence", P, "all", "2025", T, 1, 3),
    ("long_term_residence", P, "all", "2024", T, 0, 1),
    ("long_term_residence", "legal_status", "2025", "residence_permit", T, 1, 1),
    ("naturalisation_rate", P, "all", "2025", T, 1, 2),
    ("naturalisation_rate", P, "all", "2024", T, 0, 2),
    ("survey_satisfaction", P, "all", "2025", T, 2, 3),
    ("survey_satisfaction", "region", "2025", "Cahul", T, 1, 1),
    ("survey_barriers", P, "all", "2025", "language", 1, 3),
    ("survey_barriers", P, "all", "2025", "none", 1, 3),
    ("survey_barriers", P, "all", "2025", "costs", 0, 3),
    ("survey_discrimination", P, "all", "2025", T, 1, 2),
    ("survey_discrimination", "channel", "2025", "link", T, 1, 2),
]


@pytest.fixture(scope="module")
def tables(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        small_world()
        computation = compute_catalogue(as_of=AS_OF)
        transaction.set_rollback(True)
    return {(t.indicator, t.breakdown, t.period): t for t in computation.tables}


@pytest.mark.parametrize("indicator,breakdown,period,row,column,num,other", EXPECTED)
def test_indicator_value(tables, indicator, breakdown, period, row, column, num, other):
    table = tables[(indicator, breakdown, period)]
    cell = table.cell(row, column)
    assert cell.num == num
    if table.unit == "percent":
        assert cell.den == other
    elif table.statistic:
        assert cell.stat == other


def test_every_indicator_of_the_catalogue_is_checked():
    checked = {e[0] for e in EXPECTED}
    course = {i.id for i in shipped_catalogue().indicators.values() if i.group == "courses"}
    assert set(shipped_catalogue().indicators) - course <= checked


def test_rows_of_a_breakdown_add_up_to_the_total(tables):
    for (indicator, breakdown, _period), table in tables.items():
        if breakdown == "period" or table.unit != "count":
            continue
        for column in table.columns:
            total = table.cell(T, column).num
            assert sum(table.cell(r, column).num for r in table.body_rows) == total, indicator


def test_superseded_plan_versions_are_not_counted_twice(tables):
    # P1's plan has an agreed version 1 and a proposed version 2 with the same three measures
    assert tables[("measures_overdue", "area", "2025")].cell(T, T).num == 1


def test_cohorts_whose_follow_up_point_has_not_come_are_left_out(tables):
    # the 2026 cohort is empty: no plan started in 2026; P1's 24-month point is in 2027
    assert tables[("employed_24m", P, "all")].cell("2025", T).den == 0
