from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and exams")

    def ready(self) -> None:
        from accounts.policy import FieldGroup
        from people import selectors

        from .person_tab import with_courses

        # Course enrolments and sanction notices are part of the person's pathway.
        selectors.GROUP_LOADERS[FieldGroup.PATHWAY] = with_courses(
            selectors.GROUP_LOADERS[FieldGroup.PATHWAY]
        )
