"""WordPress eXtended RSS (WXR 1.0, 1.1, 1.2) read as a stream.

lxml's iterparse reads one element at a time; each channel-level element is dropped once
read, so memory stays flat whatever the size of the file. The file is read twice: the
first pass (``scan``) checks that it is well formed from start to end and gathers what the
second needs (authors, terms, attachments, each post's permalink), before anything is
written; the second (``items``) yields the posts and pages one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .sources import Attachment, Author, Item, SourceError, Term

WP_NAMESPACE_PREFIX = "http://wordpress.org/export/"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
TERM_TAXONOMIES = {"category": "category", "post_tag": "post_tag", "tag": "post_tag"}
WPML_LANGUAGE = ("_wpml_import_language_code", "_wpml_language")
WPML_GROUP = ("_wpml_import_translation_group", "_wpml_trid")


@dataclass
class Scan:
    """What the first pass learnt."""

    site_url: str = ""
    wxr_version: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    terms: dict[tuple[str, str], Term] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # normalised old URL -> post id
    items: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # nav_menu_item: 12, comment: 40
    languages: set[str] = field(default_factory=set)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _is_wp(tag) -> bool:
    return isinstance(tag, str) and tag.startswith("{" + WP_NAMESPACE_PREFIX)


def _children(element) -> dict[str, str]:
    """First value of each WordPress-namespaced or plain child, by local name."""
    values: dict[str, str] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = _local(tag)
        if tag.startswith("{" + CONTENT):
            name = "content"
        elif tag.startswith("{" + WP_NAMESPACE_PREFIX) and "/excerpt/" in tag:
            name = "excerpt"
        elif tag.startswith("{" + DC):
            name = "dc_" + name
        if name not in values:
            values[name] = child.text or ""
    return values


def _stream(path: Path):
    try:
        for _, element in etree.iterparse(
            str(path),
            events=("end",),
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
            recover=False,
        ):
            parent = element.getparent()
            if parent is not None and _local(parent.tag) == "channel":
                yield element
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        line, column = getattr(error, "position", (error.lineno, 0)) or (error.lineno, 0)
        raise SourceError(
            f"{path}: not a complete WordPress export: line {line}, column {column}: {error.msg}"
        ) from None
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error}") from None


def normalise_url(url: str) -> str:
    """An old address as a key: no scheme, no host's "www.", no trailing slash, decoded."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _date(value: str, gmt: str = "") -> dt.datetime | None:
    for text, zone in ((gmt, dt.UTC), (value, None)):
        text = (text or "").strip()
        if not text or text.startswith("0000"):
            continue
        try:
            parsed = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            try:
                from email.utils import parsedate_to_datetime

                return parsedate_to_datetime(text)
            except (TypeError, ValueError):
                continue
        if zone is not None:
            return parsed.replace(tzinfo=zone)
        from django.utils import timezone

        return timezone.make_aware(parsed)
    return None


def scan(path: Path) -> Scan:
    """First pass: check the file and gather authors, terms, attachments and links."""
    result = Scan()
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    seen_channel = False
    for element in _stream(path):
        seen_channel = True
        _scan_element(element, result)
    if not seen_channel:
        raise SourceError(f"{path}: no <channel> found: is this a WordPress export (WXR)?")
    if not result.wxr_version:
        raise SourceError(f"{path}: no <wp:wxr_version>: is this a WordPress export (WXR)?")
    return result


def _scan_element(element, result: Scan) -> None:
    """One element of the channel: the WordPress ones by their handler, the site's link,
    or an item."""
    name = _local(element.tag)
    if _is_wp(element.tag):
        handler = CHANNEL_HANDLERS.get(name)
        if handler is not None:
            handler(element, name, result)
    elif name == "link" and not result.site_url:
        result.site_url = (element.text or "").strip()
    elif name == "item":
        _scan_item(element, result)


def _wxr_version(element, name: str, result: Scan) -> None:
    result.wxr_version = (element.text or "").strip()


def _site_url(element, name: str, result: Scan) -> None:
    if name == "base_blog_url" or not result.site_url:
        result.site_url = (element.text or "").strip()


def _author(element, name: str, result: Scan) -> None:
    values = _children(element)
    key = values.get("author_login", "").strip()
    if key:
        result.authors[key] = Author(
            key=key,
            name=values.get("author_display_name", "").strip() or key,
            email=values.get("author_email", "").strip(),
            source_id=values.get("author_id", "").strip() or key,
        )


def _term(element, name: str, result: Scan) -> None:
    values = _children(element)
    if name == "category":
        taxonomy, slug, label = "category", values.get("category_nicename"), values.get("cat_name")
    elif name == "tag":
        taxonomy, slug, label = "post_tag", values.get("tag_slug"), values.get("tag_name")
    else:
        taxonomy = values.get("term_taxonomy", "")
        slug, label = values.get("term_slug"), values.get("term_name")
        if taxonomy not in TERM_TAXONOMIES:
            return
    slug = unquote((slug or "").strip())
    if slug:
        result.terms[(TERM_TAXONOMIES[taxonomy], slug)] = Term(
            TERM_TAXONOMIES[taxonomy], slug, (label or slug).strip(), values.get("term_id", "")
        )


def _meta(element) -> dict[str, str]:
    meta = {}
    for child in element:
        if _local(child.tag) == "postmeta":
            values = _children(child)
            meta[values.get("meta_key", "")] = values.get("meta_value", "")
    return meta


def _scan_item(element, result: Scan) -> None:
    values = _children(element)
    post_type = values.get("post_type", "post")
    comments = sum(1 for child in element if _local(child.tag) == "comment")
    if comments:
        result.skipped["comment"] = result.skipped.get("comment", 0) + comments
    post_id = values.get("post_id", "").strip()
    if post_type == "attachment":
        result.attachments[post_id] = _attachment(element, values, post_id)
    elif post_type not in ("post", "page"):
        result.skipped[post_type] = result.skipped.get(post_type, 0) + 1
    else:
        result.items += 1
        _scan_links(values, post_id, result)
        _scan_categories(element, result)
        creator = values.get("dc_creator", "").strip()
        if creator and creator not in result.authors:
            result.authors[creator] = Author(key=creator, name=creator, source_id=creator)


def _attachment(element, values: dict, post_id: str) -> Attachment:
    meta = _meta(element)
    return Attachment(
        source_id=post_id,
        url=values.get("attachment_url", "").strip(),
        title=values.get("title", "").strip(),
        caption=values.get("excerpt", "").strip(),
        alt=meta.get("_wp_attachment_image_alt", "").strip(),
        description=values.get("content", "").strip(),
        link=values.get("link", "").strip(),
    )


def _scan_links(values: dict, post_id: str, result: Scan) -> None:
    """The item's permalink and guid, by which other items' links name it."""
    link = values.get("link", "").strip()
    if link:
        result.links[normalise_url(link)] = post_id
    if values.get("guid"):
        result.links.setdefault(normalise_url(values["guid"]), post_id)


def _scan_categories(element, result: Scan) -> None:
    """Languages (Polylang), and terms only named in items (exports of a single author have
    no term list)."""
    for child in element:
        if _local(child.tag) != "category":
            continue
        domain = child.get("domain")
        if domain == "language":
            result.languages.add((child.get("nicename") or "").strip())
        if domain in TERM_TAXONOMIES:
            taxonomy = TERM_TAXONOMIES[domain]
            slug = unquote((child.get("nicename") or "").strip())
            if slug and (taxonomy, slug) not in result.terms:
                result.terms[(taxonomy, slug)] = Term(taxonomy, slug, (child.text or slug).strip())


def items(path: Path, found: Scan) -> Iterator[Item]:
    """Second pass: posts and pages, one at a time."""
    for element in _stream(path):
        if _local(element.tag) != "item":
            continue
        values = _children(element)
        post_type = values.get("post_type", "post")
        if post_type not in ("post", "page"):
            continue
        yield _item(element, values, post_type, found)


def _item(element, values: dict, post_type: str, found: Scan) -> Item:
    post_id = values.get("post_id", "").strip()
    meta = _meta(element)
    terms, language, group = _categories(element)
    thumbnail = meta.get("_thumbnail_id", "").strip()
    attachment = found.attachments.get(thumbnail) or Attachment("", "")
    base = found.site_url.rstrip("/")
    creator = values.get("dc_creator", "").strip()
    return Item(
        source_id=post_id,
        kind=post_type,
        title=(values.get("title") or "").strip(),
        slug=unquote(values.get("post_name", "").strip()),
        html=values.get("content", ""),
        excerpt=values.get("excerpt", ""),
        status=_status(values),
        password=bool(values.get("post_password", "").strip()),
        published_at=_published(values),
        modified_at=_date(values.get("post_modified", ""), values.get("post_modified_gmt", "")),
        authors=[creator] if creator else [],
        terms=terms,
        link=values.get("link", "").strip() or (f"{base}/?p={post_id}" if base else ""),
        old_paths=_old_paths(post_type, post_id),
        feature_image=attachment.url,
        feature_image_id=thumbnail,
        feature_caption=attachment.caption,
        feature_alt=attachment.alt,
        language=_first_of(meta, WPML_LANGUAGE, language),
        translation_group=_first_of(meta, WPML_GROUP, group),
    )


def _categories(element) -> tuple[list, str, str]:
    """The item's terms, and its language and translation group as Polylang writes them."""
    terms, language, group = [], "", ""
    for child in element:
        if _local(child.tag) != "category":
            continue
        domain = child.get("domain") or ""
        nicename = (child.get("nicename") or "").strip()
        if domain in TERM_TAXONOMIES:
            slug = unquote(nicename)
            terms.append((TERM_TAXONOMIES[domain], slug, (child.text or slug).strip()))
        elif domain == "language":  # Polylang
            language = nicename
        elif domain == "post_translations":
            group = nicename
    return terms, language, group


def _first_of(meta: dict, keys: tuple[str, ...], default: str) -> str:
    """The first of WPML's meta fields that is set, else what Polylang said."""
    return next((meta[key] for key in keys if meta.get(key)), default).strip()


def _status(values: dict) -> str:
    status = values.get("status", "publish").strip() or "publish"
    return "publish" if status == "inherit" else status


def _published(values: dict) -> dt.datetime | None:
    return _date(values.get("post_date", ""), values.get("post_date_gmt", "")) or _date(
        values.get("pubDate", "")
    )


def _old_paths(post_type: str, post_id: str) -> list[str]:
    """The addresses WordPress answers for any item, whatever its permalinks."""
    if post_type == "post":
        return [f"/?p={post_id}"]
    return [f"/?page_id={post_id}", f"/?p={post_id}"]


CHANNEL_HANDLERS = {
    "wxr_version": _wxr_version,
    "base_blog_url": _site_url,
    "base_site_url": _site_url,
    "author": _author,
    "category": _term,
    "tag": _term,
    "term": _term,
}
