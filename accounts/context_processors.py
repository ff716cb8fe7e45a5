from django.http import HttpRequest

from . import policy


def access(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_may_search": policy.may_search(user),
        "nav_may_read_audit": policy.may_read_audit(user),
        "nav_may_plan": policy.may_plan(user),
    }
