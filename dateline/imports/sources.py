"""What every source (WordPress, Ghost, a feed) is read into before the shared pipeline
writes it: plain data, no Django."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field


class SourceError(Exception):
    """The export cannot be read: the message names the file and the place."""


@dataclass
class Author:
    key: str  # login or slug: what items name their authors by
    name: str
    email: str = ""
    bio: str = ""
    source_id: str = ""
    url: str = ""  # the old author archive


@dataclass
class Term:
    taxonomy: str  # "category", "post_tag", "tag" (Ghost), ...
    slug: str
    name: str
    source_id: str = ""
    url: str = ""  # the old archive


@dataclass
class Attachment:
    source_id: str
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    description: str = ""
    link: str = ""  # the old attachment page


@dataclass
class Item:
    source_id: str
    kind: str  # "post" or "page"
    title: str
    slug: str
    html: str
    excerpt: str = ""
    status: str = "publish"  # publish, draft, pending, future, private
    password: bool = False
    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)  # Author.key, in order
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (taxonomy, slug, name)
    link: str = ""  # the old permalink
    old_paths: list[str] = field(default_factory=list)  # /?p=1 and the like
    feature_image: str = ""
    feature_image_id: str = ""
    feature_caption: str = ""
    feature_alt: str = ""
    language: str = ""  # the item's language when the export says it (WPML, Polylang)
    translation_group: str = ""
    section: str = ""  # "blog:<slug>" or "podcast:<slug>" when a mapping sends it there

    def checksum(self) -> str:
        data = asdict(self)
        return hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()
