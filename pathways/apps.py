from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwaysConfig(AppConfig):
    name = "pathways"
    verbose_name = _("Integration pathway")

    def ready(self) -> None:
        from accounts.policy import FieldGroup
        from people import selectors, serializers

        from .person_tab import pathway_data, pathway_summary

        selectors.GROUP_LOADERS[FieldGroup.PATHWAY] = pathway_data
        serializers.GROUP_BUILDERS[FieldGroup.PATHWAY] = pathway_summary
