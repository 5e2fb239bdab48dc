"""What every view of the API shares: GET and HEAD only, open to any site, the pages' FilterSets
(invalid values: 400) and JSON errors."""

from __future__ import annotations

import django_filters
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError

from meetings.http.redirects import moved_permanently

from .pagination import ArchivePagination
from .schema import ApiSchema

YES_OR_NO = {"true", "false", "1", "0"}  # as BooleanWidget reads them (any case)
PAGING = ("page", "page_size", "format")  # what every list takes beside its filters


def refuse_unknown(request, takes) -> None:
    """A 400 naming the first parameter the list does not take (a misspelt or unsupported filter
    would otherwise be ignored, and the whole list answered as if filtered)."""
    allowed = set(takes) | set(PAGING)
    for name in request.query_params:
        if name not in allowed:
            raise ValidationError(
                {name: ["Unknown parameter. This list takes: " + ", ".join(sorted(allowed)) + "."]}
            )


class FilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend (invalid values: 400 with the FilterSet form's reasons), refusing too a
    parameter that is no filter of the list nor paging (the view's `more_params` beside them) and
    a yes/no filter that is neither yes nor no (its widget, BooleanWidget as on the pages, reads
    true/false and 1/0 in any case, and anything else as "either")."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None:
            return None
        refuse_unknown(request, [*filterset.filters, *getattr(view, "more_params", ())])
        view.filterset = filterset  # what the filters found, for the view (stored_listing)
        for name, field in filterset.filters.items():
            value = request.query_params.get(name)
            if isinstance(field, django_filters.BooleanFilter) and value and value.lower() not in YES_OR_NO:
                raise ValidationError({name: ["Expected true or false."]})
        return filterset


class ReadOnly:
    # GET and HEAD only: other methods (OPTIONS too) answer 405 with an Allow header.
    http_method_names = ["get", "head"]
    schema = ApiSchema()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # open data, as the exports: any site may read it
        return response


def filtered(request) -> set[str]:
    """The filters a list request sets (every parameter but paging and format)."""
    return {
        k for k, v in request.query_params.items() if v.strip() and k not in ("page", "page_size", "format")
    }


class ListView(ReadOnly, generics.ListAPIView):
    pagination_class = ArchivePagination
    filter_backends = [FilterBackend]


class SlugResource:
    # A resource under /<kind>/<slug>/: the view finds `self.found` first with the model's
    # `objects.resolve` (an old slug finds the person or topic it names now) and answers an old
    # slug with a 301 to `view_name` under the slug it has now. (A comment, not a docstring:
    # drf-spectacular would publish a docstring as the description.)

    model: type
    noun: str
    view_name: str

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        found = self.model.objects.resolve(slug)  # type: ignore[attr-defined]
        if found is None:
            raise NotFound(f"No such {self.noun}.")
        if found.slug != slug:
            return moved_permanently(request, reverse(self.view_name, kwargs={"slug": found.slug}))
        self.found = found
        return super().get(request, *args, **kwargs)  # type: ignore[misc]


class DetailView(ReadOnly, generics.RetrieveAPIView):
    filter_backends: list = []
    lookup_field = "slug"
    noun = "resource"

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise NotFound(f"No such {self.noun}.") from None


@csrf_exempt
def not_found(request, rest=""):
    """Anything else under /api/ read with GET or HEAD (other methods have their 405 before any
    view: ReadOnlyMiddleware): a JSON 404, or, as for the pages, a redirect to the address with
    its trailing slash."""
    path = request.path_info
    if request.method in ("GET", "HEAD") and not path.endswith("/"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return moved_permanently(request, request.path + "/")
    return JsonResponse({"detail": "No such resource in this API. Start at /api/."}, status=404)
