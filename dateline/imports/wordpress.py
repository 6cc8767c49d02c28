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
        name = _local(element.tag)
        if _is_wp(element.tag):
            if name == "wxr_version":
                result.wxr_version = (element.text or "").strip()
            elif name == "base_blog_url" or (name == "base_site_url" and not result.site_url):
                result.site_url = (element.text or "").strip()
            elif name == "author":
                values = _children(element)
                key = values.get("author_login", "").strip()
                if key:
                    result.authors[key] = Author(
                        key=key,
                        name=values.get("author_display_name", "").strip() or key,
                        email=values.get("author_email", "").strip(),
                        source_id=values.get("author_id", "").strip() or key,
                    )
            elif name in ("category", "tag", "term"):
                _term(element, name, result)
        elif name == "link" and not result.site_url:
            result.site_url = (element.text or "").strip()
        elif name == "item":
            _scan_item(element, result)
    if not seen_channel:
        raise SourceError(f"{path}: no <channel> found: is this a WordPress export (WXR)?")
    if not result.wxr_version:
        raise SourceError(f"{path}: no <wp:wxr_version>: is this a WordPress export (WXR)?")
    return result


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
        meta = _meta(element)
        result.attachments[post_id] = Attachment(
            source_id=post_id,
            url=values.get("attachment_url", "").strip(),
            title=values.get("title", "").strip(),
            caption=values.get("excerpt", "").strip(),
            alt=meta.get("_wp_attachment_image_alt", "").strip(),
            description=values.get("content", "").strip(),
            link=values.get("link", "").strip(),
        )
        return
    if post_type not in ("post", "page"):
        result.skipped[post_type] = result.skipped.get(post_type, 0) + 1
        return
    result.items += 1
    link = values.get("link", "").strip()
    if link:
        result.links[normalise_url(link)] = post_id
    if values.get("guid"):
        result.links.setdefault(normalise_url(values["guid"]), post_id)
    for child in element:
        if _local(child.tag) == "category" and child.get("domain") == "language":
            result.languages.add((child.get("nicename") or "").strip())
        # Terms only in items (exports of a single author have no term list)
        if _local(child.tag) == "category" and child.get("domain") in TERM_TAXONOMIES:
            taxonomy = TERM_TAXONOMIES[child.get("domain")]
            slug = unquote((child.get("nicename") or "").strip())
            if slug and (taxonomy, slug) not in result.terms:
                result.terms[(taxonomy, slug)] = Term(taxonomy, slug, (child.text or slug).strip())
    creator = values.get("dc_creator", "").strip()
    if creator and creator not in result.authors:
        result.authors[creator] = Author(key=creator, name=creator, source_id=creator)


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
    terms, language, group = [], "", ""
    for child in element:
        if _local(child.tag) != "category":
            continue
        domain = child.get("domain") or ""
        if domain in TERM_TAXONOMIES:
            slug = unquote((child.get("nicename") or "").strip())
            terms.append((TERM_TAXONOMIES[domain], slug, (child.text or slug).strip()))
        elif domain == "language":  # Polylang
            language = (child.get("nicename") or "").strip()
        elif domain == "post_translations":
            group = (child.get("nicename") or "").strip()
    language = (
        meta.get("_wpml_import_language_code") or meta.get("_wpml_language") or language
    ).strip()
    group = (meta.get("_wpml_import_translation_group") or meta.get("_wpml_trid") or group).strip()
    status = values.get("status", "publish").strip() or "publish"
    if status == "inherit":
        status = "publish"
    thumbnail = meta.get("_thumbnail_id", "").strip()
    attachment = found.attachments.get(thumbnail)
    base = found.site_url.rstrip("/")
    old_paths = [f"/?p={post_id}"] if post_type == "post" else [f"/?page_id={post_id}"]
    if post_type == "page":
        old_paths.append(f"/?p={post_id}")
    creator = values.get("dc_creator", "").strip()
    return Item(
        source_id=post_id,
        kind=post_type,
        title=(values.get("title") or "").strip(),
        slug=unquote(values.get("post_name", "").strip()),
        html=values.get("content", ""),
        excerpt=values.get("excerpt", ""),
        status=status,
        password=bool(values.get("post_password", "").strip()),
        published_at=_date(values.get("post_date", ""), values.get("post_date_gmt", ""))
        or _date(values.get("pubDate", "")),
        modified_at=_date(values.get("post_modified", ""), values.get("post_modified_gmt", "")),
        authors=[creator] if creator else [],
        terms=terms,
        link=values.get("link", "").strip() or (f"{base}/?p={post_id}" if base else ""),
        old_paths=old_paths,
        feature_image=attachment.url if attachment else "",
        feature_image_id=thumbnail,
        feature_caption=attachment.caption if attachment else "",
        feature_alt=attachment.alt if attachment else "",
        language=language,
        translation_group=group,
    )
