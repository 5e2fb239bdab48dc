"""The API's OpenAPI plumbing (drf-spectacular): error responses, the filters' limits, what an
empty query parameter means, and null written the way strict validators read it. Views declare
their operations with these.

The schema is OpenAPI 3.1 (`OAS_VERSION` in the settings), whose schemas are plain JSON Schema
2020-12: a value that may be null has "null" among its types, or a `oneOf` with `{"type": "null"}`.
OpenAPI 3.0's `nullable: true` means nothing there, and beside an `allOf` it never meant null to a
strict 3.0 validator either; `strict_nullable` rewrites any that a library still writes."""

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
TOPIC_MOVED = OpenApiResponse(
    description="A slug a rebuild moved (the label reads otherwise, or the topic is now counted under "
    "another's key): `Location` is the topic's address now."
)
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


def _null_allowed(schema: dict) -> dict:
    """A JSON Schema that also accepts null, from one that said so with OpenAPI 3.0's `nullable`."""
    schema = dict(schema)
    del schema["nullable"]
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
        return schema
    if isinstance(kind, list):
        schema["type"] = [*kind, *(["null"] if "null" not in kind else [])]
        return schema
    # An object by reference (`$ref`, or `allOf: [{$ref}]` carrying a description): one of it or null.
    outer = {k: schema.pop(k) for k in ("description", "title", "readOnly", "deprecated") if k in schema}
    if list(schema) == ["allOf"] and len(schema["allOf"]) == 1:
        schema = schema["allOf"][0]
    return {"oneOf": [schema, {"type": "null"}], **outer}


def _rewrite_nullable(node):
    if isinstance(node, dict):
        node = {key: _rewrite_nullable(value) for key, value in node.items()}
        if node.get("nullable") is True:
            return _null_allowed(node)
        node.pop("nullable", None)
        return node
    if isinstance(node, list):
        return [_rewrite_nullable(item) for item in node]
    return node


def strict_nullable(result, generator, request, public):
    """Postprocessing hook: no `nullable` left anywhere in the schema (see the module's docstring)."""
    return _rewrite_nullable(result)


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
