"""Where a post goes: the edition's home page as an article, or a named blog as one of its
posts, or a podcast series as an episode, by the mapping file's ``blog:`` and ``podcast:``
lines or by ``--blog`` / ``--podcast`` (see docs/import.md)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from wagtail.models import Locale, Page

from dateline.core.models import StandardPage
from dateline.multimedia.models import (
    BlogPage,
    BlogPostPage,
    MediaTag,
    PodcastEpisodePage,
    PodcastSeriesPage,
)
from dateline.news.models import ArticlePage

from ..convert import plain_text
from ..convert.audio import episode_audio
from ..sources import Item, SourceError

# A section's kind: (the container's model, its children's model, what editors call it).
KINDS = {
    "blog": (BlogPage, BlogPostPage, "blog"),
    "podcast": (PodcastSeriesPage, PodcastEpisodePage, "podcast series"),
}
EVERY_POST = ("*", "*")  # the mapping's key for "all posts"


def section_target(text: str) -> tuple[str, str] | None:
    """``("blog", "field-notes")`` for a mapping's ``blog:field-notes``, else None."""
    kind, colon, slug = text.partition(":")
    if colon and kind.strip().lower() in KINDS and slug.strip():
        return kind.strip().lower(), slug.strip()
    return None


class Sections:
    """The mapping's section lines (and ``--blog`` / ``--podcast``), applied to items."""

    def __init__(self, owner, blog: str = "", podcast: str = ""):
        self.owner = owner  # the importer: its mapping and its report
        self.lines = dict(owner.mapping.sections)
        # The options come after the lines for given terms, before the file's line for
        # every post: --podcast first, for the posts that have audio.
        self.every_post = [f"podcast:{podcast}"] if podcast else []
        self.every_post += [f"blog:{blog}"] if blog else []
        self.every_post += [self.lines.pop(EVERY_POST)] if EVERY_POST in self.lines else []

    def check(self) -> None:
        """Every blog and podcast named exists in some edition, before anything is written."""
        for target in sorted({*self.lines.values(), *self.every_post}):
            kind, slug = section_target(target)
            container, _, name = KINDS[kind]
            if not container.objects.filter(slug=slug).exists():
                raise SourceError(
                    f"{target} (in the mapping or given by --{kind}): the site has no {name} "
                    f"with the slug {slug!r}"
                )

    def assign(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, each post with the section it goes to (``Item.section``)."""
        for item in items:
            if item.kind == "post" and (self.lines or self.every_post):
                item.section = self.section_of(item)
            yield item

    def section_of(self, item: Item) -> str:
        """The first section that takes the post: by its terms' lines in their order, then
        for every post; a podcast takes only posts that have an audio file."""
        keys = [(_taxonomy(t), s.casefold()) for t, s, _ in item.terms]
        keys += [("*", slug) for _, slug in keys]
        targets = [self.lines[key] for key in keys if key in self.lines] + self.every_post
        for target in targets:
            if not target.startswith("podcast:") or episode_audio(item.html):
                return target
            self.owner.report.warn(item.source_id, f"{target}: no audio file, not an episode")
        return ""


def _taxonomy(name: str) -> str:
    """The mapping's name of a taxonomy (a Ghost or feed "tag" is WordPress's "post_tag")."""
    return "post_tag" if name == "tag" else name


def destination(item: Item, home: Page) -> tuple[Page, type[Page]]:
    """The page an item goes under, and its page type."""
    if item.kind != "post":
        return home, StandardPage
    target = section_target(item.section) if item.section else None
    if target is None:
        return home, ArticlePage
    container_model, model, name = KINDS[target[0]]
    found = container_model.objects.descendant_of(home).filter(slug=target[1]).first()
    if found is None:  # the edition's translation of the one with that slug elsewhere
        other = container_model.objects.filter(slug=target[1]).first()
        found = other and other.get_translation_or_none(Locale.objects.get(pk=home.locale_id))
    if found is None:
        raise LookupError(f"the {home.locale} edition has no {name} {target[1]!r}")
    return found, model


def fill_page(page: Page, item: Item, prepared: dict, summary: str, resolver) -> None:
    """A standard page's or a podcast episode's own fields (an article's are ``write``'s)."""
    if not isinstance(page, PodcastEpisodePage):
        page.body = prepared["blocks"]
        page.intro = summary[:1000]
        return
    audio_url = episode_audio(item.html)
    audio = resolver.document(audio_url)  # imported once by its content, as images are
    if audio is None or page.audio_id != audio.pk:
        page.duration = 0  # read again from the file when the page is saved
    page.audio = audio
    page.standfirst = (summary or page.title)[:400]
    page.lead_image = prepared["lead"]
    page.lead_image_alt = plain_text(item.feature_alt)[:300]
    page.show_notes = show_notes(prepared["blocks"], audio_url, audio)
    page.media_tags = [MediaTag(term=t, sort_order=n) for n, t in enumerate(prepared["terms"])]


def show_notes(blocks: list, audio_url: str, audio) -> str:
    """The episode's notes: the post's text without its audio player, as rich text (links
    and images' captions kept as paragraphs, headings and quotes as bold and quoted text)."""
    player_urls = {audio_url, audio.url if audio is not None else audio_url}
    parts = []
    for kind, value in blocks:
        if kind == "paragraph":
            parts.append(value.source)
        elif kind == "heading":
            parts.append(f"<p><b>{html.escape(str(value))}</b></p>")
        elif kind == "quote":
            parts.append(f"<p>“{html.escape(value['text'])}”</p>")
        elif kind == "embed" and value.get("url") not in player_urls:
            url, title = html.escape(value["url"]), html.escape(value["title"] or value["url"])
            parts.append(f'<p><a href="{url}">{title}</a></p>')
    return "".join(parts)
