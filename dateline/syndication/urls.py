"""Addresses of the syndication floor. `urlpatterns` are the same for every edition;
`edition_patterns` sit inside i18n_patterns (English at /, Russian under /ru/)."""

from django.urls import path, re_path

from . import views
from .api import api_router

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<str:language_code>.xml", views.sitemap_pages, name="sitemap_pages"),
    path("news-sitemap-<str:language_code>.xml", views.sitemap_news, name="sitemap_news"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("republish/<int:article_id>/pixel.gif", views.republish_beacon, name="republish_beacon"),
    path("feeds/chapters/<int:episode_id>.json", views.podcast_chapters, name="podcast_chapters"),
    path("api/v2/openapi.json", views.openapi_description, name="openapi"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*)$", views.api_not_found, name="api_not_found"),
]

edition_patterns = [
    re_path(r"^feeds/(?P<kind>rss|atom)/$", views.feed, name="feed"),
    path("feeds/podcast/<path:path>/", views.podcast_feed, name="podcast_feed"),
    re_path(r"^feeds/(?P<kind>rss|atom)/(?P<path>.+)/$", views.feed, name="feed_page"),
]
