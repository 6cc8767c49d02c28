"""Issues as content: the digest, the email, the archive, the editors' sending screen, the
commands."""

import datetime as dt
import io
import re

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from dateline.newsletter import emails, selectors, tasks
from dateline.newsletter.models import Delivery, IssueStory, NewsletterIssuePage, Subscriber
from dateline.newsletter.services import digests, send_log, sending
from tests.helpers.factories import make_articles, make_russian_edition, translate
from tests.helpers.mail import text_of

pytestmark = pytest.mark.django_db


def week_of_articles(site, count, days_ago_start=1):
    now = timezone.now()
    articles = make_articles(site, count)
    for n, article in enumerate(articles):
        article.first_published_at = now - dt.timedelta(days=days_ago_start, hours=n)
        article.save()
    return articles


def test_digest_leads_with_the_editors_choice_then_newest(site, newsletter):
    old = make_articles(site, 1)[0]  # published in 2023: not this week
    fresh = week_of_articles(site, 4)
    site["home"].lead_story = fresh[2]
    site["home"].save()
    issue = digests.assemble_digest(newsletter, limit=3)
    ids = list(issue.stories.order_by("sort_order").values_list("article_id", flat=True))
    assert ids == [fresh[2].pk, fresh[0].pk, fresh[1].pk]
    assert old.pk not in ids
    assert not issue.live, "a draft for the editors to finish"
    assert issue.title.startswith("The week in the region")


def test_digest_takes_the_most_read_from_a_popularity_source(site, newsletter):
    fresh = week_of_articles(site, 4)
    outside = make_articles(site, 1)[0]

    def popularity(locale, since, until, limit):
        return [outside.pk, fresh[3].pk, fresh[1].pk]

    issue = digests.assemble_digest(newsletter, limit=3, popularity=popularity)
    ids = list(issue.stories.order_by("sort_order").values_list("article_id", flat=True))
    assert ids == [fresh[3].pk, fresh[1].pk, fresh[0].pk]


def test_weekly_digests_for_each_edition(site, newsletter):
    make_russian_edition(site)
    ru_index = translate(newsletter, Locale.objects.get(language_code="ru"), title="Рассылка")
    week_of_articles(site, 2)
    out = io.StringIO()
    call_command("assemble_digest", stdout=out)
    assert "en: The week in the region" in out.getvalue()
    ru_issue = NewsletterIssuePage.objects.child_of(ru_index).get()
    assert ru_issue.title.startswith("Неделя в регионе")


def test_email_reads_well_in_mail_clients(site, make_issue, settings):
    settings.DATELINE_BASE_URL = "https://news.example.org"
    issue = make_issue("Friday", stories=2)
    issue.intro = "<p>Hello from the desk.</p>"
    IssueStory.objects.filter(issue=issue, sort_order=1).update(note="Our pick of the week.")
    rendered = emails.render_issue(issue)
    html = rendered.html
    document = lxml.html.fromstring(html)
    assert document.xpath("//table[@role='presentation']")  # layout tables, not read aloud
    # The template's style sheet is on the elements, the editor's intro included: mail
    # programs drop <style> (only the narrow-screen rule stays there) and <link>.
    [intro] = document.xpath("//p[contains(., 'Hello from the desk.')]")
    assert "font:" in intro.getparent().get("style") and "margin:" in intro.get("style")
    assert all(link.get("style") for link in document.xpath("//a[normalize-space()]"))
    [sheet] = document.xpath("//style")
    assert sheet.text.strip().startswith("@media") and sheet.text.count("{") == 3
    assert "<link" not in html and "<script" not in html
    assert 'src="https://news.example.org/media/images/' in html
    assert 'alt="' in html and 'alt=""' not in html
    assert "Our pick of the week." in html
    message = rendered.message(7, "reader@example.org")
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://news.example.org/newsletter-unsubscribe/"
    )
    assert "Story number" in message.body and "<" not in message.body.split("--")[0]
    assert "https://news.example.org/newsletter/unsubscribe/" in message.body
    assert message.extra_headers["Message-ID"].startswith(f"<issue-{issue.pk}.7@")


def test_archive_and_issue_pages(client, site, make_issue):
    first = make_issue("First week", stories=1)
    make_issue("Second week", stories=2)
    response = client.get("/newsletter/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Past issues" in body and "First week" in body and "Second week" in body
    assert 'name="email"' in body
    page = client.get(first.url).content.decode()
    assert "First week" in page and "Story number" in page


def test_archive_and_issue_query_counts_do_not_grow(client, site, make_issue):
    make_issue("One", stories=1)

    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    # Warm the per-process caches (site, settings) and create the images' renditions.
    queries("/newsletter/"), queries("/newsletter/one/")
    archive_small, issue_small = queries("/newsletter/"), queries("/newsletter/one/")
    for n in range(3):
        make_issue(f"More {n}", stories=4)
    issue = NewsletterIssuePage.objects.get(slug="one")
    for article in make_articles(site, 4):
        IssueStory.objects.create(issue=issue, article=article)
    queries("/newsletter/one/")
    assert queries("/newsletter/") == archive_small
    assert queries("/newsletter/one/") == issue_small


def test_progress_counts_in_one_query(make_issue, subscribers):
    subscribers(5)
    issue = make_issue()
    tasks.queue_issue(issue)
    rows = list(Delivery.objects.order_by("pk").values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=rows[:2]).update(status="sent")
    Delivery.objects.filter(pk=rows[1]).update(doubtful=True)
    Delivery.objects.filter(pk=rows[2]).update(status="sending")
    with CaptureQueriesContext(connection) as ctx:
        progress = selectors.progress([issue.pk])
    assert len(ctx) == 1
    assert progress[issue.pk] == {
        "sent": 2,
        "failed": 0,
        "remaining": 3,
        "in_flight": 1,
        "doubtful": 1,
        "total": 5,
    }


def test_recipients_are_confirmed_unpaused_and_of_the_edition(site, newsletter, subscribers):
    subscribers(2)
    subscribers(1, start=10, paused=True)
    subscribers(1, start=20, status=Subscriber.Status.PENDING)
    subscribers(1, start=30, status=Subscriber.Status.UNSUBSCRIBED)
    subscribers(1, start=40, editions=["ru"])
    issue = NewsletterIssuePage(title="W", slug="w")
    newsletter.add_child(instance=issue)
    issue.save_revision().publish()
    assert send_log.prepare_sending(issue) == 2
    assert send_log.prepare_sending(issue) == 2, "a second call adds no duplicate rows"


def test_unpublished_issue_cannot_be_sent(site, newsletter):
    issue = NewsletterIssuePage(title="Draft", slug="draft", live=False)
    newsletter.add_child(instance=issue)
    with pytest.raises(ValueError, match="Publish the issue"):
        send_log.prepare_sending(issue)


@pytest.fixture
def editor(client, site):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw-editor-long-1")
    client.force_login(user)
    return user


def test_editor_previews_tests_sends_and_sees_progress(client, editor, make_issue, subscribers):
    subscribers(3)
    issue = make_issue("Weekly", stories=1)
    edit = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert "Test, send or schedule" in edit
    preview = client.get(f"/admin/pages/{issue.pk}/edit/preview/?mode=email")
    assert preview.status_code == 200
    url = f"/admin/newsletter/{issue.pk}/"
    assert "Send a test to editor@example.org" in client.get(url).content.decode()
    client.post(url, {"action": "test"})
    (test,) = mail.outbox
    assert test.to == ["editor@example.org"] and test.subject == "[Test] Dateline: Weekly"
    assert not Delivery.objects.exists()

    client.post(url, {"action": "send", "send_at": ""})
    page = client.get(url).content.decode()
    assert "Sent 0 · refused 0 · remaining 3" in page
    sending.deliver(issue.pk)
    assert "Sent 3 · refused 0 · remaining 0" in client.get(url).content.decode()
    listing = client.get("/admin/newsletter/").content.decode()
    assert "Weekly" in listing
    again = client.post(url, {"action": "send", "send_at": ""}, follow=True)
    assert "already been sent or scheduled" in again.content.decode()
    assert Delivery.objects.count() == 3


def test_send_newsletter_command_shows_progress(make_issue, subscribers, smtp_sink):
    subscribers(4)
    issue = make_issue()
    out, err = io.StringIO(), io.StringIO()
    call_command("send_newsletter", str(issue.pk), "--here", stdout=out, stderr=err)
    assert "4 recipients" in out.getvalue()
    assert "Sent 4, refused 0, of 4." in out.getvalue()
    assert len(smtp_sink.messages) == 4
    assert NewsletterIssuePage.objects.get(pk=issue.pk).send_status == "sent"


def test_send_newsletter_command_bad_input(site):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No single issue"):
        call_command("send_newsletter", "no-such-issue")


def test_worker_resumes_half_sent_issues(make_issue, subscribers, smtp_sink, monkeypatch):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    subscribers(3)
    issue = make_issue()
    send_log.prepare_sending(issue)  # as if the queued tasks were lost with a killed worker
    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_issue")
    assert not queued.exists()
    ran = []
    monkeypatch.setattr(db_worker.Worker, "run", lambda self: ran.append(self))
    call_command("worker", "--no-reload", "--no-startup-delay")
    assert ran, "the worker loop is django-tasks-db's"
    (task,) = queued
    assert task.args_kwargs["args"] == [issue.pk]
    tasks.deliver_issue.call(*task.args_kwargs["args"])
    assert len(smtp_sink.messages) == 3


def test_prebuilt_message_equals_the_one_built_per_recipient(site, make_issue, settings):
    import email

    settings.DATELINE_BASE_URL = "https://news.example.org"
    rendered = emails.render_issue(make_issue("Same bytes", stories=1))
    fast = email.message_from_bytes(rendered.raw(42, "reader@xn--e1afmkfd.xn--p1ai"))
    slow = rendered.message(42, "reader@xn--e1afmkfd.xn--p1ai").message()
    for header in ("To", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post", "Message-ID"):
        # Folding may differ (the stand-ins have other lengths); the values may not.
        assert "".join(fast[header].split()) == "".join(slow[header].split()), header
    for subtype in ("plain", "html"):
        assert text_of(fast, subtype).replace("\r\n", "\n") == text_of(slow, subtype)
    assert "__DATELINE" not in rendered.raw(42, "r@example.org").decode()


def test_emails_carry_the_newsrooms_name_and_the_sites_address(site, make_issue, settings):
    """The name editors set in Site settings signs and titles every email, and every link
    and image is at the address the site runs at."""
    from dateline.core.models import SiteSettings
    from dateline.home.services import match_site_to_base_url

    settings.DATELINE_BASE_URL = "http://127.0.0.1:8420"
    match_site_to_base_url()
    row = SiteSettings.for_site(site["home"].get_site())
    row.name = "Borderland Ledger"
    row.save()
    rendered = emails.render_issue(make_issue("Friday", stories=2))
    assert rendered.subject == "Borderland Ledger: Friday"
    assert "Borderland Ledger" in rendered.text and "Dateline" not in rendered.html
    links = re.findall(r'(?:href|src)="([^"]+)"', rendered.html)
    assert links and all(link.startswith("http://127.0.0.1:8420/") for link in links), links

    subscriber = Subscriber.objects.create(email="ana@example.org", language="en")
    notice = emails.notice(subscriber, "confirm", "Please confirm your subscription")
    assert notice.subject == "Borderland Ledger: Please confirm your subscription"
    assert "the Borderland Ledger weekly newsletter" in notice.body
