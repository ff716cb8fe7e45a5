"""Invalid profiles are refused with a ProfileError naming the file, exact key path and line."""

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.programmes import ProfileError, load_all, load_profile, parse_profile
from pathways.programmes.loader import PROFILES_DIR, YAML_LOADER

FILES = sorted(PROFILES_DIR.glob("*.yaml"))
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in FILES}

# The schema, restated independently of the loader: required keys per kind of mapping...
REQUIRED = {
    "": ["id", "country", "name", "version", "sources", "eligibility", "participation"]
    + ["mandatory_modules", "exam", "incentives", "sanctions", "waiting_list_priority"]
    + ["plan_templates"],
    "sources[]": ["document", "passage"],
    "eligibility": ["status_types", "min_age"],
    "participation": ["mode", "integration_declaration_required", "duration_months"]
    + ["review_interval_days"],
    "mandatory_modules[]": ["code", "area", "title", "min_hours"],
    "exam": ["required", "target_cefr", "skills"],
    "incentives[]": ["code", "description"],
    "sanctions[]": ["code", "trigger", "threshold", "action", "description"],
    "plan_templates[]": ["id", "goals"],
    "plan_templates[].goals[]": ["area", "title", "measures"],
    "plan_templates[].goals[].measures[]": ["type", "title", "responsible", "due_in_days"],
    "course_quality": ["max_group_size", "required_teacher_qualifications", "min_hours"]
    + ["exam_required"],
}
# ...values from a fixed set...
ENUMS = {
    "eligibility.status_types[]",
    "participation.mode",
    "mandatory_modules[].area",
    "exam.target_cefr",
    "exam.skills[]",
    "sanctions[].trigger",
    "sanctions[].action",
    "waiting_list_priority[]",
    "plan_templates[].goals[].area",
    "plan_templates[].goals[].measures[].type",
    "plan_templates[].goals[].measures[].responsible",
}
# ...integers and booleans.
INTEGERS = {
    "eligibility.min_age",
    "participation.duration_months",
    "participation.review_interval_days",
    "mandatory_modules[].min_hours",
    "sanctions[].threshold",
    "plan_templates[].goals[].measures[].due_in_days",
    "plan_templates[].goals[].measures[].hours",
    "course_quality.max_group_size",
    "course_quality.min_hours",
}
BOOLEANS = {
    "participation.integration_declaration_required",
    "exam.required",
    "course_quality.exam_required",
}
MODULE_REF = "plan_templates[].goals[].measures[].module"
STR = "tag:yaml.org,2002:str"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def compose(text):
    return yaml.compose(text, Loader=YAML_LOADER)


def shape(path):
    return re.sub(r"\[\d+\]", "[]", path)


def walk(node, path=""):
    """(key path, node) for every node of the tree."""
    yield path, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from walk(value, f"{path}.{key.value}" if path else key.value)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from walk(item, f"{path}[{index}]")


def find(node, path):
    for step in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if step.startswith("["):
            node = node.value[int(step[1:-1])]
        else:
            node = next(v for k, v in node.value if k.value == step)
    return node


def sites(file):
    """Every single-point mutation of a valid profile: (kind, path, key-or-None)."""
    found = []
    for path, node in walk(compose(TEXTS[file])):
        kind = shape(path)
        if isinstance(node, yaml.MappingNode):
            found += [("missing", path, key) for key in REQUIRED.get(kind, [])]
            if kind in REQUIRED or kind.endswith("when"):
                found.append(("unknown", path, "colour"))
        elif kind in ENUMS and node.tag == STR:
            found.append(("enum", path, None))
        elif kind in INTEGERS | BOOLEANS:
            found.append(("type", path, None))
        elif kind == MODULE_REF:
            found.append(("module", path, None))
    return [(file, *site) for site in found]


SITES = [site for file in TEXTS for site in sites(file)]


def mutate(file, kind, path, key):
    """The mutated YAML text, the key path the error must name and the line it must give."""
    root = compose(TEXTS[file])
    node = find(root, path)
    if kind == "missing":
        node.value = [(k, v) for k, v in node.value if k.value != key]
        error_path = f"{path}.{key}" if path else key
    elif kind == "unknown":
        node.value.append((yaml.ScalarNode(STR, key), yaml.ScalarNode(STR, "blue")))
        error_path = f"{path}.{key}" if path else key
    else:
        node.tag, node.value = STR, {"enum": "bogus", "type": "many"}.get(kind, "no-such-module")
        error_path = path
    text = yaml.serialize(root, Dumper=DUMPER, allow_unicode=True)
    mutated = compose(text)
    if kind == "missing":
        line = find(mutated, path).start_mark.line + 1
    elif kind == "unknown":
        parent = find(mutated, path)
        line = next(k for k, _ in parent.value if k.value == key).start_mark.line + 1
    else:
        line = find(mutated, path).start_mark.line + 1
    return text, error_path, line


PROBLEMS = {
    "missing": "required key is missing",
    "unknown": "unknown key",
    "enum": "'bogus' is not one of",
    "type": "expected an integer, got a string|expected a boolean, got a string",
    "module": "unknown module 'no-such-module'",
}


def test_every_kind_of_mutation_is_possible_on_every_shipped_profile():
    for file in TEXTS:
        assert {site[1] for site in SITES if site[0] == file} == set(PROBLEMS), file


@settings(max_examples=400, deadline=None)
@given(site=st.sampled_from(SITES))
def test_a_mutated_profile_is_refused_naming_the_exact_key_path_and_line(site):
    file, kind, path, key = site
    text, error_path, line = mutate(file, kind, path, key)
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, file)
    error = caught.value
    assert (error.file, error.path, error.line) == (file, error_path, line)
    assert re.search(PROBLEMS[kind], error.problem), error.problem
    assert str(error).startswith(f"{file}: {error_path} (line {line}): ")


def test_the_unmutated_serialised_profiles_still_load():
    for file, text in TEXTS.items():
        reserialised = yaml.serialize(compose(text), Dumper=DUMPER)
        assert parse_profile(reserialised, file) == load_profile(PROFILES_DIR / file)


def edit(file, old, new):
    text = TEXTS[file]
    assert text.count(old) == 1, old
    return text.replace(old, new), text[: text.index(old)].count("\n") + 1


def test_an_unknown_measure_type_names_template_goal_measure_and_the_allowed_values():
    text, line = edit(
        "cz.yaml",
        "type: referral\n            title: Registration with",
        "type: lecture\n            title: Registration with",
    )
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "cz.yaml")
    assert str(caught.value) == (
        f"cz.yaml: plan_templates[2].goals[0].measures[0].type (line {line}): 'lecture' is not "
        "one of course, referral, service, appointment, document, benefit"
    )


@pytest.mark.parametrize(
    ("old", "new", "path", "problem"),
    [
        ("target_cefr: A2", "target_cefr: null", "exam.target_cefr", "needs a target level"),
        (
            "duration_months: 24",
            "duration_months: 0",
            "participation.duration_months",
            "at least 1",
        ),
        (
            "review_interval_days: 90",
            "review_interval_days: 900",
            "participation.review_interval_days",
            "at most 366",
        ),
        ("max_age: null", "max_age: 12", "eligibility.max_age", "below min_age"),
        ("code: at-values", "code: at-german", "mandatory_modules[1].code", "duplicate code"),
        ("- id: health", "- id: housing", "plan_templates[5].id", "duplicate template id"),
        (
            "title: Housing counselling",
            "title: Housing counselling\n            hours: 4",
            "plan_templates[4].goals[0].measures[0].hours",
            "only a course measure has hours",
        ),
        ("country: AT", "country: Austria", "country", "does not match the pattern"),
        (
            "mode: mandatory",
            "mode: mandatory\n  mode: voluntary",
            "participation.mode",
            "duplicate key",
        ),
        (
            "when: {needs_childcare: true}",
            "when: {needs_childcar: true}",
            "plan_templates[6].when.needs_childcar",
            "unknown key",
        ),
        (
            "when: {needs_legal: true}",
            "when: {needs_legal: maybe}",
            "plan_templates[7].when.needs_legal",
            "expected a boolean",
        ),
    ],
)
def test_austrian_profile_errors_name_the_rule_that_is_broken(old, new, path, problem):
    text, line = edit("at.yaml", old, new)
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "at.yaml")
    assert caught.value.path == path
    assert problem in caught.value.problem
    assert caught.value.line in (line, line + 1)


def test_an_unquoted_country_code_no_is_refused_as_a_boolean():
    text, line = edit("no.yaml", 'country: "NO"', "country: NO")
    with pytest.raises(
        ProfileError, match=r"country \(line \d+\): expected a string, got a boolean"
    ):
        parse_profile(text, "no.yaml")


def test_broken_yaml_and_empty_files_are_refused_with_a_line():
    with pytest.raises(ProfileError, match=r"x.yaml: document \(line 2\): not valid YAML"):
        parse_profile("id: a\n  - b: [\n", "x.yaml")
    with pytest.raises(ProfileError, match="the file is empty"):
        parse_profile("", "x.yaml")


def test_two_files_with_the_same_programme_id_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(TEXTS["cz.yaml"], encoding="utf-8")
    (tmp_path / "b.yaml").write_text(TEXTS["cz.yaml"], encoding="utf-8")
    with pytest.raises(ProfileError, match=r"b.yaml: id \(line \d+\): .*already used in a.yaml"):
        load_all(tmp_path)
