from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from assessments.completeness import completeness
from assessments.models import Assessment, Case, Decision
from organisations.models import Body


class CompletenessSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    ok = serializers.BooleanField()
    applies = serializers.BooleanField()


class AssessmentSerializer(serializers.ModelSerializer):
    template = serializers.CharField(source="template_version", read_only=True)
    completeness = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "status",
            "template",
            "children_affected",
            "summary",
            "lock_version",
            "completeness",
        ]
        read_only_fields = [
            "status",
            "template",
            "children_affected",
            "lock_version",
            "completeness",
        ]

    def get_completeness(self, assessment) -> list[dict]:
        checks = completeness(assessment.template_version.sections, assessment.answers)
        return CompletenessSerializer([c.__dict__ for c in checks], many=True).data


class TextField(serializers.CharField):
    """A string, as the schema says: DRF's CharField would also take 121 or true; and no NUL
    (PostgreSQL cannot store it), which the schema says with a pattern."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(RegexValidator(r"^[^\x00]*$"))

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class AssessmentUpdateSerializer(serializers.Serializer):
    summary = TextField(max_length=20000, allow_blank=True, trim_whitespace=False)


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = [*Decision.RECORDED_FIELDS, "follow_up_done_on"]


class CaseSerializer(serializers.ModelSerializer):
    body_name = serializers.CharField(source="body.name", read_only=True)
    assessment = AssessmentSerializer(read_only=True, allow_null=True)
    decision = DecisionSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "external_id",
            "case_number",
            "title",
            "description",
            "body",
            "body_name",
            "status",
            "planned_decision_date",
            "decision_date",
            "updated_at",
            "assessment",
            "decision",
        ]
        read_only_fields = fields


class CaseUpsertSerializer(serializers.Serializer):
    """What a case-management system sends: the case as it stands there."""

    body = serializers.PrimaryKeyRelatedField(queryset=Body.objects.none())
    case_number = TextField(max_length=60)
    title = TextField(max_length=300)
    description = TextField(required=False, allow_blank=True, default="", max_length=20000)
    planned_decision_date = serializers.DateField(required=False, allow_null=True, default=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation_id = self.context.get("organisation_id")
        self.fields["body"].queryset = Body.objects.filter(organisation_id=organisation_id)

    def validate_case_number(self, value):
        external_id = self.context["external_id"]
        organisation_id = self.context["organisation_id"]
        clash = Case.objects.filter(
            organisation_id=organisation_id, case_number__iexact=value.strip()
        )
        if clash.exclude(external_id=external_id).exists():
            raise serializers.ValidationError(
                _("The organisation already has a case with that number.")
            )
        return value.strip()
