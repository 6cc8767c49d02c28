from django import template
from wagtail.models import Site

from dateline.core.models import SiteSettings
from dateline.news.structured_data import article_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, article, lead_image_url=None) -> list[dict]:
    request = context.get("request")
    site_settings = (
        SiteSettings.for_request(request)
        if request
        else SiteSettings.for_site(Site.objects.get(is_default_site=True))
    )
    return article_json_ld(article, request, site_settings, lead_image_url)


@register.simple_tag
def blog_of(article):
    """The blog a blog post belongs to (one query), or None for a news story."""
    from dateline.news.selectors import label_blog_posts

    if not hasattr(article, "blog"):
        label_blog_posts([article])
    return article.blog
