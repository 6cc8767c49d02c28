import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.news import selectors
from dateline.news.models import ArticlePage, Correction, RelatedPin
from tests.helpers.factories import ArticlePageFactory, ImageFactory, make_articles
from tests.helpers.story_page import related_titles

pytestmark = pytest.mark.django_db


def structured_data(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_article_shows_what_a_reader_needs_in_order(client, site):
    article = ArticlePageFactory(
        parent=site["home"],
        title="Azerbaijan launches offensive in Nagorno Karabakh",
        standfirst="Shelling began in the early afternoon.",
        lead_image=ImageFactory(),
        lead_image_caption="Smoke over the hills",
        lead_image_credit="Photo: Dateline",
        terms=[site["armenia"], site["caucasus"], site["politics"]],
        authors=[site["author"]],
    )
    Correction.objects.create(page=article, date="2023-09-20", text="A name was misspelt.")
    html = client.get(article.url).content.decode()
    html = html[html.index("<main") :]

    order = [
        'class="tags"',  # place tags
        "<h1",
        "Shelling began in the early afternoon.",
        "<time",
        "Smoke over the hills",
        "Photo: Dateline",
        "The first paragraph of the story.",
        "A name was misspelt.",
        "Sign up for the free weekly newsletter",
        "Help keep our journalism open",
        'id="popular-title"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert 'href="/regions/caucasus/armenia/"' in html
    assert 'href="/topics/politics/"' in html
    assert 'href="/authors/nino-beridze/"' in html


def test_place_tags_come_before_the_headline_and_topics_after_the_body(client, site):
    article = ArticlePageFactory(parent=site["home"], terms=[site["politics"], site["armenia"]])
    html = client.get(article.url).content.decode()
    html = html[html.index("<main") :]  # the header's menus link every term too
    assert html.index("/regions/caucasus/armenia/") < html.index("<h1")
    assert html.index("/topics/politics/") > html.index("The first paragraph")


def test_related_lists_stories_sharing_the_most_terms_newest_first(client, site):
    article = ArticlePageFactory(
        parent=site["home"], terms=[site["armenia"], site["caucasus"], site["politics"]]
    )
    # Each story the factory makes is a day newer than the one before.
    ArticlePageFactory(
        parent=site["home"],
        title="Closest",
        terms=[site["armenia"], site["caucasus"], site["politics"]],
    )
    ArticlePageFactory(
        parent=site["home"], title="Close, older", terms=[site["armenia"], site["caucasus"]]
    )
    ArticlePageFactory(
        parent=site["home"], title="Close, newer", terms=[site["caucasus"], site["politics"]]
    )
    ArticlePageFactory(parent=site["home"], title="Loose", terms=[site["politics"]])
    ArticlePageFactory(parent=site["home"], title="Unrelated", terms=[site["kazakhstan"]])

    response = client.get(article.url)
    # The most terms shared first, however old; the newest first among equals; three at most.
    assert related_titles(response) == [
        "Closest",
        "Close, newer",
        "Close, older",
    ]


def test_related_ranks_only_the_newest_stories_sharing_a_term(client, site, monkeypatch):
    monkeypatch.setattr(selectors, "RELATED_CANDIDATES", 2)
    terms = [site["armenia"], site["caucasus"], site["politics"]]
    ArticlePageFactory(parent=site["home"], title="Old, shares all", terms=terms)
    ArticlePageFactory(parent=site["home"], title="Shares a region", terms=terms[:1])
    ArticlePageFactory(parent=site["home"], title="Shares a topic", terms=terms[2:])
    article = ArticlePageFactory(parent=site["home"], terms=terms)
    assert related_titles(client.get(article.url)) == ["Shares a topic", "Shares a region"]


def test_editors_pins_come_first_in_related(client, site):
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    ArticlePageFactory(parent=site["home"], title="Shares a tag", terms=[site["armenia"]])
    pinned = ArticlePageFactory(parent=site["home"], title="Pinned", terms=[site["kazakhstan"]])
    RelatedPin.objects.create(page=article, article=pinned)
    assert related_titles(client.get(article.url)) == ["Pinned", "Shares a tag"]


@pytest.mark.parametrize("candidates", [2, 200])
def test_related_is_the_same_ranked_from_kept_lists_or_in_sql(
    site, settings, monkeypatch, candidates
):
    """With the page cache on, each term's kept list is ranked in Python; with it off, one
    query ranks: the same stories either way, pins first."""
    monkeypatch.setattr(selectors, "RELATED_CANDIDATES", candidates)
    terms = [site["armenia"], site["caucasus"], site["politics"]]
    article = ArticlePageFactory(parent=site["home"], terms=terms)
    for n, shared in enumerate([terms, terms[:1], terms[2:], terms[1:], terms[:2], terms]):
        ArticlePageFactory(parent=site["home"], title=f"Story {n}", terms=shared)
    pinned = ArticlePageFactory(parent=site["home"], title="Pinned", terms=[site["kazakhstan"]])
    RelatedPin.objects.create(page=article, article=pinned)
    ranked = {}
    for cache_on in (True, False):
        settings.DATELINE_PAGE_CACHE = cache_on
        ids = selectors.related_ids(article, selectors.story_rows(article), limit=4)
        ranked[cache_on] = [ArticlePage.objects.get(pk=pk).title for pk in ids]
    assert ranked[True] == ranked[False]
    assert ranked[False][0] == "Pinned" and len(ranked[False]) == min(4, 1 + candidates)


def test_unpublished_stories_are_never_related(client, site):
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    ArticlePageFactory(parent=site["home"], title="Published", terms=[site["armenia"]])
    draft = ArticlePageFactory(parent=site["home"], title="Draft", terms=[site["armenia"]])
    draft.unpublish()
    assert related_titles(client.get(article.url)) == ["Published"]


def test_news_article_structured_data(client, site):
    article = ArticlePageFactory(
        parent=site["home"],
        title="Ceasefire announced",
        standfirst="Fighting stopped after a day.",
        lead_image=ImageFactory(),
        terms=[site["armenia"], site["caucasus"], site["politics"]],
        authors=[site["author"]],
    )
    html = client.get(article.url).content.decode()
    news, breadcrumbs = structured_data(html)
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == "Ceasefire announced"
    assert news["description"] == "Fighting stopped after a day."
    assert news["datePublished"].startswith(article.first_published_at.date().isoformat()[:4])
    assert news["dateModified"] >= news["datePublished"]
    assert news["author"][0]["name"] == "Nino Beridze"
    assert news["image"][0].startswith("http")
    assert news["publisher"]["name"]
    assert news["articleSection"] == "Politics"
    assert news["keywords"] == ["Armenia", "Caucasus", "Politics"]
    assert news["inLanguage"] == "en"
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Test Newsroom",
        "Armenia",
        "Ceasefire announced",
    ]


def test_structured_data_cannot_break_out_of_its_script(client, site):
    article = ArticlePageFactory(parent=site["home"], title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_seo_tags(client, site):
    article = ArticlePageFactory(
        parent=site["home"],
        title="Glacier melt",
        standfirst="Ice is vanishing.",
        lead_image=ImageFactory(),
    )
    html = client.get(article.url).content.decode()
    assert "<title>Glacier melt | " in html
    assert '<meta name="description" content="Ice is vanishing.">' in html
    assert '<link rel="canonical" href="http://localhost/glacier-melt/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_article_query_count_does_not_grow_with_tags_authors_or_related(client, site):
    def queries_for(article):
        client.get(article.url)  # first render creates image renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    small = ArticlePageFactory(
        parent=site["home"],
        lead_image=ImageFactory(),
        terms=[site["armenia"]],
        authors=[site["author"]],
    )
    make_articles(site, 2)
    small_count = queries_for(small)

    big = ArticlePageFactory(
        parent=site["home"],
        lead_image=ImageFactory(),
        terms=[
            site["armenia"],
            site["georgia"],
            site["caucasus"],
            site["politics"],
            site["unrest"],
        ],
        authors=[site["author"], site["author"]],
    )
    make_articles(site, 8)
    big_count = queries_for(big)
    assert big_count == small_count
    # Wagtail routing 7, chrome (menus, footer, settings, editions) ~10, the story and its
    # relations, related, popular and live updates: a fixed budget, reduced by #8's cache.
    assert big_count <= 34


def test_titles_carry_the_newsroom_name_from_site_settings(client, site):
    from wagtail.models import Site

    from dateline.core.models import SiteSettings

    newsroom = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    newsroom.name = "Borderland Ledger"
    newsroom.save()
    site["home"].tagline = "Reporting from the region"  # each edition's own tagline
    site["home"].save_revision().publish()
    article = ArticlePageFactory(parent=site["home"], title="Glacier melt")
    assert (
        "<title>Glacier melt | Borderland Ledger</title>"
        in client.get(article.url).content.decode()
    )
    home_html = client.get("/").content.decode()
    assert "<title>Borderland Ledger — Reporting from the region</title>" in home_html


def test_an_article_page_has_one_newsletter_form(client, site):
    """The story's call to action carries the signup form; the footer leaves its copy out
    (the footer of other pages keeps it)."""
    article = ArticlePageFactory(parent=site["home"], slug="one-form")
    html = client.get(article.url).content.decode()
    assert html.count('<form class="signup"') == 1
    main = html[html.index("<main") : html.index("</main>")]
    assert '<form class="signup"' in main
    assert client.get("/about/").content.decode().count('<form class="signup"') == 1


def test_an_unpublished_pinned_story_gives_its_place_to_the_next(client, site):
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    gone = ArticlePageFactory(parent=site["home"], title="Unpublished", terms=[site["kazakhstan"]])
    kept = ArticlePageFactory(parent=site["home"], title="Still live", terms=[site["kazakhstan"]])
    # Each story the factory makes is a day newer than the one before.
    ArticlePageFactory(parent=site["home"], title="Shares a tag, older", terms=[site["armenia"]])
    ArticlePageFactory(parent=site["home"], title="Shares a tag, newer", terms=[site["armenia"]])
    RelatedPin.objects.create(page=article, article=gone, sort_order=0)
    RelatedPin.objects.create(page=article, article=kept, sort_order=1)
    assert related_titles(client.get(article.url)) == [
        "Unpublished",
        "Still live",
        "Shares a tag, newer",
    ]
    gone.unpublish()
    # The unpublished pin gives its place to the next story, not an empty slot.
    assert related_titles(client.get(article.url)) == [
        "Still live",
        "Shares a tag, newer",
        "Shares a tag, older",
    ]
