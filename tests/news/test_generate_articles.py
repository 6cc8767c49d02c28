import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_generated_articles_are_real_live_pages_with_tags(client, site):
    site["author"]  # the site has places, topics and an author
    call_command("generate_articles", count=30, verbosity=0, stdout=io.StringIO())
    articles = ArticlePage.objects.live()
    assert articles.count() == 30
    article = articles.first()
    assert article.tags.count() >= 3 and article.authors.count() == 1
    assert client.get(article.url).status_code == 200
    home = Page.objects.get(pk=site["home"].pk)
    assert home.numchild == home.get_children().count()
    # The tree stays consistent: a page added the normal way lands after the generated ones.
    from tests.helpers.factories import ArticlePageFactory

    added = ArticlePageFactory(parent=home)
    assert client.get(added.url).status_code == 200
    response = client.get("/regions/caucasus/")
    assert response.status_code == 200


def test_generate_needs_a_taxonomy(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_articles", count=3, verbosity=0)


def test_generate_refuses_a_non_positive_count(site):
    with pytest.raises(CommandError, match="positive"):
        call_command("generate_articles", count=0, verbosity=0)
