"""The API's computed fields: each reads the whole page (``source="*"``), never writes."""

from rest_framework import serializers


class PageField(serializers.Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)


def _term(term) -> dict:
    return {"id": term.pk, "title": term.title, "slug": term.slug}


class TermsField(PageField):
    """A list of {id, title, slug} for the place or topic terms of a story."""

    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [_term(t) for t in getattr(page, f"{self.kind}_terms", [])]


class AuthorsField(PageField):
    def to_representation(self, page):
        return [
            {"id": a.pk, "name": a.title, "url": a.get_full_url()}
            for a in getattr(page, "author_pages", [])
        ]


class ImageURLField(PageField):
    """The lead image as a 1200px-wide JPEG with its alternative text."""

    def to_representation(self, page):
        if not page.lead_image_id:
            return None
        rendition = page.lead_image.get_rendition("width-1200|format-jpeg")
        return {
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.lead_image_alt_text,
        }


class URLField(PageField):
    def to_representation(self, page):
        return page.get_full_url()


class AudioField(PageField):
    def to_representation(self, episode):
        if episode.audio is None:
            return None
        url = episode.audio.file.url
        if url.startswith("/"):
            url = episode.get_site().root_url + url
        return {
            "url": url,
            "type": episode.audio_type,
            "size": episode.audio_size,
            "duration": episode.duration,
        }
