"""The API's OpenAPI plumbing (drf-spectacular): error responses, the filters' limits, and what
an empty query parameter means. Views declare their operations with these."""

from __future__ import annotations

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "description": '{"detail": reason}, or for invalid parameters {parameter: [reasons]}.',
}
NOT_FOUND = OpenApiResponse(ERROR, description="No such resource, or no such page.")
BAD_REQUEST = OpenApiResponse(ERROR, description="A parameter could not be understood.")
MOVED = OpenApiResponse(description="The person was merged into another: `Location` is their new address.")
GONE = OpenApiResponse(
    {
        "type": "object",
        "properties": {
            "detail": {"type": "string"},
            "meeting": {"type": "string", "format": "uri", "description": "The meeting, in the API."},
        },
        "required": ["detail", "meeting"],
    },
    description="The remark left its meeting when the transcript was edited; its key is never reused.",
)
QUERY_TOO_LONG = OpenApiResponse(OpenApiTypes.STR, description="The query string is too long (an HTML page).")


def responses(ok, *, list_view: bool = False, detail: bool = False, **extra) -> dict:
    """An operation's responses: `ok` for 200, the 414 every request may get, 400 and 404 for a
    list, 404 for a resource, and any other given as r<code>=response."""
    found = {200: ok, (414, "text/html"): QUERY_TOO_LONG}
    if list_view:
        found[400] = BAD_REQUEST
        found[404] = NOT_FOUND
    if detail:
        found[404] = NOT_FOUND
    found.update({int(code[1:]): r for code, r in extra.items()})
    return found


SLUG = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$")


class ApiSchema(AutoSchema):
    """As a form reads them, an empty query parameter is one not given (no filter, the default
    order, the first page): the schema says so (`allowEmptyValue`)."""

    required_words: tuple[str, ...] = ()

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query" and parameter["name"] not in self.required_words:
                parameter["allowEmptyValue"] = True
        return parameters


class FilterBackendSchema(DjangoFilterExtension):
    """The filters' parameters with the FilterSet form's limits (length, range)."""

    target_class = "meetings.opendata.api.base.FilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        limits = {"max_length": "maxLength", "min_value": "minimum", "max_value": "maximum"}
        for parameter in parameters:
            for option, keyword in limits.items():
                if filter_field.extra.get(option) is not None:
                    parameter["schema"][keyword] = filter_field.extra[option]
        return parameters
