"""Places and topics in one field, with the terms the text mentions suggested (Russian
inflections included) and the editors' other names for a term."""

import json

import lxml.html
import pytest
from django.contrib.auth import get_user_model

from dateline.desk.suggestions import mentioned_terms
from dateline.news.models import ArticlePage, ArticleTag
from dateline.taxonomy.models import PlacePage
from dateline.taxonomy.tagging import TermChoice
from tests.helpers.factories import ArticlePageFactory, make_russian_edition


def choice(pk: int, *names: str) -> TermChoice:
    return TermChoice(pk, 1, names[0], "place", "", True, names)


TERMS = [
    choice(1, "Kazakhstan", "Казахстан"),
    choice(2, "Nagorno Karabakh", "Нагорный Карабах"),
    choice(3, "Armenia", "Армения", "Ереван"),
    choice(4, "Osh", "Ош"),
    choice(5, "Politics", "Политика"),
]


def found(text: str, language: str = "russian") -> list[int]:
    return [term.pk for term in mentioned_terms(text, TERMS, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Выборы в Казахстане прошли спокойно.", [1]),
        ("Граница Казахстана открыта.", [1]),
        ("Казахстан", [1]),
        ("Обстрелы в Нагорном Карабахе и в Ереване.", [2, 3]),
        ("Власти Нагорного Карабаха", [2]),
        ("В Карабахе", []),  # a name's words all together, or not at all
        ("Армия отступила, в армии перемены.", []),  # «армия» is not «Армения»
        ("В Оше открыли рынок.", [4]),
        ("Ошибка в отчете", []),
    ],
)
def test_russian_text_matches_its_terms_in_any_case(text, expected):
    assert found(text) == expected


def test_english_text_and_latin_words_in_russian_text_match_too():
    assert found("Talks on Nagorno-Karabakh stalled; Kazakhstan's envoy left.", "english") == [
        2,
        1,
    ]
    assert found("Визит в Kazakhstan", "russian") == [1]
    assert found("Political parties met.", "english") == [5], "stems: politics, political"


pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(site, client):
    russian = make_russian_edition(site)
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    return {"en": site, "ru": russian}


def suggest(client, **data):
    return client.post("/admin/desk/terms/suggestions/", data)


def test_the_suggestion_view_answers_with_the_editions_terms_the_text_mentions(client, editions):
    ru = editions["ru"]
    response = suggest(client, locale=ru["home"].locale_id, text="Митинг в Армении. Политика.")
    assert response.status_code == 200
    assert response.json() == {"terms": [ru["armenia"].pk, ru["politics"].pk]}
    english = suggest(client, locale=editions["en"]["home"].locale_id, text="Armenia votes")
    assert english.json() == {"terms": [editions["en"]["armenia"].pk]}


def test_other_names_written_by_an_editor_are_suggested(client, editions):
    armenia = PlacePage.objects.get(pk=editions["ru"]["armenia"].pk)
    armenia.other_names = "Ереван, Республика Армения"
    armenia.save_revision().publish()
    response = suggest(client, locale=armenia.locale_id, text="Протесты в Ереване")
    assert response.json() == {"terms": [armenia.pk]}


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"text": "Armenia"}, 400, "Say which edition"),
        ({"locale": "english", "text": "Armenia"}, 400, "Say which edition"),
        ({"locale": "999999", "text": "Armenia"}, 400, "Say which edition"),
        ({"locale": "1", "text": "x" * 200_001}, 413, "too long"),
    ],
)
def test_bad_suggestion_requests_get_a_clear_4xx(client, editions, data, status, message):
    response = suggest(client, **data)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_the_suggestion_view_is_for_signed_in_editors_and_posts(client, editions):
    assert client.get("/admin/desk/terms/suggestions/").status_code == 405
    client.logout()
    response = suggest(client, locale="1", text="Armenia")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


BODY = {
    "body-count": "1",
    "body-0-type": "paragraph",
    "body-0-value": json.dumps(
        {
            "blocks": [{"key": "a", "text": "Talks.", "type": "unstyled", "depth": 0}],
            "entityMap": {},
        }
    ),
    "body-0-deleted": "",
    "body-0-order": "0",
    "body-0-id": "",
}


def term_field(client, article) -> tuple[lxml.html.HtmlElement, list[dict]]:
    page = lxml.html.fromstring(client.get(f"/admin/pages/{article.pk}/edit/").content)
    (field,) = page.find_class("term-tags")
    options = json.loads(page.get_element_by_id(field.get("data-options")).text)
    return field, options


def test_the_field_shows_the_chosen_terms_in_order_and_offers_both_languages_names(
    client, editions
):
    site = editions["en"]
    article = ArticlePageFactory(parent=site["home"], terms=[site["politics"], site["armenia"]])
    field, options = term_field(client, article)
    value = field.xpath(".//input[@type='hidden']")[0].get("value")
    assert value == f"{site['politics'].pk},{site['armenia'].pk}"
    chips = [" ".join(chip.text_content().split()) for chip in field.find_class("term-tags__chip")]
    assert chips == ["Politics", "Armenia · Caucasus"]
    by_title = {option["title"]: option for option in options}
    assert by_title["Armenia"]["names"] == ["Armenia", "Армения"]
    assert "Армения" not in by_title, "only the article's edition's terms are offered"
    assert field.get("data-suggest-url") == "/admin/desk/terms/suggestions/"


def test_saving_the_field_writes_the_tags_in_the_chosen_order(client, editions):
    site = editions["en"]
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    article.save_revision().publish()
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        **BODY,
        "term_tags": f"{site['kazakhstan'].pk},{site['politics'].pk},{site['armenia'].pk}",
        "action-publish": "1",
    }
    for relation in ["authors", "corrections", "related_pins"]:
        data.update({f"{relation}-TOTAL_FORMS": "0", f"{relation}-INITIAL_FORMS": "0"})
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = ArticlePage.objects.get(pk=article.pk)
    assert [tag.term_id for tag in saved.tags.all()] == [
        site["kazakhstan"].pk,
        site["politics"].pk,
        site["armenia"].pk,
    ]
    assert [term.title for term in saved.place_terms] == ["Kazakhstan", "Armenia"]

    for bad, message in [
        ("12,abc", "“abc” is not a place or topic."),
        (str(site["about"].pk), "A chosen place or topic no longer exists"),
    ]:
        response = client.post(f"/admin/pages/{article.pk}/edit/", {**data, "term_tags": bad})
        assert response.status_code == 200
        assert message in response.content.decode()
    assert saved.tags.count() == 3, "a refused form changes nothing"


def test_the_revision_compare_view_shows_which_places_and_topics_changed(client, editions):
    site = editions["en"]
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"], site["politics"]])

    def revision_with(*terms):
        article.tags.set([ArticleTag(term=term, sort_order=n) for n, term in enumerate(terms)])
        return article.save_revision()

    before = revision_with(site["armenia"], site["politics"])
    after = revision_with(site["kazakhstan"], site["armenia"])
    reordered = revision_with(site["armenia"], site["kazakhstan"])

    def changes(a, b) -> dict:
        response = client.get(f"/admin/pages/{article.pk}/revisions/compare/{a.pk}...{b.pk}/")
        assert response.status_code == 200
        return {c.field_label(): c.htmldiff() for c in response.context["comparison"]}

    assert changes(before, after)["Places and topics"] == (
        '<span class="addition">Kazakhstan</span>, Armenia, <span class="deletion">Politics</span>'
    )
    assert changes(after, reordered)["Places and topics"] == (
        '<span class="deletion">Kazakhstan, Armenia</span>, '
        '<span class="addition">Armenia, Kazakhstan</span>'
    )
    assert "Places and topics" not in changes(before, before)
