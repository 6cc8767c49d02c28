"""Editions come from settings.LANGUAGES: the forms, the admin's list, and the migration that
replaced the one-boolean-per-language fields."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Locale

from dateline.newsletter import tokens
from dateline.newsletter.models import Subscriber

SUBSCRIBE = "/newsletter/subscribe/"


def editions_of(subscriber) -> list[str]:
    return sorted(subscriber.editions.values_list("language_code", flat=True))


@pytest.mark.django_db
def test_the_russian_forms_name_the_editions_from_the_catalogue(client, site):
    subscriber = Subscriber.objects.create(email="p@example.org", status="confirmed")
    url = reverse("newsletter:preferences", args=[tokens.manage_token(subscriber.pk)])
    html = client.get(url.replace("/newsletter/", "/ru/newsletter/", 1)).content.decode()
    for label in ("Английский", "Русский", "Английский и русский"):
        assert f"> {label}</label>" in html
    footer = client.get("/ru/newsletter/subscribe/").content.decode()
    assert 'value="ru" checked' in footer, "the reader's own edition is chosen at first"
    # The signup form names each edition in plain Russian: "in English", "in both".
    assert "> на английском</label>" in footer
    assert "> на обоих языках</label>" in footer


@pytest.mark.django_db
def test_a_third_language_is_a_third_edition(client, site, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("uz", "Uzbek")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    Locale.objects.get_or_create(language_code="uz")

    page = client.get(SUBSCRIBE).content.decode()
    assert '<input type="radio" name="edition" value="uz"> Uzbek</label>' in page
    assert "> All</label>" in page
    subscriber = Subscriber.objects.create(email="p@example.org", status="confirmed")
    url = reverse("newsletter:preferences", args=[tokens.manage_token(subscriber.pk)])
    assert "English, Russian and Uzbek" in client.get(url).content.decode()

    assert client.post(SUBSCRIBE, {"email": "all@example.org", "edition": "both"}).status_code
    assert editions_of(Subscriber.objects.get(email="all@example.org")) == ["en", "ru", "uz"]
    client.post(SUBSCRIBE, {"email": "uz@example.org", "edition": "uz"})
    assert editions_of(Subscriber.objects.get(email="uz@example.org")) == ["uz"]


@pytest.mark.django_db
def test_editors_see_and_filter_subscribers_by_edition(client, site):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw-long-1"))
    ru = Locale.objects.get(language_code="ru")
    Subscriber.objects.create(email="en-reader@example.org").editions.set(
        [Locale.objects.get(language_code="en")]
    )
    Subscriber.objects.create(email="ru-reader@example.org").editions.set([ru])
    url = reverse("wagtailsnippets_newsletter_subscriber:list")
    listing = client.get(url).content.decode()
    assert "en-reader@example.org" in listing and "ru-reader@example.org" in listing
    filtered = client.get(url, {"editions": ru.pk}).content.decode()
    assert "ru-reader@example.org" in filtered
    assert "en-reader@example.org" not in filtered


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_carries_the_old_choices_over_and_back():
    before = [("newsletter", "0002_delivery_in_flight")]
    after = [("newsletter", "0003_subscriber_editions")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    old = executor.loader.project_state(before).apps.get_model("newsletter", "Subscriber")
    choices = {"en@example.org": (True, False), "ru@example.org": (False, True)}
    choices["both@example.org"] = (True, True)
    for email, (wants_en, wants_ru) in choices.items():
        old.objects.create(email=email, wants_en=wants_en, wants_ru=wants_ru)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        assert {s.email: editions_of(s) for s in Subscriber.objects.all()} == {
            "en@example.org": ["en"],
            "ru@example.org": ["ru"],
            "both@example.org": ["en", "ru"],
        }
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        executor.loader.build_graph()
        old = executor.loader.project_state(before).apps.get_model("newsletter", "Subscriber")
        back = {s.email: (s.wants_en, s.wants_ru) for s in old.objects.all()}
        assert back == choices
    finally:
        call_command("migrate", "newsletter", verbosity=0)
