"""The indicator catalogue as data: validated on load, errors name file, key path and line;
every indicator cites a source, and seed passages are quoted word for word."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from monitoring.catalogue import CatalogueError, parse_catalogue, shipped_catalogue
from monitoring.catalogue.loader import CATALOGUE_FILE
from monitoring.engine.aggregate import query

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
HEAD = """version: "1"
age_groups: [{code: all, from: 0}]
citizenship_groups: [{code: x, name: X, countries: [SY]}]
sources: {s: {document: d, passage: p}}
indicators:
"""
GOOD = """  - id: plans_open
    name: Plans
    group: outputs
    unit: count
    records: plan
    definition: Plans open.
    period: {rule: stock}
    breakdowns: [sex, period]
    sources: [s]
"""


def error_of(indicator_yaml: str) -> str:
    with pytest.raises(CatalogueError) as error:
        parse_catalogue(HEAD + indicator_yaml, "test.yaml")
    return str(error.value)


def test_the_shipped_catalogue_loads_with_the_indicators_the_issue_asks_for():
    indicators = shipped_catalogue().indicators
    assert {
        "people_registered", "assessments_done", "plans_agreed", "measures_done",
        "measures_overdue", "referrals_by_outcome", "referral_days_to_outcome",
        "employed_12m", "employed_24m", "in_education_12m", "own_housing_24m",
        "language_a2_12m", "language_b1_24m", "employment_rate", "activity_rate",
        "unemployment_rate", "education_attainment", "long_term_residence",
        "naturalisation_rate", "survey_satisfaction", "survey_barriers", "survey_discrimination",
    } <= set(indicators)  # fmt: skip
    assert {i.unit for i in indicators.values()} == {"count", "percent", "days", "level"} or (
        "course_cefr_gain" not in indicators
    )
    assert all(i.sources for i in indicators.values())


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not beside the repository")
def test_seed_passages_are_quoted_word_for_word():
    def words(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("’", "'")).strip()

    for indicator in shipped_catalogue().indicators.values():
        for source in indicator.sources:
            path = SEEDS / source.document
            if path.suffix == ".txt":
                assert words(source.passage) in words(path.read_text()), (indicator.id, source)


def test_a_minimal_indicator_loads():
    catalogue = parse_catalogue(HEAD + GOOD, "test.yaml")
    assert catalogue.indicators["plans_open"].breakdowns == ("sex", "period")


@pytest.mark.parametrize(
    "change,message",
    [
        (("sex, period", "sex, colour"), r"indicators\[0\]\.breakdowns\[1\] \(line 13\)"),
        (("rule: stock", "rule: weekly"), r"indicators\[0\]\.period\.rule \(line 12\)"),
        (("unit: count", "unit: percent"), r"indicators\[0\]\.unit \(line 9\): a percent needs"),
        (("records: plan", "records: planets"), r"indicators\[0\]\.records \(line 10\)"),
        (("sources: [s]", "sources: [t]"), r"indicators\[0\]\.sources\[0\] \(line 14\)"),
        (("name: Plans", "nom: Plans"), r"indicators\[0\]\.nom \(line 7\): unknown key"),
    ],
)
def test_errors_name_the_file_the_key_path_and_the_line(change, message):
    assert re.search(r"test\.yaml: " + message, error_of(GOOD.replace(*change)))


def test_conditions_are_checked_against_the_record_set():
    bad_field = GOOD.replace(
        "    breakdowns", "    numerator: [{field: salary, gt: 1}]\n    breakdowns"
    )
    assert "indicators[0].numerator[0].field (line 13)" in error_of(bad_field)
    bad_code = GOOD.replace(
        "    breakdowns", "    numerator: [{field: outcome, eq: won}]\n    breakdowns"
    )
    assert "'won' is not one of" in error_of(bad_code)
    bad_date = GOOD.replace(
        "    breakdowns", "    numerator: [{field: closed_on, lt: soon}]\n    breakdowns"
    )
    assert "expected a date (YYYY-MM-DD) or one of @period_start" in error_of(bad_date)
    two_ops = GOOD.replace(
        "    breakdowns",
        "    numerator: [{field: closed_on, lt: 2020-01-01, gt: 2019-01-01}]\n    breakdowns",
    )
    assert "give exactly one operator" in error_of(two_ops)


def test_duplicate_ids_and_bad_yaml_are_refused():
    assert "duplicate indicator id 'plans_open'" in error_of(GOOD + GOOD)
    assert "test.yaml: document (line" in error_of("  - [unclosed\n")


def test_values_go_to_sql_as_parameters_never_as_text():
    indicator = shipped_catalogue().indicators["employment_rate"]
    sql, params, _dims, _cats = query([indicator], "frame")
    assert "employed" not in sql and "employed" in params and 20 in params


def test_the_shipped_file_is_the_one_loaded():
    assert CATALOGUE_FILE.name == "indicators.yaml" and CATALOGUE_FILE.exists()
