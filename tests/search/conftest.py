import itertools

import pytest
from wagtail.rich_text import RichText

from tests.helpers.factories import ArticlePageFactory


def body(text: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def publish():
    """Create an article and publish it the way an editor does (so Wagtail's signals run)."""

    numbers = itertools.count(1)

    def make(parent, title, standfirst="A short standfirst.", text="A paragraph.", **kwargs):
        kwargs.setdefault("slug", f"story-{next(numbers)}")
        article = ArticlePageFactory(
            parent=parent, title=title, standfirst=standfirst, body=body(text), **kwargs
        )
        article.save_revision().publish()
        return article

    return make
