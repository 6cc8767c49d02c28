"""The text of a story as feeds and partner sites receive it."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from wagtail.rich_text import expand_db_html

from dateline.multimedia.models import PodcastEpisodePage, VideoPage, VisualStoryPage
from dateline.news.models import ArticlePage

from .feeds import absolute_urls

# Blocks a partner may republish: text only. Photographs and embeds belong to their
# makers and are not covered by the republishing licence (see the Republishing page).
REPUBLISHABLE_BLOCKS = {"paragraph", "heading", "quote", "pull_quote"}


def item_summary(item) -> str:
    return getattr(item, "standfirst", "") or getattr(item, "search_description", "")


def item_content(item, request=None) -> str:
    """The full text of a feed item as HTML (root-relative links left for the caller)."""
    summary = f"<p>{escape(item_summary(item))}</p>"
    if isinstance(item, ArticlePage):
        return str(item.body)
    if isinstance(item, PodcastEpisodePage):
        return expand_db_html(item.show_notes or "") or summary
    if isinstance(item, VideoPage):
        return summary + expand_db_html(item.description or "")
    if isinstance(item, VisualStoryPage):
        return summary + str(item.body)
    return summary


def republish_html(article: ArticlePage, request, site_name: str, beacon_url: str) -> str:
    """A copy-ready HTML version of the story for a partner's site: headline, byline with
    the newsroom, the text, a canonical link back and the counting beacon."""
    url = article.get_full_url(request)
    base_url = url.split("/", 3)[:3]
    base_url = "/".join(base_url)
    blocks = [
        absolute_urls(block.render(), base_url)
        for block in article.body
        if block.block_type in REPUBLISHABLE_BLOCKS
    ]
    with translation.override(article.locale.language_code):
        return _render_copy(article, url, site_name, blocks, beacon_url)


def _render_copy(article, url, site_name, blocks, beacon_url) -> str:
    return render_to_string(
        "syndication/republish_copy.html",
        {
            "article": article,
            "url": url,
            "site_name": site_name,
            "blocks": blocks,
            "beacon_url": beacon_url,
        },
    ).strip()
