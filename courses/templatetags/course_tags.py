from django import template

register = template.Library()


@register.simple_tag
def plan_sanctions(plan) -> list:
    """Sanction notices of a plan shown on the plan page (read with the plan, under its audit)."""
    return list(plan.sanction_notices.all()[:20])
