"""The index follows the editors: publish, edit, unpublish, make private, delete."""

import pytest
from wagtail.models import PageViewRestriction

from dateline.search import tasks
from dateline.search.models import SearchEntry
from tests.helpers.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def found(client, query, path="/search/") -> list[str]:
    return [result.page.title for result in client.get(path, {"q": query}).context["items"]]


def test_publishing_indexes_and_editing_reindexes(client, site, publish):
    article = publish(site["home"], "Gas pipeline delayed")
    assert found(client, "pipeline") == ["Gas pipeline delayed"]

    article.title = "Railway link delayed"
    article.save_revision()  # a draft: readers still see the published words
    assert found(client, "pipeline") == ["Gas pipeline delayed"]
    assert found(client, "railway") == []

    article.get_latest_revision().publish()
    assert found(client, "pipeline") == []
    assert found(client, "railway") == ["Railway link delayed"]


def test_unpublishing_removes_and_republishing_restores(client, site, publish):
    article = publish(site["home"], "Gas pipeline delayed")
    article.unpublish()
    assert found(client, "pipeline") == []
    article.save_revision().publish()
    assert found(client, "pipeline") == ["Gas pipeline delayed"]


def test_deleting_removes(client, site, publish):
    article = publish(site["home"], "Gas pipeline delayed")
    article.delete()
    assert found(client, "pipeline") == []
    assert (
        not SearchEntry.objects.exists()
        or not SearchEntry.objects.filter(page_id=article.pk).exists()
    )


def test_private_sections_leave_the_index(client, site, publish):
    section = StandardPageFactory(parent=site["home"], title="Staff area", slug="staff")
    section.save_revision().publish()
    assert found(client, "staff") == ["Staff area"]
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    tasks.reindex_section.call(section.pk)  # what the worker runs after the change
    assert found(client, "staff") == []
    restriction.delete()
    tasks.reindex_section.call(section.pk)
    assert found(client, "staff") == ["Staff area"]


def test_drafts_are_not_indexed(client, site):
    page = StandardPageFactory(parent=site["home"], title="Budget draft", slug="budget", live=False)
    assert found(client, "budget") == []
    page.save_revision().publish()
    assert found(client, "budget") == ["Budget draft"]
    page.refresh_from_db()
    page.unpublish()
    assert found(client, "budget") == []


def test_rebuilding_indexes_a_blog_post_once_as_a_blog_post(client, site, publish):
    from dateline.search import services
    from tests.helpers.media_factories import BlogPageFactory, BlogPostPageFactory

    publish(site["home"], "Harvest festival opens")
    blog = BlogPageFactory(parent=site["home"], title="Kitchen Table", slug="kitchen-table")
    post = BlogPostPageFactory(parent=blog, title="Harvest recipes", slug="harvest-recipes")
    post.save_revision().publish()

    # A blog post is also an ArticlePage: it must not be written (and counted) twice.
    # Indexed: the two stories and the site's About and Newsletter pages.
    assert services.rebuild() == SearchEntry.objects.count() == 4
    assert set(found(client, "harvest")) == {"Harvest festival opens", "Harvest recipes"}
    response = client.get("/search/", {"q": "harvest", "type": "blog-post"})
    assert [item.page.title for item in response.context["items"]] == ["Harvest recipes"]
    assert [item.kind for item in response.context["items"]] == ["blog post"]


def test_retagging_and_republishing_moves_an_article_between_filters(client, site, publish):
    from dateline.news.models import ArticlePage, ArticleTag

    def in_region(region: str) -> list[str]:
        response = client.get("/search/", {"q": "dam", "place": region})
        return [item.page.title for item in response.context["items"]]

    article = publish(site["home"], "Dam repairs begin", terms=[site["armenia"]])
    assert in_region("caucasus") == ["Dam repairs begin"]
    assert in_region("central-asia") == []

    ArticleTag.objects.filter(page=article).update(term=site["kazakhstan"])
    ArticlePage.objects.get(pk=article.pk).save_revision().publish()
    assert in_region("caucasus") == []
    assert in_region("central-asia") == ["Dam repairs begin"]


def test_rich_text_is_indexed_as_the_reader_reads_it(client, site, publish):
    publish(
        site["home"],
        "Border queue",
        text="Trucks &amp; buses<br/>waited</p><ul><li>overnight</li><li>again</li></ul><p>"
        "Officials <b>promised</b> an answer",
    )
    for words in ("trucks buses", "waited", "overnight again", "promised answer"):
        assert found(client, words) == ["Border queue"], words
    assert found(client, "amp") == []  # the entity was text, not a word
