"""Ghost exports (2.x to 5.x): the ``{"db": [{"data": ...}]}`` shape and the flat one.

Exports of large sites are 35 to 100 MB (each post carries its body two or three times:
HTML, mobiledoc, lexical), so the file is never loaded whole: ijson reads it as a stream,
twice, as the WordPress reader does. The first pass (``scan``) checks the file from start
to end and keeps the small tables (users, tags, the posts' tags and authors, their meta,
the settings) and each post's address; the second (``items``) builds one post at a time.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ijson

from .sources import Author, Item, SourceError, Term
from .wordpress import normalise_url

GHOST_URL = "__GHOST_URL__"
STATUSES = {"published": "publish", "draft": "draft", "scheduled": "future", "sent": "publish"}
SMALL_TABLES = ("users", "tags", "posts_tags", "posts_authors", "posts_meta", "settings")
# A row of a table, in either shape (or a bare {"posts": ...}): ijson's prefix for it.
ROW = re.compile(r"^(db\.item\.data\.|data\.|)([a-z_]+)\.item$")
POSTS = re.compile(r"^(db\.item\.data\.|data\.|)posts$")
POST_FIELDS = ("id", "slug", "type", "page")  # what the first pass keeps of a post
BOM = b"\xef\xbb\xbf"


@dataclass
class Scan:
    """What the first pass learnt: the small tables, and each post's address."""

    site_url: str = ""
    root: str = ""  # ijson's prefix of the tables: "db.item.data.", "data." or ""
    items: int = 0
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # normalised old URL -> post id
    tables: dict[str, list] = field(default_factory=lambda: {t: [] for t in SMALL_TABLES})


def _date(value) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):  # Ghost 0.x/1.x wrote milliseconds
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00").replace(" ", "T"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def scan(path: Path, site_url: str = "") -> Scan:
    """First pass: check the whole file; keep the small tables and the posts' addresses."""
    found, reader = Scan(), _Reader(path)
    slugs: dict[str, str] = {}
    for table, prefix in reader.rows(found):
        if table == "posts":
            post = reader.fields(prefix, POST_FIELDS)
            if _kind(post):
                found.items += 1
                slugs[str(post.get("id"))] = post.get("slug") or ""
        else:
            found.tables[table].append(reader.build(prefix))
    if reader.place.posts_seen is False:
        raise SourceError(
            f"{path}: no posts found: is this a Ghost export (Settings → Labs → Export)?"
        )
    settings = {s.get("key"): s.get("value") for s in found.tables["settings"]}
    found.site_url = (site_url or settings.get("url") or "").rstrip("/")
    found.authors = {author.key: author for _, author in _users(found.tables["users"])}
    found.terms = [term for _, term in _tags(found.tables["tags"])]
    for author in found.authors.values():
        author.url = f"{found.site_url}/author/{author.key}/"
    if found.site_url:
        for post_id, slug in slugs.items():
            found.links[normalise_url(f"{found.site_url}/{slug}/")] = post_id
    return found


def items(path: Path, found: Scan) -> Iterator[Item]:
    """Second pass: the posts and pages, one at a time."""
    posts = _Posts.of(found)
    reader = _Reader(path)
    for table, prefix in reader.rows(found):
        if table == "posts":
            post = reader.build(prefix)
            reader.place.note(post.get("id"))
            item = posts.item(post)
            if item is not None:
                yield item


class _Reader:
    """ijson's events of one file, with the place reached, for errors that name it."""

    def __init__(self, path: Path):
        self.path = path
        self.place = _Place()
        self.stream: Iterator | None = None

    def rows(self, found: Scan) -> Iterator[tuple[str, str]]:
        """(table, prefix) where each row of a table that is read starts; the caller takes
        the row with ``build`` or ``fields``, or leaves it to be read past."""
        self.stream = self._guarded()
        for prefix, event, _ in self.stream:
            if event == "start_array" and POSTS.match(prefix):
                self.place.posts_seen = True
            elif event == "start_map" and self.place.row(prefix, found):
                yield self.place.table, prefix

    def _guarded(self) -> Iterator[tuple[str, str, object]]:
        try:
            with open(self.path, "rb") as handle:
                if handle.read(3) != BOM:
                    handle.seek(0)
                yield from ijson.parse(handle, use_float=True)
        except ijson.JSONError as error:
            raise SourceError(
                f"{self.path}: not a complete Ghost export: {self.place.describe(error)}"
            ) from None
        except OSError as error:
            raise SourceError(f"{self.path}: cannot be read: {error}") from None

    def build(self, prefix: str):
        """The whole row that starts here (its ``start_map`` was just read)."""
        builder = ijson.ObjectBuilder()
        builder.event("start_map", None)
        for inner, event, value in self.stream:
            builder.event(event, value)
            if inner == prefix and event == "end_map":
                return builder.value
        return builder.value

    def fields(self, prefix: str, names: tuple[str, ...]) -> dict:
        """A row's top-level scalar ``names``, the rest of the row read past."""
        wanted = {f"{prefix}.{name}": name for name in names}
        row = {}
        for inner, event, value in self.stream:
            if inner == prefix and event == "end_map":
                break
            if inner in wanted and event not in ("start_map", "start_array", "map_key"):
                row[wanted[inner]] = value
        self.place.note(row.get("id"))
        return row


@dataclass
class _Place:
    """Where the reader is: which table, which row of it, after which post."""

    table: str = ""
    number: int = 0
    last_id: str = ""
    posts_seen: bool = False

    def row(self, prefix: str, found: Scan) -> bool:
        """Whether ``prefix`` starts a row of a table (in the export's shape), and count it."""
        match = ROW.match(prefix)
        if not match or match.group(2) not in (*SMALL_TABLES, "posts"):
            return False
        if self.table and match.group(1) != found.root:
            return False
        found.root = match.group(1)
        if match.group(2) != self.table:
            self.table, self.number = match.group(2), 0
        self.number += 1
        return True

    def note(self, post_id) -> None:
        if post_id is not None:
            self.last_id = str(post_id)

    def describe(self, error: Exception) -> str:
        reason, _, rest = str(error).strip().partition("\n")
        near = rest.split("\n")[0].strip() if rest else ""
        row = "post" if self.table == "posts" else "row"
        where = f"in {self.table}, {row} {self.number}" if self.table else "before any table"
        if self.table == "posts" and self.last_id and self.number > 1:
            where += f" (the one after id {self.last_id})"
        if "premature EOF" in reason:
            return f"the file ends too early, {where}"
        return f"{where}: {reason}" + (f", near: {near}" if near else "")


def _users(rows: list) -> list[tuple[str, Author]]:
    """The export's users as (user id, author)."""
    users = []
    for user in rows:
        author = Author(
            key=user.get("slug") or str(user["id"]),
            name=user.get("name") or user.get("slug") or "",
            email=user.get("email") or "",
            bio=user.get("bio") or "",
            source_id=str(user["id"]),
        )
        users.append((str(user["id"]), author))
    return users


def _tags(rows: list) -> list[tuple[str, Term]]:
    """The public tags as (tag id, term); internal "#tags" are left out."""
    tags = []
    for tag in rows:
        if (tag.get("name") or "").startswith("#") or tag.get("visibility") == "internal":
            continue
        term = Term("tag", tag.get("slug") or "", tag.get("name") or "", str(tag["id"]))
        tags.append((str(tag["id"]), term))
    return tags


def _grouped(rows: list, column: str) -> dict[str, list[str]]:
    """A join table (posts_tags, posts_authors) as post id → ids, in their sort order."""
    grouped: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: r.get("sort_order") or 0):
        grouped.setdefault(str(row["post_id"]), []).append(str(row[column]))
    return grouped


def _kind(post: dict) -> str:
    """The item's kind, "post" or "page", or "" for what is not imported."""
    kind = post.get("type") or ("page" if post.get("page") else "post")
    return kind if kind in ("post", "page") else ""


@dataclass
class _Posts:
    """Ghost posts and pages into items, with what the other tables say of them."""

    site: str
    users: dict[str, Author]
    tags: dict[str, Term]
    post_tags: dict[str, list[str]]
    post_authors: dict[str, list[str]]
    meta: dict[str, dict]

    @classmethod
    def of(cls, found: Scan) -> _Posts:
        tables = found.tables
        return cls(
            site=found.site_url,
            users=dict(_users(tables["users"])),
            tags=dict(_tags(tables["tags"])),
            post_tags=_grouped(tables["posts_tags"], "tag_id"),
            post_authors=_grouped(tables["posts_authors"], "author_id"),
            meta={str(m.get("post_id")): m for m in tables["posts_meta"]},
        )

    def resolve(self, text) -> str:
        return (text or "").replace(GHOST_URL, self.site)

    def item(self, post: dict) -> Item | None:
        post_id = str(post["id"])
        kind = _kind(post)
        if not kind:
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
