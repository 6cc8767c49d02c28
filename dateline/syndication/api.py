"""The read-only API at /api/v2/: articles, podcast episodes and the taxonomy.

Built on Wagtail's API v2 (Django REST framework): paginated with ?limit= and ?offset=,
?locale=en|ru for an edition, ?fields= to choose fields, ?search= for keyword search.
Articles and episodes also take ?place=, ?topic= (a term's id or slug) and
?published_after= / ?published_before= (YYYY-MM-DD). Every error is {"message": ...}.
The OpenAPI description at /api/v2/openapi.json is built from these classes (openapi/).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import AutoField, BooleanField, Field, ForeignKey, IntegerField, Q
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import StreamField
from wagtail.models import Page

from dateline.multimedia import selectors as media_selectors
from dateline.multimedia.models import MediaTag, PodcastEpisodePage
from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage, ArticleTag
from dateline.taxonomy.models import PLACE_TERM_MODELS, TERM_MODELS, TOPIC_TERM_MODELS

from .api_fields import AudioField, AuthorsField, ImageURLField, TermsField, URLField


def filterable_fields(viewset, model) -> list[str]:
    """The model fields that ?name=value filters on: a single column each. Reverse relations
    (?authors=) and StreamFields (?body=) have no one value to compare with; ?locale= is a
    filter of its own."""
    names = viewset.get_available_fields(model, db_fields_only=True)
    return [
        name
        for name in names
        if name != "locale"
        and (field := model._meta.get_field(name)).concrete
        and not isinstance(field, StreamField)
    ]


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ?name=value filters, each value first checked by its model field, so that a
    value the column cannot hold (a date, a UUID, a number too large) is a 400, not a 500."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        allowed = set(filterable_fields(view, model))
        for name in set(view.get_available_fields(model, db_fields_only=True)) & set(request.GET):
            if name == "locale":
                continue
            if name not in allowed:
                raise BadRequestError(_("Items cannot be filtered by %(name)s.") % {"name": name})
            self.check_value(model._meta.get_field(name), name, request.GET[name])
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def check_value(field: Field, name: str, value: str) -> None:
        if isinstance(field, ForeignKey):
            field = field.target_field
        try:
            if isinstance(field, IntegerField | AutoField):
                # Larger than any 64-bit column: SQLite could not even bind it.
                if not -(2**63) <= int(value) < 2**63:
                    raise ValueError(value)
            elif not isinstance(field, BooleanField):
                field.to_python(value)
        except (ValueError, ValidationError):
            raise BadRequestError(
                _("“%(value)s” is not a possible %(name)s.") % {"value": value[:40], "name": name}
            ) from None


def _parse_date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(
            _("%(name)s must be a date written YYYY-MM-DD, not “%(value)s”.")
            % {"name": name, "value": value[:40]}
        ) from None


SEARCH_OPERATORS = ("and", "or")


def nothing_here_message() -> str:
    """The API's 404, for an address that names nothing."""
    return _("There is nothing at this address in the API; its endpoints are listed in "
             "/api/v2/openapi.json.")  # fmt: skip


def is_page_id(value: str) -> bool:
    """ASCII digits of a size a database id can have ("²" is a digit to isdigit())."""
    return value.isascii() and value.isdigit() and len(value) < 19


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint as every Dateline endpoint serves it: open to all, with
    checked filters, and every error answered as {"message": ...}."""

    permission_classes = [AllowAny]
    # JSON only: DRF's browsable HTML view needs inline styles, which the site's
    # Content-Security-Policy refuses; partners read JSON and openapi.json describes it.
    renderer_classes = [JSONRenderer]
    filter_backends = [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def refuse_nul(self) -> None:
        # PostgreSQL cannot compare a text column with a string holding NUL: without this,
        # ?place=, ?locale= or ?html_path= with one would be a 500.
        for name, value in self.request.GET.items():
            if "\x00" in value:
                raise BadRequestError(
                    _("%(name)s cannot contain a NUL character.") % {"name": name[:40]}
                )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.refuse_nul()

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        # Wagtail passes any operator to the search backend, which ignores or fails on it.
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(
                _("search_operator must be “and” or “or”, not “%(value)s”.")
                % {"value": operator[:40]}
            )

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # DRF words its own refusals (405, 406) as {"detail": ...}, Wagtail as {"message": ...}:
        # partners get one shape.
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response

    def detail_view(self, request, pk):
        # The address's number is matched by the URL pattern as any digits: one too big
        # for the database's ids is no page, not a database error.
        if not is_page_id(str(pk)):
            raise Http404(nothing_here_message())
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not is_page_id(value):
            raise BadRequestError(
                _("id must be a page's number, not “%(value)s”.") % {"value": value[:40]}
            )
        return super().find_object(queryset, request)


class StoryEndpointMixin:
    """What the story endpoints share: ?place=, ?topic=, ?published_after= and
    ?published_before= for a tagged page type, newest first unless ?order= says otherwise,
    and the fields every story has."""

    tag_model = ArticleTag
    filter_parameters = frozenset(["place", "topic", "published_after", "published_before"])
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(filter_parameters)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "url": URLField(),
            "places": TermsField("place"),
            "topics": TermsField("topic"),
            "lead_image": ImageURLField(),
            "published_at": serializers.DateTimeField(read_only=True),
        }

    def get_queryset(self):
        queryset = self.filter_stories(super().get_queryset())
        if "order" not in self.request.GET:
            queryset = queryset.order_by("-first_published_at", "-pk")
        return queryset

    def filter_stories(self, queryset):
        params = self.request.GET
        for name, models in (("place", PLACE_TERM_MODELS), ("topic", TOPIC_TERM_MODELS)):
            value = params.get(name)
            if not value:
                continue
            terms = Page.objects.type(*models)
            terms = terms.filter(pk=int(value)) if is_page_id(value) else terms.filter(slug=value)
            term_ids = list(terms.values_list("pk", flat=True))
            if not term_ids:
                raise BadRequestError(
                    _("No %(kind)s is called “%(value)s”.") % {"kind": name, "value": value[:60]}
                )
            # A region or topic includes its places or collections.
            children = Page.objects.filter(
                Q(path__startswith=terms.first().path) & Q(depth=terms.first().depth + 1)
            ).values_list("pk", flat=True)
            ids = term_ids + list(children)
            tagged = self.tag_model.objects.filter(term_id__in=ids).values("page_id")
            queryset = queryset.filter(pk__in=tagged)
        if params.get("published_after"):
            day = _parse_date("published_after", params["published_after"])
            queryset = queryset.filter(first_published_at__date__gte=day)
        if params.get("published_before"):
            day = _parse_date("published_before", params["published_before"])
            queryset = queryset.filter(first_published_at__date__lte=day)
        return queryset


STORY_BODY_FIELDS = [
    "url",
    "standfirst",
    "places",
    "topics",
    "lead_image",
    "published_at",
]


class ArticlesAPIViewSet(StoryEndpointMixin, PublicPagesAPIViewSet):
    """Articles and blog posts, newest first."""

    model = ArticlePage
    body_fields = PagesAPIViewSet.body_fields + [
        *STORY_BODY_FIELDS,
        "authors",
        "updated_at",
        "body",
        "republishable",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "url",
        "standfirst",
        "published_at",
        "places",
        "topics",
    ]
    name = "articles"

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "authors": AuthorsField(),
        }

    def get_base_queryset(self):
        return super().get_base_queryset().type(ArticlePage)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("locale").prefetch_related(*news_selectors.card_prefetches())


class EpisodesAPIViewSet(StoryEndpointMixin, PublicPagesAPIViewSet):
    """Podcast episodes with their audio files, newest first."""

    model = PodcastEpisodePage
    tag_model = MediaTag
    body_fields = PagesAPIViewSet.body_fields + [
        *STORY_BODY_FIELDS,
        "audio",
        "season_number",
        "episode_number",
        "episode_type",
        "explicit",
        "show_notes",
        "transcript",
        "chapter_list",
        "guid",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "url",
        "standfirst",
        "published_at",
        "audio",
    ]
    name = "episodes"

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "audio": AudioField(),
            "chapter_list": serializers.ListField(read_only=True),
        }

    def get_base_queryset(self):
        return super().get_base_queryset().type(PodcastEpisodePage)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("audio", "locale").prefetch_related(
            *media_selectors.media_card_prefetches()
        )


class TermsAPIViewSet(PublicPagesAPIViewSet):
    """Regions, places, topics and collections, in tree order (?type=taxonomy.RegionPage)."""

    body_fields = PagesAPIViewSet.body_fields + ["url"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["url"]
    name = "terms"

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "url": URLField()}

    def get_base_queryset(self):
        return super().get_base_queryset().type(*TERM_MODELS)


# Each endpoint's name is its address under /api/v2/ (DRF's as_view() resets the classes'
# own `name`, so this table is where openapi/ reads it).
ENDPOINTS = {
    "articles": ArticlesAPIViewSet,
    "episodes": EpisodesAPIViewSet,
    "terms": TermsAPIViewSet,
}
api_router = WagtailAPIRouter("wagtailapi")
for endpoint_name, viewset in ENDPOINTS.items():
    api_router.register_endpoint(endpoint_name, viewset)
