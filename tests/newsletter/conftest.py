"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the newsletter's tests."""

import pytest
from aiosmtpd.controller import Controller

from tests.helpers.mail import Sink
from tests.helpers.servers import free_port


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    # RFC 8058 wants https links; the emails use the public address.
    settings.DATELINE_BASE_URL = "https://news.example.org"
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture
def newsletter(site):
    """The English edition's /newsletter/ archive, replacing the small newsroom's page."""
    from dateline.newsletter.models import NewsletterIndexPage

    site["newsletter"].delete()
    index = NewsletterIndexPage(title="Newsletter", slug="newsletter")
    site["home"].add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_issue(site, newsletter):
    from dateline.newsletter.models import IssueStory, NewsletterIssuePage
    from tests.helpers.factories import make_articles

    def make(title="The week", stories=2, parent=None):
        issue = NewsletterIssuePage(title=title, slug=title.lower().replace(" ", "-"))
        articles = make_articles(site, stories) if stories else []
        issue.stories = [IssueStory(article=a, sort_order=n) for n, a in enumerate(articles)]
        (parent or newsletter).add_child(instance=issue)
        issue.save_revision().publish()
        return issue

    return make


@pytest.fixture
def subscribers(db):
    """make(count, **fields): confirmed English subscribers reader0@example.org, ...
    (``editions=["ru"]`` for others)."""
    from wagtail.models import Locale

    from dateline.newsletter.models import Subscriber

    def make(count, start=0, editions=("en",), **fields):
        fields.setdefault("status", Subscriber.Status.CONFIRMED)
        emails = [f"reader{n}@example.org" for n in range(start, start + count)]
        Subscriber.objects.bulk_create(Subscriber(email=email, **fields) for email in emails)
        made = list(Subscriber.objects.filter(email__in=emails).order_by("pk"))
        Editions = Subscriber.editions.through
        Editions.objects.bulk_create(
            Editions(subscriber_id=subscriber.pk, locale_id=locale.pk)
            for subscriber in made
            for locale in Locale.objects.filter(language_code__in=editions)
        )
        return made

    return make


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _database_task_queue(settings):
    """Queue tasks in the database as in production, for the workers under test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
