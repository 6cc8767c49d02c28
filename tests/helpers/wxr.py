"""Small WordPress exports (WXR 1.2) written by tests: numbered posts with links to earlier
and later ones, tags and authors, in English or Russian."""

from pathlib import Path
from xml.sax.saxutils import escape

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
    "<title>Archive</title><link>{host}</link><wp:wxr_version>1.2</wp:wxr_version>\n"
    "<wp:base_site_url>{host}</wp:base_site_url>\n"
    "<wp:author><wp:author_login>desk</wp:author_login>"
    "<wp:author_display_name>{author}</wp:author_display_name></wp:author>\n"
)


def numbered_export(
    path: Path,
    count: int,
    host: str = "https://archive.example.org",
    title: str = "Archive story {n}",
    text: str = "Story number {n} tells of the mountain pass.",
    author: str = "Archive Desk",
    tag: str = "armenia",
    edit: str = "",
    start: int = 0,
) -> Path:
    """``count`` published posts (ids start+1..start+count), post n linking to post n-1 and
    n+1 (a later one: found on the second look), tagged ``tag``; ``edit`` is added to every
    body (a changed export)."""
    items = []
    for n in range(start + 1, start + count + 1):
        links = "".join(
            f' See <a href="{host}/?p={other}">story {other}</a>.'
            for other in (n - 1, n + 1)
            if start < other <= start + count
        )
        body = f"<p>{escape(text.format(n=n))}{links}</p>\n\n<p>Second paragraph.{edit}</p>"
        items.append(
            f"<item><title>{escape(title.format(n=n))}</title>"
            f"<link>{host}/2020/01/story-{n}/</link><dc:creator>desk</dc:creator>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            f"<wp:post_id>{n}</wp:post_id><wp:post_date>2020-01-{1 + n % 28:02d} 09:00:00"
            f"</wp:post_date><wp:post_name>story-{n}</wp:post_name>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
            f'<category domain="post_tag" nicename="{tag}"><![CDATA[{tag}]]></category>'
            "</item>\n"
        )
    path.write_text(
        HEADER.format(host=host, author=author) + "".join(items) + "</channel>\n</rss>\n",
        encoding="utf-8",
    )
    return path
