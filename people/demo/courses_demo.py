"""Course groups, sessions, enrolments, attendance, exams and certificates as raw rows.

Groups open at fixed intakes (the first weekday of the course's schedule in an intake month)
and are made as people ask for places: a group takes at most its programme's max_group_size;
the next applicant gets a seat in a parallel group, or, while the group is still running, a
place on its waiting list. A group whose last session is before the demo's "today" is closed:
its participants completed it (after the final exam, where the curriculum has one) or withdrew.
Certificate codes are drawn from the seed, so a demo database's codes can be guessed by anyone
who knows the seed: fine for invented people, not for real ones.
"""

import hashlib
import random
from base64 import urlsafe_b64encode
from dataclasses import dataclass, field
from datetime import date, timedelta

from courses.choices import EnrolmentStatus as E
from courses.choices import GroupStatus, Mark
from courses.models import (
    Attendance,
    Certificate,
    CourseGroup,
    Enrolment,
    ExamResult,
    SanctionNotice,
    Session,
    SkillScore,
)
from pathways.choices import MeasureStatus as M

from .context import TODAY, DemoPerson
from .courses_catalogue import DemoCourse
from .pathways_demo import MeasureDraft
from .rows import Tables, Values

LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
SCORES = {"A0": (5, 24), "A1": (25, 44), "A2": (45, 64), "B1": (65, 79), "B2": (80, 89)}
SCORES |= {"C1": (90, 95), "C2": (96, 100)}
SKILLS = ("reading", "listening", "writing", "speaking")
WITHDRAWN = (
    "Found a job; the working hours clash with the course.",
    "Moved to another town.",
    "Health reasons.",
    "Caring for a family member.",
)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PRESENT, EXCUSED, UNEXCUSED = str(Mark.PRESENT), str(Mark.EXCUSED), str(Mark.UNEXCUSED)
MAX_WAITING = 3  # people on the waiting list of a full running group before a new group opens
# Seats by the months between intakes: small registries (rare intakes) get small rooms.
ROOMS = {1: (12, 15, 15), 2: (10, 12, 15), 6: (6, 8, 10)}


@dataclass
class GroupState:
    id: int
    course: DemoCourse
    start: int
    end: int  # day of the last session
    teacher: int
    sessions: list[tuple[int, int, object]]  # (session id, day, when the register was kept)
    capacity: int
    seats: int = 0
    waiting: int = 0

    @property
    def closed(self) -> bool:
        return self.end < TODAY


@dataclass
class Enrolled:
    id: int
    group: GroupState
    status: str
    ended: int | None = None
    unexcused: list[int] = field(default_factory=list)  # days of unexcused absences
    passed: bool | None = None
    reached: str = ""
    exam_day: int | None = None


class Courses:
    def __init__(
        self,
        tables: Tables,
        values: Values,
        rng: random.Random,
        catalogue: dict[str, DemoCourse],
        teachers: dict[str, list[int]],
        demo_teacher: int,
        period: int,
        profiles: dict,
    ):
        self.t, self.v, self.rng = tables, values, rng
        self.catalogue, self.teachers, self.demo_teacher = catalogue, teachers, demo_teacher
        self.period, self.profiles = period, profiles
        self.groups: dict[tuple[str, int], list[GroupState]] = {}
        self.made = {region: 0 for region in teachers}
        self.salt = rng.getrandbits(64)
        self.levels_reached: dict[int, str] = {}  # person id -> host level raised by an exam

    def intake(self, course: DemoCourse, day: int) -> int:
        """The first intake of the course starting on or after `day`."""
        first = date.fromordinal(day).replace(day=1)
        weekday = course.schedule.weekdays[0]
        period = max(1, self.period // 2) if course.schedule.frequent else self.period
        for months in range(25):
            index = first.month - 1 + months
            year, month = first.year + index // 12, index % 12 + 1
            if (month - 11) % period == 0:
                start = date(year, month, 1)
                start += timedelta(days=(weekday - start.weekday()) % 7)
                if start.toordinal() >= day:
                    return start.toordinal()
        raise AssertionError("no intake within two years")

    def group(self, course: DemoCourse, intake: int) -> GroupState:
        """A new parallel group of the course at this intake, with its sessions."""
        t, v, schedule = self.t, self.v, course.schedule
        parallel = self.groups.setdefault((course.key, intake), [])
        index = len(parallel)
        days, day = [], intake
        while len(days) < schedule.sessions:
            if date.fromordinal(day).weekday() in schedule.weekdays:
                days.append(day)
            day += 1
        if course.programme.startswith("at-") or (course.key == "ro-a1-chisinau" and index == 0):
            teacher = self.demo_teacher
        else:
            pool = self.teachers[course.region]
            teacher = pool[self.made[course.region] % len(pool)]
            self.made[course.region] += 1
        begins = schedule.starts[index % len(schedule.starts)]
        name = f"{date.fromordinal(intake):%b %Y} · group {LETTERS[index % 26]}"
        name += " (afternoons)" if begins >= 12 * 60 else ""
        status = GroupStatus.CLOSED if days[-1] < TODAY else GroupStatus.OPEN
        capacity = min(course.capacity, self.rng.choice(ROOMS.get(self.period, ROOMS[1])))
        gid = t[CourseGroup].add(
            course.id, name, teacher, course.programme, v.day(intake), v.day(days[-1]),
            capacity, 0, status, 2 + (status == GroupStatus.CLOSED),
            v.stamp(intake - 45, 8 * 60),
        )  # fmt: skip
        ends = begins + int(schedule.hours * 60)
        times = (f"{begins // 60:02d}:{begins % 60:02d}", f"{ends // 60:02d}:{ends % 60:02d}")
        hours = v.hours(schedule.hours)
        sessions = []
        for n, session_day in enumerate(days):
            sid = t[Session].reserve()
            uid = v.key(self.salt, sid)
            t[Session].put(sid, gid, uid, v.day(session_day), *times, course.topics[n], hours)
            sessions.append((sid, session_day, v.stamp(session_day, ends + 15)))
        state = GroupState(gid, course, intake, days[-1], teacher, sessions, capacity)
        parallel.append(state)
        return state

    def place(self, course: DemoCourse, intake: int) -> tuple[GroupState, bool]:
        """A seat at this intake (True), or a place on a running group's waiting list."""
        parallel = self.groups.get((course.key, intake), [])
        for state in parallel:
            if state.seats < state.capacity:
                return state, True
        last = parallel[-1] if parallel else None
        if last is not None and not last.closed and last.waiting < MAX_WAITING:
            return last, False
        return self.group(course, intake), True

    def enrol(
        self,
        person: DemoPerson,
        key: str,
        request: int,
        horizon: int,
        *,
        plan: int | None = None,
        measure: MeasureDraft | None = None,
        mandatory: bool = False,
        unexcused: tuple[int, ...] | None = None,
        exam: dict[str, str] | None = None,
        intake: int | None = None,
    ) -> Enrolled | None:
        """Ask for a place on `request`; the person leaves at `horizon` if before the end.
        Scenario cases fix the `intake`, `unexcused` (session numbers) and `exam` ({skill:
        level})."""
        rng, t, v = self.rng, self.t, self.v
        course = self.catalogue[key]
        intake = intake or self.intake(course, request + 7)
        if date.fromordinal(intake).weekday() != course.schedule.weekdays[0]:
            raise ValueError(f"{course.key} starts on weekday {course.schedule.weekdays[0]}")
        left = horizon < TODAY  # the client left the programme on `horizon`
        if intake >= (horizon if left else TODAY + 120):
            return None
        state, seated = self.place(course, intake)
        enrolled = Enrolled(t[Enrolment].reserve(), state, E.ACTIVE if seated else E.WAITING)
        if measure is not None:
            measure.link("course_enrolment", enrolled.id, request)
        until = min(TODAY, horizon)
        held = [s for s in state.sessions if s[1] < until] if seated else []
        leave = None
        if left and horizon <= state.end:
            leave = (horizon, "The client left the integration programme.")
        elif seated and len(held) > 4 and not exam and rng.random() < 0.05:
            leave = (held[rng.randrange(2, len(held) - 1)][1], rng.choice(WITHDRAWN))
        if leave:
            held = [s for s in held if s[1] < leave[0]]
            enrolled.status, enrolled.ended = E.WITHDRAWN, leave[0]
            if measure is not None:
                measure.set(M.NOT_DONE, leave[0], leave[1])
        elif seated:
            state.seats += 1
            if state.closed:
                enrolled.status, enrolled.ended = E.COMPLETED, state.end
        else:
            state.waiting += 1
        reason = leave[1] if leave else ""
        self._register(enrolled, held, unexcused)
        if enrolled.status == E.COMPLETED:
            if course.final_exam:
                self._exam(person, enrolled, measure, exam)
            elif measure is not None:
                measure.set(M.DONE, state.end)
        t[Enrolment].put(
            enrolled.id, state.id, person.pid, plan, measure.key if measure else None,
            enrolled.status, mandatory, v.stamp(request, 11 * 60),
            v.stamp(request, 11 * 60) if seated else None, v.day(enrolled.ended), reason,
            person.caseworker, 1 + (enrolled.ended is not None),
        )  # fmt: skip
        return enrolled

    def _register(self, enrolled: Enrolled, held: list, fixed: tuple[int, ...] | None) -> None:
        """Attendance marks of the sessions held while the person was in the group."""
        random, table = self.rng.random, self.t[Attendance]
        rows, pk, eid, teacher = table.rows, table.next_id, enrolled.id, enrolled.group.teacher
        r = random()
        unexcused = 0.02 if r < 0.7 else (0.06 if r < 0.95 else 0.15)
        excused = unexcused + 0.05
        for n, (sid, day, stamp) in enumerate(held):
            if fixed is not None:
                mark = UNEXCUSED if n in fixed else PRESENT
            else:
                u = random()
                mark = UNEXCUSED if u < unexcused else (EXCUSED if u < excused else PRESENT)
            if mark is UNEXCUSED:
                enrolled.unexcused.append(day)
            rows.append((pk, sid, eid, mark, teacher, stamp))
            pk += 1
        table.next_id = pk

    def _exam(
        self, person: DemoPerson, enrolled: Enrolled, measure, fixed: dict[str, str] | None
    ) -> None:
        """As courses.exams.record_result: the lowest level over the skills that count."""
        rng, t, v = self.rng, self.t, self.v
        group = enrolled.group
        profile = self.profiles.get(group.course.programme)
        target = (profile.exam.target_cefr if profile else None) or group.course.level
        rank = LEVELS.index(target)
        if fixed is None:
            regular = len(enrolled.unexcused) <= 3
            passed = rng.random() < (0.85 if regular else 0.45)
            reached = LEVELS[rank + (rng.random() < 0.1)] if passed else LEVELS[rank - 1]
            fixed = {s: LEVELS[min(rank + 1, LEVELS.index(reached) + (rng.random() < 0.3))]
                     for s in SKILLS}  # fmt: skip
            fixed[rng.choice(SKILLS)] = reached
        counted = (profile.exam.skills if profile else ()) or tuple(fixed)
        reached = min((fixed[s] for s in counted), key=LEVELS.index)
        passed = LEVELS.index(reached) >= rank
        day = group.end
        result = t[ExamResult].add(
            enrolled.id, v.day(day), target, reached, passed, group.teacher, v.stamp(day, 16 * 60)
        )
        for skill, level in fixed.items():
            low, high = SCORES[level]
            t[SkillScore].add(result, skill, rng.randint(low, high), level)
        enrolled.passed, enrolled.reached, enrolled.exam_day = passed, reached, day
        if passed:
            romanian = group.course.key.startswith("ro-")  # the host language of the registry
            if romanian and reached > person.spec.host_level:
                self.levels_reached[person.pid] = max(
                    reached, self.levels_reached.get(person.pid, "A0"), key=LEVELS.index
                )
            cid = t[Certificate].reserve()
            digest = hashlib.sha256(f"{self.salt}:{cid}".encode()).digest()[:15]
            issued = min(day + 3, TODAY - 1)
            t[Certificate].put(
                cid, result, person.pid, urlsafe_b64encode(digest).decode(),
                group.course.title[:200], reached, v.day(issued), None,
            )  # fmt: skip
            if measure is not None:
                measure.set(M.DONE, day)
        elif measure is not None:
            text = f"Exam not passed: {reached} reached, {target} required."
            measure.set(M.NOT_DONE, day, text)

    def sanction(self, person: DemoPerson, plan: int, enrolled: Enrolled, rule, count: int):
        """As courses.sanctions.apply_rules, on the day the threshold was reached."""
        day = enrolled.unexcused[count - 1]
        self.t[SanctionNotice].add(
            person.pid, plan, enrolled.id, rule.code, rule.trigger, rule.action, rule.threshold,
            count, rule.description[:300], self.v.stamp(day, 20 * 60 + 5),
        )  # fmt: skip
