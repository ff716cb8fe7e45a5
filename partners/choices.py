from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    HELD = "held", _("Held: no consent yet, awaiting a coordinator's override")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")
    REVOKED = "revoked", _("Revoked by the sender")


# While a referral is in one of these states the receiving organisation may see the client.
ACTIVE_STATES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)

TRANSITIONS = {
    ReferralStatus.HELD: {ReferralStatus.SENT, ReferralStatus.REVOKED},
    ReferralStatus.SENT: {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.REVOKED},
    ReferralStatus.ACCEPTED: {
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.COMPLETED,
        ReferralStatus.NOT_COMPLETED,
        ReferralStatus.REVOKED,
    },
    ReferralStatus.IN_PROGRESS: {
        ReferralStatus.COMPLETED,
        ReferralStatus.NOT_COMPLETED,
        ReferralStatus.REVOKED,
    },
}
# Who moves a referral: the receiving side answers and reports; the sender may revoke.
RECEIVER_MOVES = {
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.COMPLETED,
    ReferralStatus.NOT_COMPLETED,
}
SENDER_MOVES = {ReferralStatus.REVOKED}
NEEDS_REASON = {ReferralStatus.DECLINED, ReferralStatus.NOT_COMPLETED, ReferralStatus.REVOKED}

# The button that takes a referral into each state.
ACTION_LABELS = {
    ReferralStatus.ACCEPTED: _("Accept"),
    ReferralStatus.DECLINED: _("Decline"),
    ReferralStatus.IN_PROGRESS: _("Start work"),
    ReferralStatus.COMPLETED: _("Complete"),
    ReferralStatus.NOT_COMPLETED: _("Report not completed"),
    ReferralStatus.REVOKED: _("Revoke"),
}
