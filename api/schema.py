"""The OpenAPI schema: the token authentication, and the errors every operation can answer."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers


class OrganisationTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.OrganisationTokenAuthentication"
    name = "organisationToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`: a key an organisation admin created in Barnrätt.",
        }


_DETAIL = inline_serializer("Error", {"detail": serializers.CharField()})
ERROR_DESCRIPTIONS = {
    400: _("The request is not valid: the field names carry the reasons."),
    401: _("No token, or a token that is not valid or was revoked."),
    404: _("Not found, or not the token's organisation."),
    409: _("A decided case or a submitted assessment cannot be changed."),
    412: _("If-Match does not match the current version."),
    415: _("The body is not JSON, a form or multipart."),
    428: _("If-Match is missing."),
    429: _("Too many requests for this token: wait as long as Retry-After says."),
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    """The error answers of an operation for extend_schema(responses=…): 401 and 429 always."""
    return {
        code: OpenApiResponse(
            response=OpenApiTypes.OBJECT if code == 400 else _DETAIL,
            description=str(ERROR_DESCRIPTIONS[code]),
        )
        for code in sorted({401, 429, *codes})
    }
