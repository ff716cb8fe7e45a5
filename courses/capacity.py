"""Capacity planning: demand for course seats (open course measures in plans, waiting lists)
against free seats in open groups, by region, kind, target level and language of instruction.

Every figure is counted by the database; only the few distinct combinations come back.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Sum

from pathways.choices import MeasureStatus, MeasureType
from pathways.models import Measure, PlanVersion
from pathways.programme_registry import profile as programme_profile

from .choices import CourseKind, EnrolmentStatus, GroupStatus
from .models import CourseGroup, Enrolment

AREA_KINDS = {
    "language": CourseKind.HOST_LANGUAGE,
    "civic_orientation": CourseKind.CIVIC_ORIENTATION,
}


@dataclass(frozen=True, order=True)
class Key:
    region: str
    kind: str
    level: str
    language: str


@dataclass
class Row:
    key: Key
    planned: int = 0  # open course measures no enrolment carries out yet
    waiting: int = 0
    free_seats: int = 0

    @property
    def demand(self) -> int:
        return self.planned + self.waiting

    @property
    def shortfall(self) -> int:
        return max(self.demand - self.free_seats, 0)

    @property
    def kind_label(self) -> str:
        return CourseKind(self.key.kind).label if self.key.kind in CourseKind.values else ""


def _measure_key(region: str, programme_id: str, area: str, module_code: str) -> Key:
    """What kind of seat a plan's course measure needs, from its programme's rules."""
    profile = programme_profile(programme_id)
    module = profile.module(module_code) if profile and module_code else None
    kind = AREA_KINDS.get(module.area if module else area, CourseKind.VOCATIONAL)
    quality = profile.course_quality if profile else None
    language = (quality.language_of_instruction if quality else None) or ""
    level = ""
    if kind == CourseKind.HOST_LANGUAGE and module is not None and profile.exam.target_cefr:
        level = profile.exam.target_cefr
    return Key(region or "", str(kind), level, language)


def open_course_measures():
    """Course measures of the newest version of open plans, neither carried out nor finished."""
    newer = PlanVersion.objects.filter(
        plan_id=OuterRef("goal__version__plan_id"), number__gt=OuterRef("goal__version__number")
    )
    return Measure.objects.filter(
        type=MeasureType.COURSE,
        status=MeasureStatus.PLANNED,
        fulfilled_by_id__isnull=True,
        goal__version__plan__closed_on__isnull=True,
    ).exclude(Exists(newer))


def shortfall_table(region: str = "") -> list[Row]:
    rows: dict[Key, Row] = {}

    def row(key: Key) -> Row:
        return rows.setdefault(key, Row(key))

    measures = open_course_measures()
    if region:
        measures = measures.filter(goal__version__plan__organisation__region=region)
    for found in measures.values(
        region=F("goal__version__plan__organisation__region"),
        programme=F("goal__version__plan__programme_id"),
        area=F("goal__area"),
        module=F("module_code"),
    ).annotate(n=Count("id")):
        key = _measure_key(found["region"], found["programme"], found["area"], found["module"])
        row(key).planned += found["n"]

    course = "group__course__"
    waiting = Enrolment.objects.filter(status=EnrolmentStatus.WAITING)
    if region:
        waiting = waiting.filter(group__course__region=region)
    for found in waiting.values(
        region=F(course + "region"),
        kind=F(course + "course_type__kind"),
        level=F(course + "target_level"),
        language=F(course + "language"),
    ).annotate(n=Count("id")):
        row(
            Key(found["region"], found["kind"], found["level"], found["language"])
        ).waiting += found["n"]

    groups = CourseGroup.objects.filter(status=GroupStatus.OPEN)
    if region:
        groups = groups.filter(course__region=region)
    for found in groups.values(
        region=F("course__region"),
        kind=F("course__course_type__kind"),
        level=F("course__target_level"),
        language=F("course__language"),
    ).annotate(free=Sum(F("capacity") - F("seats_taken"))):
        key = Key(found["region"], found["kind"], found["level"], found["language"])
        row(key).free_seats += found["free"] or 0
    return sorted(rows.values(), key=lambda r: (-r.shortfall, r.key))


@dataclass(frozen=True)
class Bar:
    label: str
    demand: int
    seats: int
    y: int
    demand_width: int
    seats_width: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


def chart(rows: list[Row], width: int = 720, label_width: int = 260, limit: int = 30) -> Chart:
    """Horizontal bars, demand above free seats, for the rows with the largest shortfall."""
    shown = rows[:limit]
    bar_height, row_height, top = 14, 44, 28
    scale = max([1] + [max(r.demand, r.free_seats) for r in shown])
    plot = width - label_width - 60
    bars = [
        Bar(
            label=" · ".join(
                str(p) for p in (r.key.region, r.kind_label, r.key.level, r.key.language) if p
            ),
            demand=r.demand,
            seats=r.free_seats,
            y=top + index * row_height,
            demand_width=round(plot * r.demand / scale),
            seats_width=round(plot * r.free_seats / scale),
        )
        for index, r in enumerate(shown)
    ]
    return Chart(width, top + len(shown) * row_height + 8, label_width, bar_height, bars)
