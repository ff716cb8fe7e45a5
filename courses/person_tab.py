"""Courses on a person's record: enrolments and sanction notices belong to the pathway tab."""

from collections.abc import Callable

from people.models import Person

from .capacity import open_course_measures


def course_data(person: Person) -> dict:
    enrolments = person.course_enrolments.select_related("group__course").order_by("-requested_at")
    return {
        "course_enrolments": list(enrolments[:20]),
        "sanction_notices": list(person.sanction_notices.select_related("plan")[:20]),
        "open_course_measures": list(
            open_course_measures().filter(goal__version__plan__person=person)[:20]
        ),
    }


def with_courses(loader: Callable[[Person], dict]) -> Callable[[Person], dict]:
    def load(person: Person) -> dict:
        return {**loader(person), **course_data(person)}

    return load
