from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import AuditEvent
from audit.selectors import verify_chain


class Command(BaseCommand):
    help = "Recompute the audit trail's hash chain and report every row that was tampered with."

    def handle(self, *args, **options):
        breaks = list(verify_chain())
        for item in breaks:
            self.stderr.write(
                _("row %(seq)s: %(reason)s") % {"seq": item.seq, "reason": item.reason}
            )
        if breaks:
            message = ngettext(
                "Audit chain is broken in %(n)d place.",
                "Audit chain is broken in %(n)d places.",
                len(breaks),
            )
            raise CommandError(message % {"n": len(breaks)})
        count = AuditEvent.objects.count()
        self.stdout.write(_("Audit chain intact: %(n)d rows verified.") % {"n": count})
