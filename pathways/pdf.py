"""The plan as a PDF document (WeasyPrint), in the client's language and script direction."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .selectors import PlanView


def goals_by_area(goals) -> list[tuple[str, list]]:
    """Goals grouped by area (label in the active language), areas in order of appearance."""
    grouped: dict[str, list] = {}
    for goal in goals:
        grouped.setdefault(goal.area, []).append(goal)
    return [(members[0].get_area_display(), members) for members in grouped.values()]


def plan_pdf_html(view: PlanView, profile, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "pathways/plan_pdf.html",
            {
                "plan": view.plan,
                "person": view.plan.person,
                "version": view.version,
                "areas": goals_by_area(view.goals),
                "profile": profile,
                "organisation": view.plan.organisation,
            },
        )


def plan_pdf_bytes(view: PlanView, profile, language: str) -> bytes:
    from weasyprint import HTML  # imported on first use: it loads Pango and the fonts

    html = plan_pdf_html(view, profile, language)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
