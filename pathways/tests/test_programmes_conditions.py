"""The `when` mini-language of plan templates: parsed as data, evaluated without eval."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways.programmes import AssessmentFacts, ProfileError, condition_from_data, needs_profile
from pathways.programmes.conditions import FLAG_NAMES

A2_ADULT = needs_profile(
    AssessmentFacts(
        30,
        "international_protection",
        {"reading": "A2", "listening": "B1", "writing": "A2", "speaking": "B2"},
        childcare_needed=True,
    )
)
FLUENT_CHILD = needs_profile(
    AssessmentFacts(
        12,
        "residence_permit",
        {"reading": "C1", "listening": "C1", "writing": "C1", "speaking": "C2"},
    )
)


def matches(data, needs=A2_ADULT):
    return condition_from_data(data).matches(needs)


def test_an_empty_or_absent_condition_always_applies():
    assert matches({}) and matches(None)
    assert matches({}, FLUENT_CHILD)


def test_a_flag_condition_compares_the_needs_profile_value():
    assert matches({"needs_childcare": True})
    assert not matches({"needs_childcare": False})
    assert matches({"is_minor": True}, FLUENT_CHILD) and not matches({"is_minor": True})


def test_language_level_conditions_use_the_lowest_skill_on_the_cefr_scale():
    assert A2_ADULT.language_level == "A2"
    assert matches({"language_level_below": "B1"})
    assert not matches({"language_level_below": "A2"})
    assert matches({"language_level_at_least": "A2"})
    assert not matches({"language_level_at_least": "B1"})
    assert matches({"language_level_at_least": "C1"}, FLUENT_CHILD)


def test_age_conditions_compare_the_clients_age():
    assert matches({"age_below": 18}, FLUENT_CHILD) and not matches({"age_below": 18})
    assert matches({"age_at_least": 30}) and not matches({"age_at_least": 31})


def test_any_all_and_not_combine_conditions():
    assert matches({"any": [{"is_minor": True}, {"needs_childcare": True}]})
    assert not matches({"all": [{"is_minor": True}, {"needs_childcare": True}]})
    assert matches({"not": {"is_minor": True}})
    assert matches({"all": [{"not": {"is_minor": True}}, {"language_level_below": "B1"}]})


def test_several_keys_in_one_mapping_must_all_hold():
    assert matches({"needs_childcare": True, "language_level_below": "B1"})
    assert not matches({"needs_childcare": True, "is_minor": True})


@given(st.sampled_from(FLAG_NAMES), st.booleans())
def test_not_of_a_flag_is_always_the_opposite_of_the_flag(flag, value):
    for needs in (A2_ADULT, FLUENT_CHILD):
        assert matches({flag: value}, needs) != matches({"not": {flag: value}}, needs)


@pytest.mark.parametrize(
    ("data", "path", "problem"),
    [
        ({"needs_languag": True}, "when.needs_languag", "unknown key"),
        ({"language_level_below": "B3"}, "when.language_level_below", "is not one of A0"),
        ({"any": []}, "when.any", "at least 1 item"),
        ({"needs_language": "yes please"}, "when.needs_language", "expected a boolean"),
        ({"not": [{"is_minor": True}]}, "when.not", "expected a mapping, got a list"),
        ({"all": [{"is_minor": True}, {"age_below": -1}]}, "when.all[1].age_below", "at least 0"),
        (
            {"__import__('os').system('true')": True},
            "when.__import__('os').system('true')",
            "unknown",
        ),
    ],
)
def test_an_invalid_condition_is_refused_naming_its_key_path(data, path, problem):
    with pytest.raises(ProfileError) as caught:
        condition_from_data(data)
    assert caught.value.path == path
    assert problem in caught.value.problem


def test_an_expression_string_is_data_not_code():
    with pytest.raises(ProfileError, match="expected a mapping, got a string"):
        condition_from_data("needs.age < 18 or __import__('os')")


def test_every_shipped_condition_survives_a_round_trip_through_data():
    """The API shows conditions as data (condition_to_data); parsing that gives them back."""
    from pathways.programmes import condition_to_data, shipped_profiles

    conditions = [
        condition
        for profile in shipped_profiles().values()
        for template in profile.plan_templates
        for condition in (template.when, *(goal.when for goal in template.goals))
    ]
    assert len(conditions) > 8
    for condition in conditions:
        assert condition_from_data(condition_to_data(condition)) == condition
    nested = {"any": [{"needs_language": True}, {"not": {"age_below": 18}}]}
    assert condition_to_data(condition_from_data(nested)) == nested
