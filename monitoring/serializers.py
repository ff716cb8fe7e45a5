from rest_framework import serializers

from .catalogue.schema import GROUPS, RULES, UNITS


class SourceSerializer(serializers.Serializer):
    document = serializers.CharField()
    passage = serializers.CharField()


class PeriodRuleSerializer(serializers.Serializer):
    rule = serializers.ChoiceField(choices=RULES)
    date = serializers.CharField(help_text="The record's date field (flow and cohort rules).")
    months = serializers.IntegerField(help_text="Cohort rule: follow-up point in months.")


class ReferenceSerializer(serializers.Serializer):
    breakdown = serializers.CharField()
    category = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    group = serializers.ChoiceField(choices=GROUPS)
    unit = serializers.ChoiceField(choices=UNITS)
    definition = serializers.CharField()
    records = serializers.CharField(help_text="The record set counted.")
    period = PeriodRuleSerializer()
    breakdowns = serializers.ListField(child=serializers.CharField())
    categories = serializers.ListField(
        child=serializers.CharField(), help_text="Columns of the table besides the total."
    )
    reference = ReferenceSerializer(allow_null=True)
    sources = SourceSerializer(many=True)


class CellSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text="Null when suppressed.")
    flag = serializers.ChoiceField(
        choices=["", "rounded", "suppressed"], help_text="How disclosure control treated it."
    )
    reason = serializers.ChoiceField(choices=["", "primary", "secondary"])
    denominator = serializers.IntegerField(
        allow_null=True, help_text="Records a percentage or statistic rests on (rounded)."
    )


class RowSerializer(serializers.Serializer):
    category = serializers.CharField(help_text='"_T" is the total.')
    label = serializers.CharField()
    cells = CellSerializer(many=True)
    gap = serializers.ListField(
        child=serializers.FloatField(allow_null=True),
        allow_null=True,
        help_text="Difference to the reference group, per column.",
    )


class TableSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    breakdown = serializers.CharField()
    period = serializers.CharField()
    unit = serializers.ChoiceField(choices=UNITS)
    statistic = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = RowSerializer(many=True)
    policy_version = serializers.CharField()
    protected = serializers.BooleanField()
    reference = serializers.CharField()
