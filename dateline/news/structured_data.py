"""Schema.org structured data for articles (NewsArticle, BreadcrumbList)."""

from django.utils import timezone


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def article_json_ld(article, request, site_settings, lead_image_url: str | None) -> list[dict]:
    """The article's NewsArticle and BreadcrumbList, ready for the json_ld template tag."""
    url = article.get_full_url(request)
    home = article.get_parent()
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
    # Only a substantive update (the editors' "updated" date) counts as a modification.
    modified = article.updated_at or article.published_at
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
    if not news_article["articleSection"]:
        del news_article["articleSection"]
    else:
        news_article["articleSection"] = news_article["articleSection"][0]

    crumbs = []
    if home is not None:
        crumbs.append((home.title, home.get_full_url(request)))
    if article.place_terms:
        place = article.place_terms[0]
        crumbs.append((place.title, place.get_full_url(request)))
    crumbs.append((article.title, url))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item_url}
            for position, (name, item_url) in enumerate(crumbs, start=1)
        ],
    }
    return [news_article, breadcrumbs]
