from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.audience import views as audience_views
from dateline.news import views as news_views
from dateline.newsletter import views as newsletter_views
from dateline.search import views as search_views
from dateline.syndication import urls as syndication_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Sitemaps, robots.txt, the republishing beacon, podcast chapters and the API (/api/v2/).
    path("", include(syndication_urls.urlpatterns)),
    path("live/<int:page_id>/updates/", news_views.live_updates, name="live_updates"),
    path("audience/views/", audience_views.view_beacon, name="audience_view"),
    # RFC 8058 one-click unsubscribe: one address for every edition, POSTed by mail clients.
    path(
        "newsletter-unsubscribe/<str:token>/",
        newsletter_views.one_click,
        name="newsletter_one_click",
    ),
    # Bounces and complaints from an email service (django-anymail), if the newsroom uses one.
    path("anymail/", include("anymail.urls")),
]

if settings.DATELINE_SERVE_MEDIA:
    # The embedded default serves uploads itself; production leaves them to nginx or S3.
    from dateline.core.views import serve_media

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

# Each edition's pages: English unprefixed, Russian under /ru/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
    path("", include(syndication_urls.edition_patterns)),  # feeds
    path("newsletter/", include("dateline.newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "dateline.core.views.page_not_found"
handler500 = "dateline.core.views.server_error"
