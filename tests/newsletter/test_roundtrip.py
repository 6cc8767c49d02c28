"""The reader's whole journey against a real SMTP server: sign up, confirm, receive,
one-click unsubscribe, and never receive again."""

import re

import pytest
from django.urls import reverse

from dateline.newsletter import tasks
from dateline.newsletter.models import Delivery, Subscriber
from dateline.newsletter.services import sending
from tests.helpers.mail import path_of, text_of
from tests.helpers.worker_tasks import work_off_tasks

pytestmark = pytest.mark.django_db


def send(issue):
    tasks.queue_issue(issue)
    sending.deliver(issue.pk)


def test_signup_confirm_receive_unsubscribe(client, make_issue, smtp_sink):
    response = client.post(
        reverse("newsletter:subscribe"), {"email": "Reader@Example.org", "edition": "en"}
    )
    assert response.status_code == 302
    assert "Check your inbox" in client.get(response["Location"]).content.decode()

    work_off_tasks()  # the worker mails the confirmation
    (confirmation,) = smtp_sink.to("reader@example.org")
    confirm_url = re.search(r"https?://\S+/newsletter/confirm/\S+/", text_of(confirmation))[0]

    send(make_issue("Before confirming"))
    assert len(smtp_sink.to("reader@example.org")) == 1, "a pending address gets no issue"

    assert "Confirm my subscription" in client.get(path_of(confirm_url)).content.decode()
    assert "You are subscribed" in client.post(path_of(confirm_url)).content.decode()
    replay = client.post(path_of(confirm_url))
    assert replay.status_code == 410
    assert "already been used" in replay.content.decode()

    send(make_issue("Second week"))
    newsletter = smtp_sink.to("reader@example.org")[-1]
    assert newsletter["Subject"] == "Dateline: Second week"  # the site's name, then the issue
    assert newsletter["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.match(r"<(https://[^>]+)>", re.sub(r"\s+", "", newsletter["List-Unsubscribe"]))[
        1
    ]
    assert "Unsubscribe</a>" in text_of(newsletter, "html")
    assert "Unsubscribe:" in text_of(newsletter)

    response = client.post(path_of(one_click), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

    third = make_issue("Third week")
    send(third)
    assert smtp_sink.to("reader@example.org")[-1]["Subject"] == "Dateline: Second week"
    assert not Delivery.objects.filter(issue=third).exists()


def test_refused_recipient_is_marked_and_skipped(make_issue, subscribers, smtp_sink):
    subscribers(3)
    smtp_sink.refuse = {"reader1@example.org"}
    issue = make_issue()
    send(issue)
    assert sorted(rcpt[0] for rcpt, _ in smtp_sink.messages) == [
        "reader0@example.org",
        "reader2@example.org",
    ]
    failed = Delivery.objects.get(issue=issue, status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "reader1@example.org"
    assert "550" in failed.error
    sending.deliver(issue.pk)  # a refused address is not tried again
    assert len(smtp_sink.messages) == 2
