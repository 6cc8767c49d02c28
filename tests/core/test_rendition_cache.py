"""An image shown again costs one cache read and nothing else (core/rendition_cache.py)."""

import contextlib
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.helpers.factories import ImageFactory

pytestmark = pytest.mark.django_db

# What a story page asks of its lead image: a <picture> and the JSON-LD's crop.
TAGS = engines["django"].from_string(
    "{% load wagtailimages_tags %}"
    '{% picture img width-{160,320} format-{webp,jpeg} sizes="100vw" alt="" %}'
    "{% image img fill-120x90 %}"
)


def shown(image) -> str:
    """The image's tags as a page renders them."""
    return TAGS.render({"img": image})


def read(image):
    """The image as a new request reads it: its own instance, no rendition prefetched."""
    return get_image_model().objects.get(pk=image.pk)


@contextlib.contextmanager
def cache_writes():
    """The keys written to the cache that holds the renditions."""
    cache, written = caches["default"], set()
    real_set, real_set_many = cache.set, cache.set_many

    def set_(key, value, *args, **kwargs):
        written.add(key)
        return real_set(key, value, *args, **kwargs)

    def set_many(data, *args, **kwargs):
        written.update(data)
        return real_set_many(data, *args, **kwargs)

    with mock.patch.object(cache, "set", set_), mock.patch.object(cache, "set_many", set_many):
        yield written


def test_an_image_shown_again_is_read_from_the_cache_and_never_written_back():
    image = ImageFactory()
    with cache_writes() as first:
        html = shown(read(image))
    assert len(first) == 5, "the five renditions made are kept for the next page"
    image = read(image)
    with cache_writes() as again, CaptureQueriesContext(connection) as queries:
        assert shown(image) == html
    assert again == set(), "renditions the cache just gave are not sent to it again"
    assert len(queries) == 0


def test_a_new_crop_is_kept_and_the_next_page_finds_it():
    image = ImageFactory()
    shown(read(image))
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 40, 30
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    with cache_writes() as written:
        shown(read(image))
    assert [key.rsplit("-", 1)[1] for key in written] == ["120x90"], "only the crop moved"
    image = read(image)
    with CaptureQueriesContext(connection) as queries:
        shown(image)
    assert len(queries) == 0
