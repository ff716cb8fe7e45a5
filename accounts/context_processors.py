from django.http import HttpRequest

from . import policy


def access(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_may_search": policy.may_search(user),
        "nav_may_read_audit": policy.may_read_audit(user),
        "nav_may_view_statistics": policy.may_view_statistics(user),
        "nav_may_plan": policy.may_plan(user),
        "nav_may_teach": policy.may_teach(user),
        "nav_may_enrol": policy.may_enrol(user),
        "nav_manages_courses": policy.manages_courses(user),
        "nav_plans_course_capacity": policy.plans_course_capacity(user),
    }
