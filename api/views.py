"""The case API: upsert cases by their id in the case-management system; read assessments."""

import datetime
import re

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import exports, services
from assessments.filters import CaseFilter
from assessments.models import Assessment, Case
from organisations.models import Organisation

from .schema import errors
from .serializers import (
    AssessmentSerializer,
    AssessmentUpdateSerializer,
    CaseSerializer,
    CaseUpsertSerializer,
)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The assessment was changed after you read it (If-Match does not match).")
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = _("Send If-Match with the ETag you read, so that no change is overwritten.")
    default_code = "precondition_required"


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def scoped_cases(request):
    """The token's organisation's cases and nothing else (the same scope as the pages)."""
    return (
        Case.objects.visible_to(request.user)
        .filter(organisation_id=request.user.organisation_id)
        .select_related("body", "assessment__template_version", "decision")
    )


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class SearchField(forms.CharField):
    """The search words: a NUL (which no case holds) is dropped, not answered with 400."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class ApiFilterForm(forms.Form):
    """`?body=` is not a filter left out but a value that is not an integer: refused, as the
    schema says (only the search may be empty)."""

    def clean(self):
        for name in self.fields:
            if name != "q" and name in self.data and not self.data[name].strip():
                self.add_error(name, forms.Field.default_error_messages["required"])
        return super().clean()


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 time given back in UTC. Python accepts offsets up to ±23:59 where PostgreSQL
    stops at ±15:59, and a time at the calendar's edge may not exist in UTC: such input is
    refused here as an invalid time (400), never passed on to the database (500)."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class ApiCaseFilter(CaseFilter):
    """The case list's filters, with ids instead of the page's menus: an id the token does not
    see finds nothing (the list is already narrowed to the token's organisation)."""

    body = IntegerFilter(field_name="body_id", min_value=1, max_value=2**31 - 1)
    officer = IntegerFilter(field_name="officer_id", min_value=1, max_value=2**31 - 1)
    organisation = IntegerFilter(field_name="organisation_id", min_value=1, max_value=2**31 - 1)
    article = IntegerFilter(
        field_name="assessment__articles__number", min_value=1, max_value=2**31 - 1
    )
    year = IntegerFilter(method="filter_year", min_value=1900, max_value=2999)
    q = SearchFilter(method="search")
    updated_since = UtcDateTimeFilter(method="filter_updated_since")

    class Meta(CaseFilter.Meta):
        form = ApiFilterForm
        fields = [*CaseFilter.Meta.fields, "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """Cases changed at or after `value`, or whose assessment was: a diarium that keeps the
        time of its last sync asks only for what changed since (each side on its own index)."""
        changed = Assessment.objects.filter(
            organisation_id=self.request.user.organisation_id, updated_at__gte=value
        ).values("case_id")
        return queryset.filter(Q(updated_at__gte=value) | Q(pk__in=changed))

    def __init__(self, *args, user, **kwargs):
        # Not CaseFilter's: it fills the page's menus, which these ids do without.
        super(CaseFilter, self).__init__(*args, **kwargs)


class CaseFilterBackend(DjangoFilterBackend):
    """django-filter's DRF integration with the case list page's FilterSet, which offers only
    the bodies and officers the caller may see."""

    def get_filterset_kwargs(self, request, queryset, view):
        return super().get_filterset_kwargs(request, queryset, view) | {"user": request.user}


# Integers, as the schema says (django-filter's NumberFilter would take 1.5).
_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
_CHOICE_FILTERS = [
    OpenApiParameter("body", _ID, description="A body's id."),
    OpenApiParameter("officer", _ID, description="A case officer's user id."),
    OpenApiParameter("article", _ID, description="An article of the convention."),
    OpenApiParameter(
        "year",
        {"type": "integer", "minimum": 1900, "maximum": 2999},
        description="The year decided, or created.",
    ),
    OpenApiParameter("organisation", _ID, description="An organisation's id."),
    OpenApiParameter(
        "decided_year",
        {"type": "integer", "minimum": 1900, "maximum": 2999},
        description="The year of the decision (the yearly account's year).",
    ),
    OpenApiParameter(
        "target_area",
        {"type": "integer", "minimum": 1, "maximum": 99},
        description="A public-health target area's number that the decision concerned.",
    ),
    OpenApiParameter(
        "updated_since",
        {"type": "string", "format": "date-time"},
        description=(
            "Only cases changed at or after this moment, their assessment's changes included "
            "(ISO 8601, such as 2026-11-01T08:00:00+01:00; without an offset, Swedish time). "
            "Keep the time you asked at and send it next time for an incremental sync."
        ),
    ),
]


@extend_schema(parameters=_CHOICE_FILTERS, responses={200: CaseSerializer, **errors(400)})
class CaseList(generics.ListAPIView):
    """Cases of the token's organisation, filtered like the case list page."""

    serializer_class = CaseSerializer
    filter_backends = [CaseFilterBackend]
    filterset_class = ApiCaseFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reads the filters
            return Case.objects.none()
        return scoped_cases(self.request).order_by("-created_at", "-id")


@extend_schema(responses={200: CaseSerializer, **errors(404)})
class CaseDetail(generics.RetrieveAPIView):
    serializer_class = CaseSerializer

    def get_queryset(self):
        return scoped_cases(self.request)


class CaseUpsert(APIView):
    """Create or update a case by its id in the case-management system. The same request twice
    changes nothing; a decided case is not changed (409)."""

    @extend_schema(
        request=CaseUpsertSerializer,
        responses={200: CaseSerializer, 201: CaseSerializer, **errors(400, 409, 415)},
    )
    def put(self, request, external_id):
        organisation = Organisation.objects.get(pk=request.user.organisation_id)
        serializer = CaseUpsertSerializer(
            data=request.data,
            context={"external_id": external_id, "organisation_id": organisation.pk},
        )
        serializer.is_valid(raise_exception=True)
        try:
            case, created = services.upsert_case(
                organisation, by=request.user, external_id=external_id, **serializer.validated_data
            )
        except services.TransitionError as error:
            raise Conflict(error.messages[0]) from error
        case = scoped_cases(request).get(pk=case.pk)
        return Response(
            CaseSerializer(case).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def _etag(assessment) -> str:
    return f'"{assessment.lock_version}"'


# RFC 9110 8.8.3 and 13.1.1: "*", or a list of entity tags, weak ones marked W/.
IF_MATCH = r'^(\*|(W/)?"[!#-~]*"( *, *(W/)?"[!#-~]*")*)$'
_IF_MATCH = re.compile(IF_MATCH)


def _if_match(header: str, assessment) -> bool:
    """Whether "*" or one of the listed strong ETags matches the current version; a weak W/
    tag never does: If-Match compares strongly (RFC 9110 13.1.1)."""
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or _etag(assessment) in tags


class BadIfMatch(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _('If-Match is "*" or ETags in double quotes, separated by commas.')
    default_code = "bad_if_match"


class AssessmentDetail(APIView):
    """Read a case's assessment (with an ETag); change its summary with If-Match."""

    def _assessment(self, request, pk):
        case = get_object_or_404(scoped_cases(request), pk=pk)
        if getattr(case, "assessment", None) is None:
            raise Http404
        return case.assessment

    @extend_schema(responses={200: AssessmentSerializer, **errors(404)})
    def get(self, request, pk):
        assessment = self._assessment(request, pk)
        return Response(AssessmentSerializer(assessment).data, headers={"ETag": _etag(assessment)})

    @extend_schema(
        request=AssessmentUpdateSerializer,
        responses={200: AssessmentSerializer, **errors(400, 404, 409, 412, 415, 428)},
        parameters=[
            OpenApiParameter(
                "If-Match",
                {"type": "string", "minLength": 1, "pattern": IF_MATCH},
                OpenApiParameter.HEADER,
                required=True,
                description='The ETag read with GET, such as "3", or * for any current version.',
            )
        ],
    )
    def patch(self, request, pk):
        assessment = self._assessment(request, pk)
        serializer = AssessmentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if_match = request.headers.get("If-Match")
        if not if_match:
            raise PreconditionRequired
        if not _IF_MATCH.match(if_match.strip(" \t")):
            raise BadIfMatch
        if not _if_match(if_match, assessment):
            raise PreconditionFailed
        try:
            with transaction.atomic():
                updated = services.save_answers(
                    assessment,
                    by=request.user,
                    answers=assessment.answers,
                    expected_version=assessment.lock_version,
                    summary=serializer.validated_data["summary"],
                )
        except services.StaleAssessment as stale:
            raise PreconditionFailed from stale
        except services.TransitionError as error:
            raise Conflict(error.messages[0]) from error
        return Response(AssessmentSerializer(updated).data, headers={"ETag": _etag(updated)})


class _FileRenderer(BaseRenderer):
    """Lets a client ask for the file's own type in Accept. The file is an HttpResponse that no
    renderer touches, and errors are rendered as JSON (AssessmentFile.handle_exception)."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data, renderer_context=renderer_context)


class _PdfRenderer(_FileRenderer):
    media_type, format = "application/pdf", "pdf"


class _DocxRenderer(_FileRenderer):
    media_type, format = DOCX, "docx"


class AssessmentFile(APIView):
    """The assessment as the case file keeps it: the same PDF and Word file as the case page's
    downloads, for the token's organisation's cases only (404 for any other)."""

    file_format = "pdf"

    def handle_exception(self, exc):
        # An error is JSON, whichever file type the client asked for.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def get(self, request, pk):
        # The schema names the formats `?format=` may take (json and the file's); DRF passes an
        # empty one over as if it were absent, so it is refused here like an unknown one.
        if request.query_params.get("format") == "":
            raise Http404
        case = get_object_or_404(
            scoped_cases(request).select_related("organisation", "officer"), pk=pk
        )
        if getattr(case, "assessment", None) is None:
            raise Http404
        if self.file_format == "pdf":
            content, content_type = exports.assessment_pdf(case), PDF
        else:
            content, content_type = exports.assessment_docx(case), DOCX
        response = HttpResponse(content, content_type=content_type)
        name = slugify(f"barnets-basta-{case.case_number}") or "barnets-basta"
        response["Content-Disposition"] = f'attachment; filename="{name}.{self.file_format}"'
        response["Last-Modified"] = http_date(case.assessment.updated_at.timestamp())
        return response


@extend_schema(responses={(200, PDF): OpenApiTypes.BINARY, **errors(404)})
class AssessmentPdf(AssessmentFile):
    """The assessment as PDF (tagged PDF/UA), to keep in the case file."""

    renderer_classes = [JSONRenderer, _PdfRenderer]
    file_format = "pdf"


@extend_schema(responses={(200, DOCX): OpenApiTypes.BINARY, **errors(404)})
class AssessmentDocx(AssessmentFile):
    """The assessment as a Word file, to attach to the officer's report."""

    renderer_classes = [JSONRenderer, _DocxRenderer]
    file_format = "docx"


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """No such path in the API: 404 in JSON (401 without a token, as everywhere)."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise NotFound

    get = post = put = patch = delete = head = options = http_method_not_allowed
