"""Schema.org structured data for articles (NewsArticle or LiveBlogPosting, BreadcrumbList)."""

from django.utils import timezone
from django.utils.html import strip_tags

from dateline.news.selectors import home_and_blog


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def article_json_ld(article, request, site_settings, lead_image_url: str | None) -> list[dict]:
    """The article's NewsArticle and BreadcrumbList, ready for the json_ld template tag."""
    url = article.get_full_url(request)
    # The edition's home page, also for a blog post, whose parent is its blog: the newsroom
    # publishes, not the blog. The same query tells the page which blog it is in.
    home = home_and_blog(article)
    publisher = _publisher(home, request, site_settings)
    news_article = _news_article(article, request, url, publisher, lead_image_url)
    return [news_article, _breadcrumbs(article, home, request, url)]


def _publisher(home, request, site_settings) -> dict:
    """The newsroom as a NewsMediaOrganization: its name, its edition's home and its logo."""
    publisher = {"@type": "NewsMediaOrganization", "name": site_settings.name}
    if home is not None:
        publisher["url"] = home.get_full_url(request)
    if site_settings.logo_id:
        logo = site_settings.logo.get_rendition("height-60|format-png")
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": logo.full_url,
            "width": logo.width,
            "height": logo.height,
        }
    return publisher


def _news_article(article, request, url: str, publisher: dict, lead_image_url) -> dict:
    """The NewsArticle (a LiveBlogPosting while the story is live)."""
    # Only a substantive update (the editors' "updated" date, a live update) counts as a
    # modification.
    modified = article.modified_at or article.published_at
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": _iso(article.published_at),
        "dateModified": _iso(max(filter(None, [modified, article.published_at]))),
        "author": [
            {"@type": "Person", "name": author.title, "url": author.get_full_url(request)}
            for author in article.author_pages
        ],
        "publisher": publisher,
        "inLanguage": article.locale.language_code,
        "articleSection": [term.title for term in article.topic_terms][:1] or None,
        "keywords": [term.title for term in article.place_terms + article.topic_terms],
    }
    if lead_image_url:
        news_article["image"] = [lead_image_url]
    _add_corrections(news_article, article.correction_list)
    if article.is_live:
        _as_live_blog(news_article, article, url)
    if not news_article["articleSection"]:
        del news_article["articleSection"]
    else:
        news_article["articleSection"] = news_article["articleSection"][0]
    return news_article


def _add_corrections(data: dict, corrections) -> None:
    """The article's published corrections, as CorrectionComments."""
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.date.isoformat(),
            }
            for correction in corrections
        ]


def _breadcrumbs(article, home, request, url: str) -> dict:
    """The BreadcrumbList: the edition's home, the story's first place, the story."""
    crumbs = []
    if home is not None:
        crumbs.append((home.title, home.get_full_url(request)))
    if article.place_terms:
        place = article.place_terms[0]
        crumbs.append((place.title, place.get_full_url(request)))
    crumbs.append((article.title, url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item_url}
            for position, (name, item_url) in enumerate(crumbs, start=1)
        ],
    }


def _as_live_blog(data: dict, article, url: str) -> None:
    """Turn a NewsArticle into the LiveBlogPosting Google asks for while a story is live."""
    updates = article.timeline
    data["@type"] = "LiveBlogPosting"
    started = min((update.published_at for update in updates), default=article.published_at)
    data["coverageStartTime"] = _iso(started)
    if article.coverage_ended_at:
        data["coverageEndTime"] = _iso(article.coverage_ended_at)
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": (update.headline or strip_tags(update.body))[:110],
            "url": f"{url}#{update.anchor}",
            "datePublished": _iso(update.published_at),
            "articleBody": strip_tags(update.body),
            **(
                {"author": {"@type": "Person", "name": update.author.title}}
                if update.author
                else {}
            ),
        }
        for update in updates
    ]
