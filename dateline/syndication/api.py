"""The read-only API at /api/v2/: articles, podcast episodes and the taxonomy.

Built on Wagtail's API v2 (Django REST framework): paginated with ?limit= and ?offset=,
?locale=en|ru for an edition, ?fields= to choose fields, ?search= for keyword search.
Articles and episodes also take ?place=, ?topic= (a term's id or slug) and
?published_after= / ?published_before= (YYYY-MM-DD).
"""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from dateline.multimedia import selectors as media_selectors
from dateline.multimedia.models import MediaTag, PodcastEpisodePage
from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage, ArticleTag
from dateline.taxonomy.models import PLACE_TERM_MODELS, TERM_MODELS, TOPIC_TERM_MODELS


def _term(term) -> dict:
    return {"id": term.pk, "title": term.title, "slug": term.slug}


class TermsField(serializers.Field):
    """A list of {id, title, slug} for the place or topic terms of a story."""

    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [_term(t) for t in getattr(page, f"{self.kind}_terms", [])]


class AuthorsField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [
            {"id": a.pk, "name": a.title, "url": a.get_full_url()}
            for a in getattr(page, "author_pages", [])
        ]


class ImageURLField(serializers.Field):
    """The lead image as a 1200px-wide JPEG with its alternative text."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        if not page.lead_image_id:
            return None
        rendition = page.lead_image.get_rendition("width-1200|format-jpeg")
        return {
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.lead_image_alt_text,
        }


class URLField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page.get_full_url()


class AudioField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, episode):
        if episode.audio is None:
            return None
        url = episode.audio.file.url
        if url.startswith("/"):
            url = episode.get_site().root_url + url
        return {
            "url": url,
            "type": episode.audio_type,
            "size": episode.audio_size,
            "duration": episode.duration,
        }


def _parse_date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(
            _("%(name)s must be a date written YYYY-MM-DD, not “%(value)s”.")
            % {"name": name, "value": value[:40]}
        ) from None


class StoryFiltersMixin:
    """?place=, ?topic=, ?published_after=, ?published_before= for a tagged page type."""

    tag_model = ArticleTag
    filter_parameters = frozenset(["place", "topic", "published_after", "published_before"])

    def filter_stories(self, queryset):
        params = self.request.GET
        for name, models in (("place", PLACE_TERM_MODELS), ("topic", TOPIC_TERM_MODELS)):
            value = params.get(name)
            if not value:
                continue
            terms = Page.objects.type(*models)
            # ASCII digits of a size a database id can have ("²" is a digit to isdigit()).
            is_id = value.isascii() and value.isdigit() and len(value) < 19
            terms = terms.filter(pk=int(value)) if is_id else terms.filter(slug=value)
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


class ArticlesAPIViewSet(StoryFiltersMixin, PagesAPIViewSet):
    """Articles and blog posts, newest first."""

    model = ArticlePage
    permission_classes = [AllowAny]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        StoryFiltersMixin.filter_parameters
    )
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
            "url": URLField(),
            "places": TermsField("place"),
            "topics": TermsField("topic"),
            "authors": AuthorsField(),
            "lead_image": ImageURLField(),
            "published_at": serializers.DateTimeField(read_only=True),
        }

    def get_base_queryset(self):
        return super().get_base_queryset().type(ArticlePage)

    def get_queryset(self):
        queryset = self.filter_stories(super().get_queryset())
        if "order" not in self.request.GET:
            queryset = queryset.order_by("-first_published_at", "-pk")
        return queryset.select_related("locale").prefetch_related(*news_selectors.card_prefetches())


class EpisodesAPIViewSet(StoryFiltersMixin, PagesAPIViewSet):
    """Podcast episodes with their audio files, newest first."""

    model = PodcastEpisodePage
    tag_model = MediaTag
    permission_classes = [AllowAny]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        StoryFiltersMixin.filter_parameters
    )
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
            "url": URLField(),
            "places": TermsField("place"),
            "topics": TermsField("topic"),
            "lead_image": ImageURLField(),
            "audio": AudioField(),
            "published_at": serializers.DateTimeField(read_only=True),
            "chapter_list": serializers.ListField(read_only=True),
        }

    def get_base_queryset(self):
        return super().get_base_queryset().type(PodcastEpisodePage)

    def get_queryset(self):
        queryset = self.filter_stories(super().get_queryset())
        if "order" not in self.request.GET:
            queryset = queryset.order_by("-first_published_at", "-pk")
        return queryset.select_related("audio", "locale").prefetch_related(
            *media_selectors.media_card_prefetches()
        )


class TermsAPIViewSet(PagesAPIViewSet):
    """Regions, places, topics and collections, in tree order (?type=taxonomy.RegionPage)."""

    permission_classes = [AllowAny]
    body_fields = PagesAPIViewSet.body_fields + ["url"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["url"]
    name = "terms"

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "url": URLField()}

    def get_base_queryset(self):
        return super().get_base_queryset().type(*TERM_MODELS)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("articles", ArticlesAPIViewSet)
api_router.register_endpoint("episodes", EpisodesAPIViewSet)
api_router.register_endpoint("terms", TermsAPIViewSet)
