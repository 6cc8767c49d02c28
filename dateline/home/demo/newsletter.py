"""The demo's /newsletter/ in both editions: the page with its signup form, and one issue in
each archive, assembled the way the weekly digest is and then published."""

import datetime as dt

from wagtail.models import Locale, Page

from dateline.core.models import StandardPage
from dateline.news.models import ArticlePage
from dateline.newsletter.models import NewsletterIndexPage
from dateline.newsletter.services import digests

from . import content, content_ru


def _intro(data: dict) -> str:
    return "".join(f"<p>{text}</p>" for text in [data.get("intro", ""), *data["body"][:2]] if text)


def _replace(home: Page, data: dict) -> NewsletterIndexPage:
    """The newsletter page under ``home``, replacing the standard page of that slug."""
    existing = home.get_children().filter(slug="newsletter").specific().first()
    if isinstance(existing, NewsletterIndexPage):
        return existing
    if isinstance(existing, StandardPage):
        existing.delete()
    index = NewsletterIndexPage(title=data["title"], slug="newsletter", intro=_intro(data))
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _sample_issue(index: NewsletterIndexPage, log) -> None:
    if index.get_children().exists():
        return
    newest = (
        ArticlePage.objects.live()
        .filter(locale=index.locale)
        .order_by("-first_published_at")
        .values_list("first_published_at", flat=True)
        .first()
    )
    if newest is None:
        return
    week_ending = newest + dt.timedelta(minutes=1)
    issue = digests.assemble_digest(index, week_ending=week_ending, limit=5)
    if not issue.stories.exists():  # a quiet week: take the edition's newest stories
        issue.delete()
        issue = digests.assemble_digest(
            index, week_ending=week_ending + dt.timedelta(days=365), limit=5
        )
    revision = issue.save_revision()
    revision.publish()
    issue.refresh_from_db()
    issue.first_published_at = week_ending
    issue.save(update_fields=["first_published_at"])
    log(f"Newsletter ({index.locale.language_code}): sample issue {issue.title!r}.")


def load(loader, home: Page) -> None:
    english = _replace(home, content.PAGES["newsletter"])
    _sample_issue(english, loader.log)
    ru = Locale.objects.filter(language_code="ru").first()
    ru_home = home.get_translation_or_none(ru) if ru else None
    if ru_home is None:
        return
    data = content_ru.PAGES["newsletter"]
    russian = ru_home.get_children().filter(slug="newsletter").specific().first()
    if not isinstance(russian, NewsletterIndexPage):
        if isinstance(russian, StandardPage):
            russian.delete()
        russian = english.copy_for_translation(ru, exclude_fields=[])
        russian.title = data["title"]
        russian.intro = _intro(data)
        russian.save_revision().publish()
    _sample_issue(russian, loader.log)
