"""The Sending screen says in words why "remaining" is what it is: nobody subscribed, the
worker not running, sending under way, or done."""

import datetime as dt

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from dateline.core import workers
from dateline.core.models import WorkerHeartbeat
from dateline.newsletter.services import sending

pytestmark = pytest.mark.django_db


@pytest.fixture
def screen(client, site):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw-1-long"))

    def read(issue) -> str:
        page = lxml.html.fromstring(client.get(f"/admin/newsletter/{issue.pk}/").content)
        return " ".join(page.get_element_by_id("sending-note").text_content().split())

    return read


def send(client, issue):
    client.post(f"/admin/newsletter/{issue.pk}/", {"action": "send", "send_at": ""})


def test_an_unsent_issue_says_whom_it_would_reach(screen, make_issue, subscribers):
    issue = make_issue("Weekly", stories=1)
    assert "Nobody would receive this issue yet: the English edition has no confirmed" in (
        screen(issue)
    )
    subscribers(2, editions=("ru",))
    subscribers(1, start=5, status="pending")
    assert "Nobody would receive" in screen(issue), "other editions and unconfirmed don't count"
    subscribers(3, start=10)
    assert screen(issue) == "Sending goes to 3 confirmed subscribers of the English edition."


def test_remaining_zero_after_sending_to_nobody_says_so(client, screen, make_issue):
    issue = make_issue("Weekly", stories=1)
    send(client, issue)
    sending.deliver(issue.pk)
    note = screen(issue)
    assert note.startswith("Remaining 0 because nobody was sent this issue")
    assert "English edition had no confirmed subscriber" in note


def test_messages_waiting_without_a_worker_say_the_worker_is_missing(
    client, screen, make_issue, subscribers
):
    WorkerHeartbeat.objects.all().delete()  # no worker has ever run here
    subscribers(3)
    issue = make_issue("Weekly", stories=1)
    send(client, issue)
    note = screen(issue)
    assert "Nothing is being sent: the messages wait for the background worker" in note
    assert "no worker has run yet" in note and "dateline worker" in note

    workers.beat("web-1:1", now=timezone.now() - dt.timedelta(hours=2))
    assert "no worker has been seen since" in screen(issue)

    workers.beat("web-1:1")
    note = screen(issue)
    assert note.startswith("“Remaining” are the 3 messages the background worker has not")

    sending.deliver(issue.pk)
    assert screen(issue).startswith("Remaining 0: every subscriber's message has been handed")
