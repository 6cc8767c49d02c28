import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.news.models import Correction, CorrectionsPage, TeamPage
from tests.helpers.factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    ImageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def structured_data(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def corrections_page(site, **fields) -> CorrectionsPage:
    page = CorrectionsPage(
        title="Corrections", slug="corrections", show_in_menus=True, intro="We fix mistakes."
    )
    site["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_corrections_page_lists_every_correction_newest_first_with_links(client, site):
    older = ArticlePageFactory(parent=site["home"], title="Dam story")
    newer = ArticlePageFactory(parent=site["home"], title="Protest story")
    Correction.objects.create(
        page=older, date=dt.date(2019, 6, 20), text="The dam was built in 2005."
    )
    Correction.objects.create(
        page=newer, date=dt.date(2022, 1, 11), text="The fire was on 5 January."
    )
    hidden = ArticlePageFactory(parent=site["home"], title="Withdrawn story", live=False)
    Correction.objects.create(page=hidden, date=dt.date(2023, 1, 1), text="Not for readers.")
    page = corrections_page(site)

    html = client.get(page.url).content.decode()
    assert html.index("The fire was on 5 January.") < html.index("The dam was built in 2005.")
    assert f'href="{newer.url}"' in html and f'href="{older.url}"' in html
    assert "11 January 2022" in html
    assert "Not for readers." not in html
    # It is a footer page like the standard ones.
    assert f'<a href="{page.url}">Corrections</a>' in html


def test_corrections_page_query_count_is_fixed(client, site):
    page = corrections_page(site)

    def count():
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    article = ArticlePageFactory(parent=site["home"])
    Correction.objects.create(page=article, date=dt.date(2020, 1, 1), text="One.")
    few = count()
    for n in range(8):
        other = ArticlePageFactory(parent=site["home"])
        Correction.objects.create(page=other, date=dt.date(2021, 1, n + 1), text=f"Fix {n}.")
    assert count() == few


def test_empty_corrections_page_says_so(client, site):
    html = client.get(corrections_page(site).url).content.decode()
    assert "There are no corrections yet." in html


def test_corrected_article_shows_its_corrections_and_carries_them_in_json_ld(client, site):
    article = ArticlePageFactory(parent=site["home"])
    Correction.objects.create(page=article, date=dt.date(2023, 9, 20), text="It was 1 pm.")
    html = client.get(article.url).content.decode()
    assert "20 September 2023</time>: It was 1 pm." in html
    data = structured_data(html)[0]
    assert data["correction"] == [
        {"@type": "CorrectionComment", "text": "It was 1 pm.", "datePublished": "2023-09-20"}
    ]


def test_team_page_lists_staff_with_photos_roles_bios_and_contacts(client, site):
    AuthorPageFactory(
        parent=site["authors"],
        title="Lilit Hakobyan",
        slug="lilit-hakobyan",
        role="Reporter, Yerevan",
        bio="Covers Armenian politics.",
        email="lilit@example.org",
        photo=ImageFactory(),
    )
    page = TeamPage(title="Our team", slug="team", show_in_menus=True, intro="Who we are.")
    site["home"].add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    main = html[html.index("<main") :]
    assert main.index("Nino Beridze") < main.index("Lilit Hakobyan")  # the admin's order
    assert "Reporter, Yerevan" in main and "Covers Armenian politics." in main
    assert 'href="mailto:lilit@example.org"' in main
    assert 'href="/authors/lilit-hakobyan/"' in main
    assert 'class="person__photo"' in main


def test_team_page_query_count_is_fixed(client, site):
    page = TeamPage(title="Our team", slug="team")
    site["home"].add_child(instance=page)
    page.save_revision().publish()
    site["author"].photo = ImageFactory()
    site["author"].save_revision().publish()

    def count():
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        return len(queries)

    few = count()
    for n in range(5):
        AuthorPageFactory(parent=site["authors"], photo=ImageFactory(), slug=f"reporter-{n}")
    assert count() == few


def test_author_page_shows_photo_role_bio_and_contact(client, site):
    author = AuthorPageFactory(
        parent=site["authors"],
        title="Timur",
        slug="timur",
        role="Central Asia correspondent",
        bio="Based in Bishkek.",
        email="timur@example.org",
        photo=ImageFactory(),
    )
    html = client.get(author.url).content.decode()
    assert "Central Asia correspondent" in html and "Based in Bishkek." in html
    assert 'href="mailto:timur@example.org"' in html
    assert 'class="author__photo"' in html


def test_standard_pages_still_fill_the_footer(client, site):
    StandardPageFactory(parent=site["home"], title="Contact", slug="contact", show_in_menus=True)
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/about/">About us</a>' in footer
    assert '<a href="/contact/">Contact</a>' in footer
