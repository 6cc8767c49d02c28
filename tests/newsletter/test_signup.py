"""Signing up, confirming, preferences and unsubscribing: abuse and bad input."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dateline.core import periodic, ratelimits
from dateline.newsletter import tokens
from dateline.newsletter.apps import FORGET_UNCONFIRMED_EVERY
from dateline.newsletter.models import Subscriber
from dateline.newsletter.services import subscriptions
from tests.helpers.worker_tasks import work_off_tasks

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/newsletter/subscribe/"


def signup(client, email="reader@example.org", edition="en", **extra):
    """The reader's signup, and the worker sending what it queued."""
    response = client.post(SUBSCRIBE, {"email": email, "edition": edition, **extra})
    work_off_tasks()
    return response


def editions_of(subscriber) -> list[str]:
    return sorted(subscriber.editions.values_list("language_code", flat=True))


def confirm_link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/newsletter/confirm/" in line)
    return "/" + line.strip().split("://", 1)[1].split("/", 1)[1]


def test_signup_stores_pending_and_mails_a_confirmation(client, site):
    response = signup(client, "  Reader@EXAMPLE.org ", edition="both")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert editions_of(subscriber) == ["en", "ru"]
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "/newsletter/confirm/" in message.body


def test_a_new_address_is_written_once_with_its_editions(client, site):
    """A signup is the one request of a storm that reaches the app behind the edge: a new
    address is read once and written once, its editions in one insert (no UPDATE after
    the INSERT, no reading of editions it cannot have yet)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(SUBSCRIBE, {"email": "new@example.org", "edition": "both"})
    assert response.status_code == 302
    statements = [
        query["sql"].split()[0] + " " + re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', query["sql"])[1]
        for query in queries.captured_queries
        if query["sql"].startswith(("SELECT", "INSERT", "UPDATE"))
    ]
    assert [s for s in statements if "newsletter" in s or "UPDATE" in s] == [
        "SELECT newsletter_subscriber",
        "INSERT newsletter_subscriber",
        "INSERT newsletter_subscriber_editions",
    ]
    work_off_tasks()
    assert editions_of(Subscriber.objects.get()) == ["en", "ru"]
    assert "/newsletter/confirm/" in mail.outbox[0].body


def test_russian_signup_gets_a_russian_confirmation(client, site):
    response = client.post("/ru/newsletter/subscribe/", {"email": "r@example.org", "edition": "ru"})
    work_off_tasks()
    assert response["Location"] == "/ru/newsletter/subscribe/check-your-inbox/"
    assert "/ru/newsletter/confirm/" in mail.outbox[0].body


def test_the_answer_never_reveals_a_subscribed_address(client, site):
    Subscriber.objects.create(email="known@example.org", status=Subscriber.Status.CONFIRMED)
    known = signup(client, "known@example.org")
    unknown = signup(client, "stranger@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]

    def page(response):  # the CSRF token of the footer's form differs on every page
        return re.sub(r'value="[^"]{40,}"', "", client.get(response["Location"]).content.decode())

    assert page(known) == page(unknown)
    notice = next(m for m in mail.outbox if m.to == ["known@example.org"])
    assert "already subscribed" in notice.body
    assert Subscriber.objects.get(email="known@example.org").status == "confirmed"


def test_repeated_signups_send_one_confirmation_an_hour(client, site):
    for _ in range(4):
        assert signup(client, "victim@example.org").status_code == 302
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(hours=2))
    signup(client, "victim@example.org")
    assert len(mail.outbox) == 2
    assert confirm_link(mail.outbox[0]) != confirm_link(mail.outbox[1])
    first = client.post(confirm_link(mail.outbox[0]))
    assert first.status_code == 410, "a replaced link stops working"


def test_honeypot_gets_the_same_answer_and_nothing_happens(client, site):
    response = signup(client, "bot@example.org", website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_ip(client, site, settings):
    settings.NEWSLETTER_SIGNUP_RATE_IP = (3, 3600)
    for n in range(3):
        assert signup(client, f"r{n}@example.org").status_code == 302
    response = signup(client, "r9@example.org")
    assert response.status_code == 429
    assert "too many signups" in response.content.decode().lower()
    assert Subscriber.objects.count() == 3


def test_rate_limit_per_address(client, site, settings):
    """The limit follows the email address, whichever network it is entered from."""
    settings.NEWSLETTER_SIGNUP_RATE_ADDRESS = (2, 3600)
    form = {"email": "same@example.org", "edition": "en"}
    for network in ("10.0.0.1", "10.0.0.2"):
        assert client.post(SUBSCRIBE, form, REMOTE_ADDR=network).status_code == 302
    response = client.post(SUBSCRIBE, form, REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 429
    assert "This address was entered too many times" in response.content.decode()
    other = client.post(SUBSCRIBE, {**form, "email": "other@example.org"}, REMOTE_ADDR="10.0.0.3")
    assert other.status_code == 302, "another address from that network is not limited"


def test_readers_behind_one_proxy_each_get_their_own_quota(client, site, settings, monkeypatch):
    """Behind nginx every request comes from 127.0.0.1; the limit counts the address the
    proxy forwarded, and the cache holds hashes, never an address or an email."""
    from django.core.cache import cache

    settings.DATELINE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSLETTER_SIGNUP_RATE_IP = (2, 3600)
    keys = []

    class RecordingCache:
        def add(self, key, *args):
            keys.append(key)
            return cache.add(key, *args)

        def incr(self, key, *args):
            keys.append(key)
            return cache.incr(key, *args)

    monkeypatch.setattr(ratelimits, "cache", RecordingCache())

    def from_reader(address, email):
        return client.post(
            SUBSCRIBE,
            {"email": email, "edition": "en"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.7, {address}",
        )

    for n in range(2):
        assert from_reader("203.0.113.1", f"first{n}@example.org").status_code == 302
    assert from_reader("203.0.113.1", "first9@example.org").status_code == 429
    for n in range(2):
        assert from_reader("203.0.113.2", f"second{n}@example.org").status_code == 302
    assert from_reader("203.0.113.2", "second9@example.org").status_code == 429

    assert keys
    for key in keys:
        assert not any(
            raw in key for raw in ("203.0.113", "127.0.0.1", "198.51.100", "example.org")
        ), key


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("not an address", "Enter an email address like name@example.org"),
        ("", "This field is required"),
        ("a@" + "b" * 250 + ".org", "at most 254 characters"),
        ("x" * 2000 + "@example.org", "Ensure this value has at most 1000 characters"),
        ("имя@example.org", "non-Latin letters before the @"),
        ("a@@example.org", "Enter an email address like name@example.org"),
        ("reader@exa mple.org", "Enter an email address like name@example.org"),
    ],
)
def test_bad_addresses_get_a_clear_400(client, site, email, message):
    response = signup(client, email)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_internationalised_domain_is_stored_in_ascii(client, site):
    assert signup(client, "reader@пример.рф").status_code == 302
    assert Subscriber.objects.get().email == "reader@xn--e1afmkfd.xn--p1ai"


def test_bad_edition_is_a_400(client, site):
    response = signup(client, edition="fr")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_get_shows_the_form(client, site):
    response = client.get(SUBSCRIBE)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_forged_and_expired_confirmation_links(client, site, settings):
    signup(client)
    link = confirm_link(mail.outbox[0])
    forged = client.get(link[:-3] + "xx/")
    assert forged.status_code == 404
    assert "This link does not work" in forged.content.decode()
    assert client.get("/newsletter/confirm/garbage/").status_code == 404
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    expired = client.post(link)
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_pending_addresses_expire(client, site):
    signup(client, "old@example.org")
    link = confirm_link(mail.outbox[0])
    Subscriber.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    # The workers' hourly job forgets it, not the next reader's signup.
    signup(client, "someone-else@example.org")
    assert Subscriber.objects.filter(email="old@example.org").exists()
    an_hour_on = timezone.now() + FORGET_UNCONFIRMED_EVERY + dt.timedelta(seconds=1)
    assert "newsletter_forget_unconfirmed" in periodic.run_due(an_hour_on)
    assert not Subscriber.objects.filter(email="old@example.org").exists()
    response = client.post(link)
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_preferences_change_editions_and_pause(client, site):
    subscriber = Subscriber.objects.create(email="p@example.org", status="confirmed")
    url = reverse("newsletter:preferences", args=[tokens.manage_token(subscriber.pk)])
    page = client.get(url)
    assert "Pause the newsletter" in page.content.decode()
    response = client.post(url, {"edition": "ru", "paused": "on"})
    assert "Saved." in response.content.decode()
    subscriber.refresh_from_db()
    assert (editions_of(subscriber), subscriber.paused) == (["ru"], True)
    assert client.post(url, {"edition": "xx"}).status_code == 400


def test_unsubscribe_asks_then_unsubscribes_and_replay_is_clear(client, site):
    subscriber = Subscriber.objects.create(email="u@example.org", status="confirmed")
    url = reverse("newsletter:unsubscribe", args=[tokens.manage_token(subscriber.pk)])
    assert "Stop sending me the newsletter" in client.get(url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed", "opening the link alone changes nothing"
    assert "we will not send you the newsletter again" in client.post(url).content.decode()
    replay = client.post(url)
    assert replay.status_code == 200
    assert "does not receive the newsletter any more" in replay.content.decode()


def test_forged_manage_links_are_404_not_500(client, site):
    for name in ("preferences", "unsubscribe"):
        response = client.get(reverse(f"newsletter:{name}", args=["12:forged"]))
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    one_click = client.post(reverse("newsletter_one_click", args=["12:forged"]))
    assert one_click.status_code == 404
    gone = tokens.manage_token(999999)
    assert client.get(reverse("newsletter:preferences", args=[gone])).status_code == 404


def test_one_click_get_leads_to_the_question_page(client, site):
    subscriber = Subscriber.objects.create(email="o@example.org", status="confirmed")
    token = tokens.manage_token(subscriber.pk)
    response = client.get(reverse("newsletter_one_click", args=[token]))
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_one_click_post_needs_no_csrf_token(site):
    from django.test import Client

    subscriber = Subscriber.objects.create(email="c@example.org", status="confirmed")
    client = Client(enforce_csrf_checks=True)
    url = reverse("newsletter_one_click", args=[tokens.manage_token(subscriber.pk)])
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_bounces_and_complaints_from_anymail_stop_mail(site):
    from anymail.signals import AnymailTrackingEvent, tracking

    Subscriber.objects.create(email="b@example.org", status="confirmed")
    Subscriber.objects.create(email="c@example.org", status="confirmed")
    for recipient, kind in [("B@example.org", "bounced"), ("c@example.org", "complained")]:
        event = AnymailTrackingEvent(event_type=kind, recipient=recipient)
        tracking.send(sender=object, event=event, esp_name="Test")
    assert dict(Subscriber.objects.values_list("email", "status")) == {
        "b@example.org": "bounced",
        "c@example.org": "complained",
    }


def signup_forms(html: str) -> list[str]:
    return re.findall(r'<form class="signup".*?</form>', html, re.DOTALL)


def test_signup_form_is_the_same_for_every_reader_so_pages_can_be_cached(site):
    """The form is in every article and footer; whole pages are cached and served to all."""
    from django.test import Client

    from tests.helpers.factories import make_articles

    article = make_articles(site, 1)[0]
    pages = [Client().get(article.url) for _ in range(2)]
    forms = [signup_forms(page.content.decode()) for page in pages]
    assert forms[0], "the article carries a signup form"
    assert forms[0] == forms[1]
    assert "csrfmiddlewaretoken" not in "".join(forms[0])
    for page in pages:
        assert "csrftoken" not in page.cookies, "a cached page must not set a reader's cookie"


def test_signup_needs_no_csrf_token_or_cookie(site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = signup(client, "cached@example.org")
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="cached@example.org", status="pending").exists()
    assert len(mail.outbox) == 1


def test_pages_for_one_reader_are_never_stored_by_a_cache(client, site):
    subscriber = Subscriber.objects.create(email="n@example.org", status="pending")
    subscriber.confirm_nonce = "abc"
    subscriber.save()
    manage = tokens.manage_token(subscriber.pk)
    urls = [
        reverse("newsletter:confirm", args=[tokens.confirm_token(subscriber)]),
        reverse("newsletter:preferences", args=[manage]),
        reverse("newsletter:unsubscribe", args=[manage]),
        reverse("newsletter:preferences", args=["12:forged"]),
    ]
    for url in urls:
        cache_control = client.get(url).headers.get("Cache-Control", "")
        directives = {part.strip() for part in cache_control.split(",")}
        assert {"private", "no-store"} <= directives, f"{url}: {cache_control!r}"


def mail_server_down(settings) -> None:
    from tests.helpers.servers import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    settings.EMAIL_TIMEOUT = 5


def queued_notices():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path__endswith="send_signup_notice")


def test_a_mail_server_that_is_down_delays_the_confirmation_and_loses_nothing(
    client, site, settings
):
    """The reader's answer never waits for the mail server; the worker tries again later."""
    mail_server_down(settings)
    response = client.post(SUBSCRIBE, {"email": "reader@example.org", "edition": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/subscribe/check-your-inbox/"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    work_off_tasks()  # the worker finds the server down and queues a retry half a minute on
    assert not mail.outbox
    retry = queued_notices().get(status="READY")
    assert retry.args_kwargs["args"][-1] == 1
    assert dt.timedelta(seconds=20) < retry.run_after - timezone.now() < dt.timedelta(seconds=40)
    assert signup(client).status_code == 302, "a second signup queues no second email"
    assert queued_notices().filter(status="READY").count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # back up
    queued_notices().update(run_after=timezone.now())
    work_off_tasks()
    (message,) = mail.outbox
    assert client.post(confirm_link(message)).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_a_signup_email_the_server_never_takes_lets_the_reader_sign_up_again(
    client, site, settings
):
    from dateline.newsletter import tasks

    mail_server_down(settings)
    client.post(SUBSCRIBE, {"email": "reader@example.org", "edition": "en"})
    subscriber_id, template, nonce = queued_notices().get().args_kwargs["args"]
    last_try = tasks.NOTICE_ATTEMPTS - 1
    result = tasks.send_signup_notice.call(subscriber_id, template, nonce, last_try)
    assert result == {"given_up": True}
    assert Subscriber.objects.get().confirmation_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued_notices().delete()  # the first try, still queued in this test
    assert signup(client).status_code == 302
    (message,) = mail.outbox
    assert "/newsletter/confirm/" in message.body


def test_a_queued_email_no_longer_true_is_not_sent(client, site):
    """A link replaced by a newer one while its email waited, or an address confirmed or
    gone by then: the reader gets only what is still true."""
    from dateline.newsletter import tasks

    client.post(SUBSCRIBE, {"email": "reader@example.org", "edition": "en"})
    first = queued_notices().get().args_kwargs["args"]
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(hours=2))
    signup(client)  # a new link an hour later: the worker sends it and skips the first
    (message,) = mail.outbox
    assert "/newsletter/confirm/" in message.body
    assert client.post(confirm_link(message)).status_code == 200
    assert tasks.send_signup_notice.call(*first) == {"sent": False}
    Subscriber.objects.all().delete()
    assert tasks.send_signup_notice.call(*first) == {"sent": False}
    assert len(mail.outbox) == 1


def test_a_signup_email_goes_ahead_of_queued_bulk_work(client, site, tmp_path):
    """After an import or a busy hour, the queue holds indexing work: a reader waiting for
    their confirmation does not wait behind it."""
    from tests.helpers.worker_tasks import record_and_sleep

    log = tmp_path / "bulk.log"
    for _ in range(3):
        record_and_sleep.enqueue(str(log), 0)
    client.post(SUBSCRIBE, {"email": "reader@example.org", "edition": "en"})
    work_off_tasks("--max-tasks", "1")
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert not log.exists(), "the bulk work waits"


def test_signing_up_again_restarts_the_days_an_unconfirmed_address_is_kept(client, site):
    signup(client, "late@example.org")
    Subscriber.objects.update(
        created_at=timezone.now() - dt.timedelta(days=8),
        confirmation_sent_at=timezone.now() - dt.timedelta(days=8),
    )
    signup(client, "late@example.org")  # a new link, a week later
    assert subscriptions.purge_expired_pending() == 0
    response = client.post(confirm_link(mail.outbox[-1]))
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
