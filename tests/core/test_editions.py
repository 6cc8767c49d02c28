"""The Russian edition: language links, hreflang, Russian interface, plurals and dates."""

import datetime as dt
import re

import pytest

from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory, make_russian_edition, translate
from tests.helpers.story_page import related_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def ru(site):
    return make_russian_edition(site)


def language_link(html: str) -> str:
    return re.search(r'<a href="([^"]+)" hreflang="(?:ru|en)"', html).group(1)


def test_language_link_leads_to_the_translation(client, site, ru):
    article = ArticlePageFactory(parent=site["home"], slug="ceasefire", terms=[site["armenia"]])
    translate(article, ru["ru"], title="Перемирие", slug="peremirie")
    html = client.get("/ceasefire/").content.decode()
    assert language_link(html) == "/ru/peremirie/"
    assert ">русский</a>" in html
    back = client.get("/ru/peremirie/").content.decode()
    assert language_link(back) == "/ceasefire/"
    assert ">English</a>" in back


def test_without_a_translation_the_link_leads_to_the_other_home(client, site, ru):
    ArticlePageFactory(parent=site["home"], slug="english-only")
    assert language_link(client.get("/english-only/").content.decode()) == "/ru/"
    russian_only = ArticlePageFactory(parent=ru["home"], slug="tolko-po-russki", title="Только")
    assert language_link(client.get(russian_only.url).content.decode()) == "/"


def test_hreflang_alternates_with_x_default(client, site, ru):
    article = ArticlePageFactory(parent=site["home"], slug="ceasefire")
    translate(article, ru["ru"], title="Перемирие", slug="peremirie")
    for url in ["/ceasefire/", "/ru/peremirie/"]:
        html = client.get(url).content.decode()
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        )
        assert alternates == {
            "en": "http://localhost/ceasefire/",
            "ru": "http://localhost/ru/peremirie/",
            "x-default": "http://localhost/ceasefire/",
        }


def test_a_page_without_translation_declares_no_alternates(client, site, ru):
    ArticlePageFactory(parent=site["home"], slug="alone")
    assert 'hreflang="ru"' not in client.get("/alone/").content.decode().split("<body", 1)[0]


def test_russian_pages_speak_russian(client, site, ru):
    article = ArticlePageFactory(
        parent=ru["home"],
        title="Наступление в Карабахе",
        slug="nastuplenie",
        first_published_at=dt.datetime(2023, 9, 19, 10, 0, tzinfo=dt.UTC),
        terms=[ru["armenia"]],
    )
    html = client.get(article.url).content.decode()
    assert '<html lang="ru">' in html
    assert "19 сентября 2023" in html
    for text in ["Регионы", "Темы", "Поиск", "Подпишитесь на бесплатную еженедельную рассылку"]:
        assert text in html
    assert "Regions" not in html.split("<main", 1)[0]


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 материал"), (2, "2 материала"), (5, "5 материалов"), (21, "21 материал")],
)
def test_russian_plural_forms(client, site, ru, settings, count, words):
    settings.DATELINE_LISTING_PAGE_SIZE = 2
    for _ in range(count):
        ArticlePageFactory(parent=ru["home"], terms=[ru["armenia"]])
    html = client.get("/ru/regions/caucasus/armenia/").content.decode()
    assert f">{words}<" in html


def test_listings_stay_in_their_edition(client, site, ru):
    ArticlePageFactory(parent=site["home"], title="English story", terms=[site["armenia"]])
    ArticlePageFactory(
        parent=ru["home"], title="Русский материал", slug="material", terms=[ru["armenia"]]
    )
    ru_items = client.get("/ru/regions/caucasus/armenia/").context["items"]
    assert [i.title for i in ru_items] == ["Русский материал"]
    en_items = client.get("/regions/caucasus/armenia/").context["items"]
    assert [i.title for i in en_items] == ["English story"]
    assert client.get("/ru/").context["lead"].title == "Русский материал"


def test_a_translation_is_tagged_with_its_own_editions_terms(client, site, ru):
    article = ArticlePageFactory(
        parent=site["home"], terms=[site["armenia"], site["politics"]], authors=[site["author"]]
    )
    translation = translate(article, ru["ru"], title="Перевод", slug="perevod")
    translation = ArticlePage.objects.get(pk=translation.pk)
    assert [t.term_id for t in translation.tags.all()] == [ru["armenia"].pk, ru["politics"].pk]
    assert [a.author_id for a in translation.authors.all()] == [ru["author"].pk]
    assert [i.title for i in client.get("/ru/regions/caucasus/armenia/").context["items"]] == [
        "Перевод"
    ]
    html = client.get("/ru/perevod/").content.decode()
    assert 'href="/ru/regions/caucasus/armenia/"' in html
    assert 'href="/ru/authors/nino-beridze/"' in html


def test_related_stays_in_the_edition(client, site, ru):
    article = ArticlePageFactory(parent=ru["home"], terms=[ru["armenia"]])
    ArticlePageFactory(parent=site["home"], title="English", terms=[site["armenia"]])
    ArticlePageFactory(parent=ru["home"], title="Русский", slug="russkij", terms=[ru["armenia"]])
    assert related_titles(client.get(article.url)) == ["Русский"]


def test_search_stays_in_the_edition_and_its_language_link_keeps_the_query(client, site, ru):
    ArticlePageFactory(parent=site["home"], title="Karabakh ceasefire")
    ArticlePageFactory(parent=ru["home"], title="Перемирие в Карабахе", slug="peremirie")
    response = client.get("/ru/search/", {"q": "Карабахе"})
    assert [i.title for i in response.context["items"]] == ["Перемирие в Карабахе"]
    html = response.content.decode()
    assert language_link(html) == "/search/?q=%D0%9A%D0%B0%D1%80%D0%B0%D0%B1%D0%B0%D1%85%D0%B5"
    english = client.get("/search/", {"q": "Karabakh"})
    assert [i.title for i in english.context["items"]] == ["Karabakh ceasefire"]


def test_a_translated_front_page_shows_its_own_editions_collections(client, site):
    from dateline.home.models import FocusCollection

    FocusCollection.objects.create(page=site["home"], collection=site["unrest"])
    site["home"].save_revision().publish()
    ru = make_russian_edition(site)
    translate(site["unrest"], ru["ru"], title="Беспорядки в Киргизии 2020")
    # The home page was translated before its collection: republishing picks it up.
    ru["home"].save_revision().publish()
    html = client.get("/ru/").content.decode()
    assert "Беспорядки в Киргизии 2020" in html
    assert "Kyrgyzstan 2020 unrest" not in html.split("<main", 1)[1]
