"""The pathway field group as it appears on a person's record (page tab and API)."""

from people.models import Person


def pathway_data(person: Person) -> dict:
    return {
        "assessments": list(person.assessments.all()[:10]),
        "plans": list(person.plans.order_by("-start_date")),
    }


def pathway_summary(person: Person) -> dict:
    return {
        "plans": [
            {
                "id": plan.pk,
                "programme": plan.programme_id,
                "programme_version": plan.programme_version,
                "start_date": plan.start_date.isoformat(),
                "end_date": plan.end_date.isoformat(),
                "closed_on": plan.closed_on.isoformat() if plan.closed_on else None,
                "outcome": plan.outcome,
            }
            for plan in person.plans.order_by("-start_date")
        ]
    }
