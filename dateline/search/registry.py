"""Content types that search indexes.

A content type joins search with one line in ``dateline/search/apps.py``::

    register_searchable(BlogPostPage, kind="blog-post", standfirst=["intro"], body=["body"])

The registration lives in the search app, not in the content app, because imports run
downward only: search may import the content apps, they may not import search. Fields named
in ``standfirst`` and ``body`` may be plain text, rich text or StreamFields; the headline is
always the page title.
"""

import html
import re
from dataclasses import dataclass

import nh3
from django.db.models import Model
from wagtail.blocks import RichTextBlock
from wagtail.fields import RichTextField, StreamField

HIDDEN = {"script", "style"}  # dropped with their content


@dataclass(frozen=True)
class SearchableModel:
    model: type[Model]
    kind: str
    standfirst: tuple[str, ...] = ()
    body: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def texts(self, page) -> tuple[str, str, str]:
        """The page's headline, standfirst and body as plain text."""
        return page.title, _text(page, self.standfirst), _text(page, self.body)


def _text(page, names: tuple[str, ...]) -> str:
    parts: list[str] = []
    for name in names:
        value = getattr(page, name, None)
        if not value:
            continue
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            parts.extend(_stream_text(value))
        elif isinstance(model_field, RichTextField):
            parts.append(html_text(value))
        elif hasattr(model_field, "get_searchable_content"):
            parts.extend(str(text) for text in model_field.get_searchable_content(value))
        else:
            parts.append(str(value))
    return "\n".join(part for part in parts if part)


def _stream_text(value) -> list[str]:
    """A StreamField's searchable text, as Wagtail's ``get_searchable_content`` gives it, with
    top-level rich text read by ``html_text`` (Wagtail's own strips tags with Python's HTML
    parser, a seventh of an archive import's time)."""
    parts: list[str] = []
    for child in value:
        block = child.block
        if isinstance(block, RichTextBlock):
            if block.search_index:
                parts.append(html_text(child.value.source))
        else:
            parts.extend(str(text) for text in block.get_searchable_content(child.value))
    return parts


BLOCK_END = re.compile(r"(</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/?>)", re.IGNORECASE)


def html_text(source) -> str:
    """Rich text as plain text: tags removed (their content kept, a space after each block
    and line break, so that ``<p>a</p><p>b</p>`` is "a b"), entities decoded once. nh3
    (Rust) parses it as a browser would."""
    source = str(source or "")
    if not source.strip():
        return ""
    spaced = BLOCK_END.sub(r"\1 ", source)
    return html.unescape(nh3.clean(spaced, tags=set(), clean_content_tags=HIDDEN)).strip()


_searchable: list[SearchableModel] = []


def register_searchable(
    model: type[Model],
    kind: str,
    standfirst: list[str] | tuple[str, ...] = (),
    body: list[str] | tuple[str, ...] = (),
) -> None:
    """Index ``model``'s live pages; ``kind`` is its value in the search's type filter."""
    if any(entry.model is model for entry in _searchable):
        return
    entry = SearchableModel(model, kind, tuple(standfirst), tuple(body))
    _searchable.append(entry)


def searchable_models() -> list[SearchableModel]:
    return list(_searchable)


def entry_for(model: type[Model]) -> SearchableModel | None:
    for entry in _searchable:
        if entry.model is model:
            return entry
    return None


def entry_for_kind(kind: str) -> SearchableModel | None:
    for entry in _searchable:
        if entry.kind == kind:
            return entry
    return None
