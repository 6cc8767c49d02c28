"""Small helpers about pages and old addresses shared by the pipeline's modules."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from django.utils.text import slugify
from wagtail.models import Page

from ..convert import plain_text

SUMMARY_LENGTH = 300


def free_slug(parent: Page, wanted: str, own_pk: int | None = None) -> str:
    """``wanted`` as a slug no other child of ``parent`` has (``-2``, ``-3``... if taken)."""
    base = slug_base(wanted)
    siblings = set(
        Page.objects.child_of(parent)
        .filter(slug__startswith=base)
        .exclude(pk=own_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in siblings:
        slug = f"{base}-{number}"
        number += 1
    return slug


def slug_base(wanted: str) -> str:
    """What a slug is made of before a number makes it unique among its siblings."""
    return (slugify(unquote(wanted), allow_unicode=True) or "item")[:240]


def url_key(url: str) -> str:
    """An old address as ``ImportedItem.old_url`` stores it."""
    from ..wordpress import normalise_url

    return normalise_url(url) if url else ""


def path_and_query(url: str) -> str:
    """The path of an old address, with its query if it has one."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def first_sentences(blocks: list) -> str:
    """The text of the first paragraph with text, cut at a word near 300 characters."""
    for kind, value in blocks:
        if kind != "paragraph":
            continue
        text = plain_text(value.source if hasattr(value, "source") else str(value))
        if text:
            return _shortened(text)
    return ""


def _shortened(text: str) -> str:
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
