"""The referral sections of the dashboard."""

from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors


def referral_sections(user) -> dict:
    sections = selectors.dashboard(user, timezone.localdate())
    titles = {
        "network_overdue": _("Overdue referrals across the network"),
        "held": _("Referrals held for want of consent"),
        "own_overdue": _("Your organisation's overdue referrals"),
    }
    tables = [(key, title, sections[key]) for key, title in titles.items() if key in sections]
    if not tables and "new" not in sections:
        return {}
    return {"new": sections.get("new"), "tables": tables}
