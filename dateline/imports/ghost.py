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
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = _data(json.load(handle))
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{path}: not a complete Ghost export: line {error.lineno}, column {error.colno}: "
            f"{error.msg}"
        ) from None
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error}") from None
    except SourceError as error:
        raise SourceError(f"{path}: {error}") from None
    settings = {s.get("key"): s.get("value") for s in data.get("settings", []) or []}
    site = (site_url or settings.get("url") or "").rstrip("/")
    export = Export(site_url=site)

    def resolve(text):
        return (text or "").replace(GHOST_URL, site)

    users = {}
    for user in data.get("users", []) or []:
        author = Author(
            key=user.get("slug") or str(user["id"]),
            name=user.get("name") or user.get("slug") or "",
            email=user.get("email") or "",
            bio=user.get("bio") or "",
            source_id=str(user["id"]),
        )
        users[str(user["id"])] = author
        export.authors[author.key] = author
    tags = {}
    for tag in data.get("tags", []) or []:
        if (tag.get("name") or "").startswith("#") or tag.get("visibility") == "internal":
            continue
        term = Term("tag", tag.get("slug") or "", tag.get("name") or "", str(tag["id"]))
        tags[str(tag["id"])] = term
        export.terms.append(term)
    post_tags: dict[str, list] = {}
    for row in sorted(data.get("posts_tags", []) or [], key=lambda r: r.get("sort_order") or 0):
        post_tags.setdefault(str(row["post_id"]), []).append(str(row["tag_id"]))
    post_authors: dict[str, list] = {}
    for row in sorted(data.get("posts_authors", []) or [], key=lambda r: r.get("sort_order") or 0):
        post_authors.setdefault(str(row["post_id"]), []).append(str(row["author_id"]))
    meta = {str(m.get("post_id")): m for m in data.get("posts_meta", []) or []}

    for post in data["posts"]:
        post_id = str(post["id"])
        kind = post.get("type") or ("page" if post.get("page") else "post")
        if kind not in ("post", "page"):
            continue
        extra = meta.get(post_id, {})
        body = post.get("html")
        if body is None:
            text = post.get("plaintext") or ""
            body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
        author_ids = post_authors.get(post_id) or (
            [str(post["author_id"])] if post.get("author_id") else []
        )
        slug = post.get("slug") or ""
        link = f"{site}/{slug}/" if site else f"/{slug}/"
        visibility = post.get("visibility") or "public"
        status = STATUSES.get(post.get("status") or "draft", "draft")
        if visibility != "public" and status == "publish":
            status = "private"
        item = Item(
            source_id=post_id,
            kind=kind,
            title=post.get("title") or "",
            slug=slug,
            html=resolve(body),
            excerpt=post.get("custom_excerpt") or extra.get("meta_description") or "",
            status=status,
            published_at=_date(post.get("published_at")),
            modified_at=_date(post.get("updated_at")),
            authors=[users[a].key for a in author_ids if a in users],
            terms=[
                (tags[t].taxonomy, tags[t].slug, tags[t].name)
                for t in post_tags.get(post_id, [])
                if t in tags
            ],  # fmt: skip
            link=link,
            feature_image=resolve(post.get("feature_image")),
            feature_caption=extra.get("feature_image_caption")
            or post.get("feature_image_caption")
            or "",
            feature_alt=extra.get("feature_image_alt") or post.get("feature_image_alt") or "",
        )
        export.items.append(item)
        if site:
            export.links[normalise_url(link)] = post_id
    for author in export.authors.values():
        author.url = f"{site}/author/{author.key}/"
    return export
