"""The case API: upsert cases by their id in the case-management system; read assessments."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import services
from assessments.filters import CaseFilter
from assessments.models import Case
from organisations.models import Organisation

from .schema import errors
from .serializers import (
    AssessmentSerializer,
    AssessmentUpdateSerializer,
    CaseSerializer,
    CaseUpsertSerializer,
)


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


class CaseFilterBackend(DjangoFilterBackend):
    """django-filter's DRF integration with the case list page's FilterSet, which offers only
    the bodies and officers the caller may see."""

    def get_filterset_kwargs(self, request, queryset, view):
        return super().get_filterset_kwargs(request, queryset, view) | {"user": request.user}


# The choices of these filters depend on the token; the schema gives their type.
_CHOICE_FILTERS = [
    OpenApiParameter("body", OpenApiTypes.INT, description="A body's id."),
    OpenApiParameter("officer", OpenApiTypes.INT, description="A case officer's user id."),
    OpenApiParameter("article", OpenApiTypes.INT, description="An article of the convention."),
]


@extend_schema(parameters=_CHOICE_FILTERS, responses={200: CaseSerializer, **errors(400)})
class CaseList(generics.ListAPIView):
    """Cases of the token's organisation, filtered like the case list page."""

    serializer_class = CaseSerializer
    filter_backends = [CaseFilterBackend]
    filterset_class = CaseFilter

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


def _if_match(header: str, assessment) -> bool:
    """RFC 9110 13.1.1: "*" matches any current version; otherwise one of the listed strong
    ETags must be the current one (a weak W/ tag never matches)."""
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or _etag(assessment) in tags


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
                OpenApiTypes.STR,
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
