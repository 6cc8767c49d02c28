"""Ghost exports (2.x to 5.x): the ``{"db": [{"data": ...}]}`` shape and the flat one."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from .sources import Author, Item, SourceError, Term
from .wordpress import normalise_url

GHOST_URL = "__GHOST_URL__"
STATUSES = {"published": "publish", "draft": "draft", "scheduled": "future", "sent": "publish"}


@dataclass
class Export:
    site_url: str = ""
    items: list[Item] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)


def _data(document) -> dict:
    if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
        document = document["db"][0]
    if isinstance(document, dict) and isinstance(document.get("data"), dict):
        document = document["data"]
    if not isinstance(document, dict) or not isinstance(document.get("posts"), list):
        raise SourceError("no posts found: is this a Ghost export (Settings → Labs → Export)?")
    return document


def _date(value) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):  # Ghost 0.x/1.x wrote milliseconds
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00").replace(" ", "T"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def read(path: Path, site_url: str = "") -> Export:
    data = _load(path)
    settings = {s.get("key"): s.get("value") for s in _rows(data, "settings")}
    site = (site_url or settings.get("url") or "").rstrip("/")
    export = Export(site_url=site)
    users, tags = _users(data), _tags(data)
    export.authors = {author.key: author for _, author in users}
    export.terms = [term for _, term in tags]
    posts = _Posts(
        site=site,
        users=dict(users),
        tags=dict(tags),
        post_tags=_grouped(data, "posts_tags", "tag_id"),
        post_authors=_grouped(data, "posts_authors", "author_id"),
        meta={str(m.get("post_id")): m for m in _rows(data, "posts_meta")},
    )
    for item in filter(None, map(posts.item, data["posts"])):
        export.items.append(item)
        if site:
            export.links[normalise_url(item.link)] = item.source_id
    for author in export.authors.values():
        author.url = f"{site}/author/{author.key}/"
    return export


def _load(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return _data(json.load(handle))
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{path}: not a complete Ghost export: line {error.lineno}, column {error.colno}: "
            f"{error.msg}"
        ) from None
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error}") from None
    except SourceError as error:
        raise SourceError(f"{path}: {error}") from None


def _rows(data: dict, table: str) -> list:
    return data.get(table, []) or []


def _users(data: dict) -> list[tuple[str, Author]]:
    """The export's users as (user id, author)."""
    users = []
    for user in _rows(data, "users"):
        author = Author(
            key=user.get("slug") or str(user["id"]),
            name=user.get("name") or user.get("slug") or "",
            email=user.get("email") or "",
            bio=user.get("bio") or "",
            source_id=str(user["id"]),
        )
        users.append((str(user["id"]), author))
    return users


def _tags(data: dict) -> list[tuple[str, Term]]:
    """The public tags as (tag id, term); internal "#tags" are left out."""
    tags = []
    for tag in _rows(data, "tags"):
        if (tag.get("name") or "").startswith("#") or tag.get("visibility") == "internal":
            continue
        term = Term("tag", tag.get("slug") or "", tag.get("name") or "", str(tag["id"]))
        tags.append((str(tag["id"]), term))
    return tags


def _grouped(data: dict, table: str, column: str) -> dict[str, list[str]]:
    """A join table (posts_tags, posts_authors) as post id → ids, in their sort order."""
    grouped: dict[str, list[str]] = {}
    for row in sorted(_rows(data, table), key=lambda r: r.get("sort_order") or 0):
        grouped.setdefault(str(row["post_id"]), []).append(str(row[column]))
    return grouped


@dataclass
class _Posts:
    """Ghost posts and pages into items, with what the other tables say of them."""

    site: str
    users: dict[str, Author]
    tags: dict[str, Term]
    post_tags: dict[str, list[str]]
    post_authors: dict[str, list[str]]
    meta: dict[str, dict]

    def resolve(self, text) -> str:
        return (text or "").replace(GHOST_URL, self.site)

    def item(self, post: dict) -> Item | None:
        post_id = str(post["id"])
        kind = post.get("type") or ("page" if post.get("page") else "post")
        if kind not in ("post", "page"):
            return None
        extra = self.meta.get(post_id, {})
        slug = post.get("slug") or ""
        return Item(
            source_id=post_id,
            kind=kind,
            title=post.get("title") or "",
            slug=slug,
            html=self.resolve(_body(post)),
            excerpt=_excerpt(post, extra),
            status=_status(post),
            published_at=_date(post.get("published_at")),
            modified_at=_date(post.get("updated_at")),
            authors=self.authors(post, post_id),
            terms=self.terms(post_id),
            link=f"{self.site}/{slug}/" if self.site else f"/{slug}/",
            feature_image=self.resolve(post.get("feature_image")),
            feature_caption=_feature(post, extra, "feature_image_caption"),
            feature_alt=_feature(post, extra, "feature_image_alt"),
        )

    def authors(self, post: dict, post_id: str) -> list[str]:
        """From posts_authors (Ghost 1+), else the post's own author_id (0.x)."""
        ids = self.post_authors.get(post_id) or (
            [str(post["author_id"])] if post.get("author_id") else []
        )
        return [self.users[a].key for a in ids if a in self.users]

    def terms(self, post_id: str) -> list[tuple[str, str, str]]:
        tags = [self.tags[t] for t in self.post_tags.get(post_id, []) if t in self.tags]
        return [(tag.taxonomy, tag.slug, tag.name) for tag in tags]


def _body(post: dict) -> str:
    """The post's HTML, or its plain text in paragraphs when the export has no HTML."""
    body = post.get("html")
    if body is None:
        text = post.get("plaintext") or ""
        body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return body


def _status(post: dict) -> str:
    """Ghost's status as WordPress's words; a members-only published post is private."""
    status = STATUSES.get(post.get("status") or "draft", "draft")
    visibility = post.get("visibility") or "public"
    if visibility != "public" and status == "publish":
        status = "private"
    return status


def _excerpt(post: dict, extra: dict) -> str:
    return post.get("custom_excerpt") or extra.get("meta_description") or ""


def _feature(post: dict, extra: dict, name: str) -> str:
    """The feature image's caption or alt text: from posts_meta (Ghost 4+), else the post."""
    return extra.get(name) or post.get(name) or ""
