"""Load programme profiles from YAML, strictly: every error names file, key path and line."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext

from . import schema as s
from .conditions import ALWAYS, Condition, parse_condition
from .nodes import YAML_LOADER, Cursor, ProfileError

__all__ = [
    "PROFILES_DIR",
    "ProfileError",
    "load_all",
    "load_profile",
    "parse_profile",
    "shipped_profiles",
]

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
ID_PATTERN = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"
COUNTRY_PATTERN = r"[A-Z]{2}"
VERSION_PATTERN = r"[0-9A-Za-z][0-9A-Za-z.+-]*"
MAX_DAYS = 3660

TOP_KEYS = (
    "id",
    "country",
    "name",
    "version",
    "sources",
    "eligibility",
    "participation",
    "mandatory_modules",
    "exam",
    "incentives",
    "sanctions",
    "waiting_list_priority",
    "plan_templates",
)
OPTIONAL_TOP_KEYS = ("course_quality",)


def load_profile(path: str | Path) -> s.Profile:
    """Read and validate one profile file."""
    path = Path(path)
    return parse_profile(path.read_text(encoding="utf-8"), path.name)


def load_all(directory: str | Path = PROFILES_DIR) -> dict[str, s.Profile]:
    """Every `*.yaml` profile in `directory`, by programme id; refuses duplicate ids."""
    profiles: dict[str, s.Profile] = {}
    files: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        root = _compose(text, path.name)
        profile = _profile(root)
        if profile.id in profiles:
            id_node = root.mapping(TOP_KEYS, OPTIONAL_TOP_KEYS)["id"]
            id_node.fail(
                gettext("programme id %(id)r is already used in %(other)s")
                % {"id": profile.id, "other": files[profile.id]}
            )
        profiles[profile.id] = profile
        files[profile.id] = path.name
    return profiles


@cache
def shipped_profiles() -> dict[str, s.Profile]:
    """The country profiles shipped with Integra (loaded once per process)."""
    return load_all(PROFILES_DIR)


def parse_profile(text: str, file: str = "<profile>") -> s.Profile:
    """Validate YAML text as a profile; `file` is the name used in error messages."""
    return _profile(_compose(text, file))


def _compose(text: str, file: str) -> Cursor:
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ProfileError(
            file,
            "",
            mark.line + 1 if mark else 1,
            gettext("not valid YAML: %(problem)s") % {"problem": exc.problem},
        ) from exc
    if node is None:
        raise ProfileError(file, "", 1, gettext("the file is empty"))
    return Cursor(file, node)


def _profile(root: Cursor) -> s.Profile:
    m = root.mapping(TOP_KEYS, OPTIONAL_TOP_KEYS)
    modules = _modules(m["mandatory_modules"])
    exam = _exam(m["exam"])
    return s.Profile(
        id=m["id"].string(ID_PATTERN),
        country=m["country"].string(COUNTRY_PATTERN),
        name=m["name"].string(),
        version=m["version"].string(VERSION_PATTERN),
        sources=tuple(
            s.Source(**{k: v.string() for k, v in item.mapping(("document", "passage")).items()})
            for item in m["sources"].items(min_items=1)
        ),
        eligibility=_eligibility(m["eligibility"]),
        participation=_participation(m["participation"]),
        mandatory_modules=modules,
        exam=exam,
        incentives=tuple(
            s.Incentive(**fields)
            for fields in _coded(m["incentives"], ("code", "description"), lambda c: c.string())
        ),
        sanctions=_sanctions(m["sanctions"]),
        waiting_list_priority=m["waiting_list_priority"].unique_choices(s.PRIORITY_KEYS, 1),
        plan_templates=_templates(m["plan_templates"], {module.code for module in modules}),
        course_quality=_course_quality(m["course_quality"], exam)
        if "course_quality" in m
        else None,
    )


def _coded(cursor: Cursor, keys: tuple[str, ...], read: Callable[[Cursor], object]) -> list[dict]:
    """Items of a list of mappings with a unique `code`; `read` turns each other value."""
    result: list[dict] = []
    seen: set[str] = set()
    for item in cursor.items():
        values = item.mapping(keys)
        code = values["code"].string(ID_PATTERN)
        if code in seen:
            values["code"].fail(gettext("duplicate code %(code)r") % {"code": code})
        seen.add(code)
        result.append({"code": code} | {k: read(v) for k, v in values.items() if k != "code"})
    return result


def _eligibility(cursor: Cursor) -> s.EligibilityCriteria:
    m = cursor.mapping(("status_types", "min_age"), ("max_age",))
    min_age = m["min_age"].integer(0, 130)
    max_age = None
    if "max_age" in m and not m["max_age"].is_null():
        max_age = m["max_age"].integer(0, 130)
        if max_age < min_age:
            m["max_age"].fail(gettext("must not be below min_age (%(min)d)") % {"min": min_age})
    return s.EligibilityCriteria(
        status_types=m["status_types"].unique_choices(s.STATUS_TYPES, 1),
        min_age=min_age,
        max_age=max_age,
    )


def _participation(cursor: Cursor) -> s.Participation:
    m = cursor.mapping(
        ("mode", "integration_declaration_required", "duration_months", "review_interval_days")
    )
    mode = m["mode"].choice(s.PARTICIPATION_MODES)
    declaration = m["integration_declaration_required"].boolean()
    months = m["duration_months"].integer(1, 120)
    # At least one review falls inside the shortest possible programme (28 days a month).
    interval = m["review_interval_days"].integer(1, min(366, 28 * months))
    return s.Participation(mode, declaration, months, interval)


def _modules(cursor: Cursor) -> tuple[s.Module, ...]:
    def read(value: Cursor) -> object:
        key = value.path.rsplit(".", 1)[-1]
        if key == "area":
            return value.choice(s.AREAS)
        if key == "min_hours":
            return value.integer(1, 5000)
        return value.string()

    return tuple(
        s.Module(**fields)
        for fields in _coded(cursor, ("code", "area", "title", "min_hours"), read)
    )


def _exam(cursor: Cursor) -> s.Exam:
    m = cursor.mapping(("required", "target_cefr", "skills"))
    required = m["required"].boolean()
    target = None if m["target_cefr"].is_null() else m["target_cefr"].choice(s.EXAM_LEVELS)
    skills = m["skills"].unique_choices(s.SKILLS)
    if required and target is None:
        m["target_cefr"].fail(gettext("a required exam needs a target level (A1 to C2)"))
    if required and not skills:
        m["skills"].fail(gettext("a required exam tests at least one skill"))
    return s.Exam(required=required, target_cefr=target, skills=skills)


def _course_quality(cursor: Cursor, exam: s.Exam) -> s.CourseQuality:
    m = cursor.mapping(
        ("max_group_size", "required_teacher_qualifications", "min_hours", "exam_required"),
        ("language_of_instruction",),
    )
    codes: list[str] = []
    for item in m["required_teacher_qualifications"].items():
        code = item.string(ID_PATTERN)
        if code in codes:
            item.fail(gettext("%(value)r is listed twice") % {"value": code})
        codes.append(code)
    exam_required = m["exam_required"].boolean()
    if exam_required and exam.target_cefr is None:
        m["exam_required"].fail(
            gettext("courses cannot end with an exam: the programme's exam has no target level")
        )
    language = None
    if "language_of_instruction" in m:
        language = m["language_of_instruction"].string(s.LANGUAGE_PATTERN)
    return s.CourseQuality(
        max_group_size=m["max_group_size"].integer(1, 100),
        required_teacher_qualifications=tuple(codes),
        min_hours=m["min_hours"].integer(1, 5000),
        exam_required=exam_required,
        language_of_instruction=language,
    )


def _sanctions(cursor: Cursor) -> tuple[s.Sanction, ...]:
    def read(value: Cursor) -> object:
        key = value.path.rsplit(".", 1)[-1]
        if key == "trigger":
            return value.choice(s.SANCTION_TRIGGERS)
        if key == "action":
            return value.choice(s.SANCTION_ACTIONS)
        if key == "threshold":
            return value.integer(1, 1000)
        return value.string()

    keys = ("code", "trigger", "threshold", "action", "description")
    return tuple(s.Sanction(**fields) for fields in _coded(cursor, keys, read))


def _templates(cursor: Cursor, module_codes: set[str]) -> tuple[s.PlanTemplate, ...]:
    templates: list[s.PlanTemplate] = []
    for item in cursor.items(min_items=1):
        m = item.mapping(("id", "goals"), ("when",))
        template_id = m["id"].string(ID_PATTERN)
        if any(t.id == template_id for t in templates):
            m["id"].fail(gettext("duplicate template id %(id)r") % {"id": template_id})
        templates.append(
            s.PlanTemplate(
                id=template_id,
                when=_when(m.get("when")),
                goals=tuple(_goal(goal, module_codes) for goal in m["goals"].items(min_items=1)),
            )
        )
    return tuple(templates)


def _when(cursor: Cursor | None) -> Condition:
    """An absent, null or empty `when` always applies."""
    return ALWAYS if cursor is None or cursor.is_null() else parse_condition(cursor)


def _goal(cursor: Cursor, module_codes: set[str]) -> s.GoalTemplate:
    m = cursor.mapping(("area", "title", "measures"), ("when",))
    return s.GoalTemplate(
        area=m["area"].choice(s.AREAS),
        title=m["title"].string(),
        measures=tuple(_measure(x, module_codes) for x in m["measures"].items(min_items=1)),
        when=_when(m.get("when")),
    )


def _measure(cursor: Cursor, module_codes: set[str]) -> s.MeasureTemplate:
    m = cursor.mapping(("type", "title", "responsible", "due_in_days"), ("hours", "module"))
    kind = m["type"].choice(s.MEASURE_TYPES)
    hours = module = None
    if "hours" in m:
        if kind != "course":
            m["hours"].fail(gettext("only a course measure has hours"))
        hours = m["hours"].integer(1, 5000)
    if "module" in m:
        if kind != "course":
            m["module"].fail(gettext("only a course measure can fulfil a module"))
        module = m["module"].string()
        if module not in module_codes:
            m["module"].fail(
                gettext("unknown module %(code)r; mandatory_modules are: %(codes)s")
                % {"code": module, "codes": ", ".join(sorted(module_codes)) or "-"}
            )
    return s.MeasureTemplate(
        type=kind,
        title=m["title"].string(),
        responsible=m["responsible"].choice(s.ORGANISATION_TYPES),
        due_in_days=m["due_in_days"].integer(0, MAX_DAYS),
        hours=hours,
        module=module,
    )
