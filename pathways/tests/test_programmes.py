"""The shipped country profiles and the rules engine: eligibility, needs and plan proposal."""

import os
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.programmes import (
    AssessmentFacts,
    check_eligibility,
    load_all,
    needs_profile,
    propose_plan,
    shipped_profiles,
)
from pathways.programmes.facts import ASSESSED_SKILLS, CEFR_LEVELS, HOUSING_SITUATIONS
from pathways.programmes.loader import PROFILES_DIR
from pathways.programmes.rules import add_months
from pathways.programmes.schema import (
    AREAS,
    MEASURE_TYPES,
    ORGANISATION_TYPES,
    STATUS_TYPES,
    GoalTemplate,
    MeasureTemplate,
    PlanTemplate,
)

PROFILES = shipped_profiles()
# The seed reports live in shared/ beside the repository (as in CI), or where the variable says.
REPO = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("INTEGRA_SEEDS_DIR", REPO.parent / "shared" / "seeds"))
COUNTRIES = {"CZ", "AT", "FI", "NO", "RO", "MD", "PT", "EE"}


def by_country(country):
    return next(p for p in PROFILES.values() if p.country == country)


facts_strategy = st.builds(
    AssessmentFacts,
    age=st.integers(0, 100),
    status_type=st.sampled_from(STATUS_TYPES),
    host_language=st.dictionaries(st.sampled_from(ASSESSED_SKILLS), st.sampled_from(CEFR_LEVELS)),
    literate_in_latin_script=st.booleans(),
    literate=st.booleans(),
    isced_level=st.integers(0, 8),
    qualifications_to_recognise=st.integers(0, 4),
    has_work_experience=st.booleans(),
    employment_goal=st.none() | st.sampled_from(["nurse", "welder", "study"]),
    housing=st.sampled_from(HOUSING_SITUATIONS),
    childcare_needed=st.booleans(),
    health_needs=st.booleans(),
    psychosocial_needs=st.booleans(),
    legal_needs=st.booleans(),
    unaccompanied_minor=st.booleans(),
    employed=st.booleans(),
)


def test_all_eight_country_profiles_load_from_the_profiles_directory():
    profiles = load_all(PROFILES_DIR)
    assert {p.country for p in profiles.values()} == COUNTRIES
    assert len(profiles) == 8
    assert profiles == PROFILES


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_each_profile_has_four_to_eight_templates_covering_the_main_needs(profile_id):
    profile = PROFILES[profile_id]
    assert 4 <= len(profile.plan_templates) <= 8
    areas = {g.area for t in profile.plan_templates for g in t.goals}
    assert {"language", "employment", "education", "housing", "health", "legal"} <= areas
    assert {"civic_orientation", "culture_community"} & areas
    conditions = repr([t.when for t in profile.plan_templates])
    for need in ("needs_childcare", "needs_education_track", "needs_legal", "needs_housing"):
        assert need in conditions


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_profile_sources_quote_the_seed_documents_verbatim(profile_id):
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not available in {SEEDS}")
    for source in PROFILES[profile_id].sources:
        document = re.sub(r"\s+", " ", (SEEDS / source.document).read_text(encoding="utf-8"))
        assert re.sub(r"\s+", " ", source.passage) in document, source.passage


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_values_the_seed_is_silent_on_are_marked_as_assumptions(profile_id):
    text = (PROFILES_DIR / f"{profile_id.split('-')[0]}.yaml").read_text(encoding="utf-8")
    assert "# assumption" in text


def test_country_profiles_encode_the_programmes_the_seeds_describe():
    cz, at, fi, no, ro = (by_country(c) for c in ("CZ", "AT", "FI", "NO", "RO"))
    assert cz.participation.duration_months == 12  # "a minimum of one year"
    assert at.participation.mandatory and at.participation.integration_declaration_required
    assert at.exam.required and at.exam.target_cefr
    assert {m.area for m in at.mandatory_modules} == {"language", "civic_orientation"}
    assert {s.trigger for s in at.sanctions} >= {"unexcused_absences"}
    assert fi.participation.duration_months == 36
    assert no.participation.mandatory and no.participation.duration_months == 24
    assert ro.participation.mode == "voluntary"
    assert "asylum_seeker" not in at.eligibility.status_types
    assert "asylum_seeker" in by_country("PT").eligibility.status_types


# --- needs profile --------------------------------------------------------------------------


def test_language_level_is_the_lowest_skill_and_an_unassessed_skill_counts_as_a0():
    strong = {"reading": "B2", "listening": "C1", "writing": "B1", "speaking": "B2"}
    assert needs_profile(AssessmentFacts(30, "residence_permit", strong)).language_level == "B1"
    partial = AssessmentFacts(30, "residence_permit", {"reading": "B2"})
    needs = needs_profile(partial)
    assert needs.language_level == "A0" and needs.needs_language


def test_needs_profile_derives_literacy_education_housing_and_minor_needs():
    child = AssessmentFacts(
        15,
        "international_protection",
        literate=False,
        housing="homeless",
        unaccompanied_minor=True,
    )
    needs = needs_profile(child)
    assert needs.is_minor and needs.unaccompanied_minor and needs.needs_education_track
    assert needs.needs_literacy and not needs.needs_latin_script
    assert needs.needs_housing and needs.housing_urgent
    assert needs.needs_legal and needs.needs_psychosocial  # a guardian, support
    assert not needs.needs_employment_support
    adult = needs_profile(
        AssessmentFacts(40, "residence_permit", isced_level=7, housing="own", employed=True)
    )
    assert not (adult.needs_education_track or adult.needs_housing or adult.is_minor)
    assert not adult.needs_employment_support


def test_assessment_facts_refuse_unknown_levels_and_housing_situations():
    with pytest.raises(ValueError, match="CEFR"):
        AssessmentFacts(30, "residence_permit", {"reading": "D1"})
    with pytest.raises(ValueError, match="housing"):
        AssessmentFacts(30, "residence_permit", housing="tent")


# --- eligibility ----------------------------------------------------------------------------


def test_subsidiary_protection_in_austria_is_eligible_and_mandatory_with_a_declaration():
    result = check_eligibility(by_country("AT"), AssessmentFacts(30, "subsidiary_protection"))
    assert result.eligible and result.mandatory and result.declaration_required
    rules = [r.rule for r in result.reasons]
    assert rules == ["participation.mode", "participation.integration_declaration_required"]
    assert "mandatory" in str(result.reasons[0])


def test_an_asylum_seeker_is_not_eligible_where_the_profile_excludes_asylum_seekers():
    result = check_eligibility(by_country("AT"), AssessmentFacts(30, "asylum_seeker"))
    assert not result.eligible and not result.mandatory
    assert [r.rule for r in result.reasons] == ["eligibility.status_types"]
    assert "Asylum seeker" in result.reasons[0].message


def test_an_asylum_seeker_is_eligible_for_the_portuguese_one_stop_shop_voluntarily():
    result = check_eligibility(by_country("PT"), AssessmentFacts(30, "asylum_seeker"))
    assert result.eligible and not result.mandatory and not result.declaration_required
    assert "voluntary" in result.reasons[0].message


def test_age_limits_refuse_with_the_rule_that_failed():
    norway = by_country("NO")
    too_old = check_eligibility(norway, AssessmentFacts(60, "international_protection"))
    too_young = check_eligibility(norway, AssessmentFacts(16, "international_protection"))
    assert [r.rule for r in too_old.reasons] == ["eligibility.max_age"]
    assert [r.rule for r in too_young.reasons] == ["eligibility.min_age"]
    assert not too_old.eligible and not too_young.eligible


# --- plan proposal --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    profile_id=st.sampled_from(sorted(PROFILES)),
    facts=facts_strategy,
    start=st.dates(date(2000, 1, 1), date(2090, 12, 31)),
)
def test_any_profile_and_any_assessment_yield_a_valid_plan(profile_id, facts, start):
    profile = PROFILES[profile_id]
    needs = needs_profile(facts)
    plan = propose_plan(profile, needs, start)

    assert (plan.profile_id, plan.profile_version) == (profile.id, profile.version)
    assert plan.start == start
    assert plan.end == add_months(start, profile.participation.duration_months)
    expected = [t.id for t in profile.plan_templates if t.when.matches(needs)]
    assert list(plan.templates) == expected
    for goal in plan.goals:
        assert goal.area in AREAS and goal.measures
        for measure in goal.measures:
            assert measure.type in MEASURE_TYPES
            assert measure.responsible in ORGANISATION_TYPES
            assert start <= measure.due <= plan.end
            assert measure.hours is None or measure.type == "course"
    for module in profile.mandatory_modules:
        hours = sum(
            m.hours or 0 for m in plan.measures if m.type == "course" and m.module == module.code
        )
        assert hours >= module.min_hours, module.code
    interval = timedelta(days=profile.participation.review_interval_days)
    assert list(plan.reviews) == [start + interval * (i + 1) for i in range(len(plan.reviews))]
    assert plan.reviews and plan.reviews[-1] <= plan.end < plan.reviews[-1] + interval


def test_a_mandatory_module_no_template_covers_gets_a_default_course_until_the_end():
    fluent = {skill: "C2" for skill in ASSESSED_SKILLS}
    austria = by_country("AT")
    facts = AssessmentFacts(30, "subsidiary_protection", fluent, isced_level=7, housing="own")
    plan = propose_plan(austria, needs_profile(facts), date(2026, 3, 1))
    german = [m for m in plan.measures if m.module == "at-german"]
    assert len(german) == 1
    assert german[0].template is None and german[0].type == "course"
    assert german[0].hours == 300 and german[0].due == plan.end == date(2028, 3, 1)
    assert german[0].responsible == "course_provider"


def test_due_dates_beyond_the_programme_end_are_capped_at_the_end():
    long_course = MeasureTemplate("course", "Long course", "course_provider", 5000, hours=10)
    template = PlanTemplate("long", by_country("CZ").plan_templates[0].when, ())
    template = replace(template, goals=(GoalTemplate("language", "Learn", (long_course,)),))
    profile = replace(by_country("CZ"), plan_templates=(template,))
    plan = propose_plan(profile, needs_profile(AssessmentFacts(30, "stateless")), date(2026, 1, 31))
    assert plan.end == date(2027, 1, 31)
    assert {m.due for m in plan.measures if m.title == "Long course"} == {plan.end}


def test_the_same_measure_from_two_templates_is_proposed_once():
    measure = MeasureTemplate("referral", "Job centre", "employment_office", 30)
    goal = GoalTemplate("employment", "Find work", (measure,))
    always = by_country("CZ").plan_templates[0].when
    templates = (PlanTemplate("a", always, (goal,)), PlanTemplate("b", always, (goal,)))
    profile = replace(by_country("CZ"), plan_templates=templates)
    plan = propose_plan(profile, needs_profile(AssessmentFacts(30, "stateless")), date(2026, 1, 1))
    assert [m.title for m in plan.measures].count("Job centre") == 1
    assert plan.templates == ("a", "b")


def test_adding_months_keeps_the_day_or_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 15), 24) == date(2029, 12, 15)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
