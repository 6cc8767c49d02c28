"""What the conversion asks of its caller, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field


class Resolver:
    """What the conversion asks of its caller; the default resolves nothing."""

    def image(self, url: str, attachment_id: str | None = None):
        """A Wagtail image for this address (or WordPress attachment id), or None."""
        return None

    def document(self, url: str):
        """A Wagtail document for this address (audio, video, files), or None."""
        return None

    def attachment(self, attachment_id: str) -> dict | None:
        """{"url", "caption", "alt"} of a WordPress attachment, for galleries."""
        return None

    def link(self, href: str) -> str | int:
        """The new address of an old link: a string, or the id of an imported page."""
        return href


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # "shortcode:name", "block:ns/name"

    def note(self, what: str) -> None:
        """Markup kept as text, listed once for an editor to check."""
        if what not in self.unknown:
            self.unknown.append(what)
