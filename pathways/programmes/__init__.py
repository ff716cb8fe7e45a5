"""Programme rules as data: country profiles (YAML) and the pure-Python rules engine."""

from .conditions import Condition, condition_from_data, condition_to_data
from .facts import AssessmentFacts, NeedsProfile, needs_profile
from .loader import (
    PROFILES_DIR,
    ProfileError,
    load_all,
    load_profile,
    parse_profile,
    shipped_profiles,
)
from .rules import (
    Eligibility,
    ProposedGoal,
    ProposedMeasure,
    ProposedPlan,
    Reason,
    check_eligibility,
    propose_plan,
)
from .schema import Profile

__all__ = [
    "PROFILES_DIR",
    "AssessmentFacts",
    "Condition",
    "Eligibility",
    "NeedsProfile",
    "Profile",
    "ProfileError",
    "ProposedGoal",
    "ProposedMeasure",
    "ProposedPlan",
    "Reason",
    "check_eligibility",
    "condition_from_data",
    "condition_to_data",
    "load_all",
    "load_profile",
    "needs_profile",
    "parse_profile",
    "propose_plan",
    "shipped_profiles",
]
