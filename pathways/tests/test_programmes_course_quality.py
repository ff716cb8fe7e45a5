"""The optional course_quality section: quality criteria for course groups, validated strictly."""

import pytest

from pathways.programmes import ProfileError, load_all, parse_profile
from pathways.programmes.loader import PROFILES_DIR
from pathways.programmes.schema import CourseQuality

AT = (PROFILES_DIR / "at.yaml").read_text(encoding="utf-8")
SECTION = """course_quality:
  # assumption: the seed asks for "a clear set of criteria for curricula, group size" and
  # "highly qualified staff" but gives no numbers; these follow common practice.
  max_group_size: 20
  required_teacher_qualifications: [second-language-teaching]
  min_hours: 8
  exam_required: true  # host-language courses end with an objective exam
  language_of_instruction: de
"""


def at_with(section: str) -> tuple[str, int]:
    """The Austrian profile with its course_quality section replaced; the section's first line."""
    assert AT.count(SECTION) == 1
    return AT.replace(SECTION, section), AT[: AT.index(SECTION)].count("\n") + 1


def test_every_shipped_profile_states_its_course_quality_criteria():
    for profile in load_all().values():
        quality = profile.course_quality
        assert isinstance(quality, CourseQuality), profile.id
        assert 1 <= quality.max_group_size <= 100
        assert quality.required_teacher_qualifications
        assert not quality.exam_required or profile.exam.target_cefr


def test_the_austrian_criteria_are_read_as_written():
    quality = parse_profile(AT, "at.yaml").course_quality
    assert quality == CourseQuality(20, ("second-language-teaching",), 8, True, "de")


def test_the_section_is_optional():
    text, _ = at_with("")
    assert parse_profile(text, "at.yaml").course_quality is None


@pytest.mark.parametrize(
    ("old", "new", "path", "offset", "problem"),
    [
        (
            "max_group_size: 20",
            "max_group_size: 0",
            "course_quality.max_group_size",
            3,
            "at least 1",
        ),
        (
            "max_group_size: 20",
            "max_group_size: 200",
            "course_quality.max_group_size",
            3,
            "at most",
        ),
        ("min_hours: 8", "min_hours: many", "course_quality.min_hours", 5, "expected an integer"),
        (
            "[second-language-teaching]",
            "[second-language-teaching, second-language-teaching]",
            "course_quality.required_teacher_qualifications[1]",
            4,
            "listed twice",
        ),
        (
            "[second-language-teaching]",
            "[Second Language]",
            "course_quality.required_teacher_qualifications[0]",
            4,
            "does not match the pattern",
        ),
        (
            "exam_required: true",
            "exam_required: yes please",
            "course_quality.exam_required",
            6,
            "expected a boolean",
        ),
        (
            "language_of_instruction: de",
            "language_of_instruction: German",
            "course_quality.language_of_instruction",
            7,
            "does not match the pattern",
        ),
        (
            "language_of_instruction: de",
            "room_size: 40",
            "course_quality.room_size",
            7,
            "unknown key",
        ),
        ("  min_hours: 8\n", "", "course_quality.min_hours", 3, "required key is missing"),
    ],
)
def test_a_broken_criterion_names_its_key_path_and_line(old, new, path, offset, problem):
    section = SECTION.replace(old, new)
    text, first_line = at_with(section)
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "at.yaml")
    error = caught.value
    assert (error.path, error.line) == (path, first_line + offset)
    assert problem in error.problem
    assert str(error).startswith(f"at.yaml: {path} (line {first_line + offset}): ")


def test_an_exam_cannot_be_required_of_courses_when_the_programme_has_no_exam_level():
    text = (PROFILES_DIR / "cz.yaml").read_text(encoding="utf-8")
    text = text.replace("  exam_required: false", "  exam_required: true")
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "cz.yaml")
    assert caught.value.path == "course_quality.exam_required"
    assert "no target level" in caught.value.problem


def test_a_duplicate_programme_id_is_still_reported_with_course_quality_present(tmp_path):
    (tmp_path / "a.yaml").write_text(AT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(AT, encoding="utf-8")
    with pytest.raises(ProfileError, match=r"b.yaml: id \(line \d+\): .*already used in a.yaml"):
        load_all(tmp_path)
