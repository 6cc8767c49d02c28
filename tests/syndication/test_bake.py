"""The static mirror: `dateline bake` writes a site whose every internal link resolves to
a baked file, in both editions, and re-bakes incrementally."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from lxml import html as lxml_html

from dateline.syndication.bake import MANIFEST_NAME, file_for, mirror_path
from tests.helpers.factories import (
    ArticlePageFactory,
    make_articles,
    make_russian_edition,
    translate,
)
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
)

pytestmark = pytest.mark.django_db
MIRROR = "http://mirror4example.onion"
MAIN = "https://news.example.org"
# Pages that need the newsroom's server; the mirror links them on the main site.
SERVER_ONLY = re.compile(r"^(/ru)?/(search|newsletter)/")
URL_ATTRIBUTES = ("href", "src", "poster", "action")
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>()]+")


@pytest.fixture
def newsroom(site, settings):
    settings.DATELINE_LISTING_PAGE_SIZE = 2  # so that listings have a second page
    ru = make_russian_edition(site)
    articles = make_articles(site, 5)
    translate(articles[0], ru["home"].locale, title="Статья на русском")
    media = make_media(site)
    series = PodcastSeriesPageFactory(parent=media["podcasts"], title="Steppe talk", slug="steppe")
    PodcastEpisodePageFactory(parent=series, title="First episode", slug="first-episode")
    return {**site, "ru": ru, "articles": articles, "series": series}


def run_bake(output, *args):
    call_command("bake", str(output), "--main-site", MAIN, *args, verbosity=0)


def urls_in_html(path: Path):
    document = lxml_html.parse(str(path)).getroot()
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in URL_ATTRIBUTES:
            if element.get(name):
                yield element, name, element.get(name)
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield element, "srcset", candidate.split()[0]


def resolves(output: Path, url: str) -> bool:
    """A static host serves a file at this address: /x/ means x/index.html."""
    return (output / unquote(file_for(urlsplit(url).path))).is_file()


def check_links(output: Path, base_url: str):
    """Every internal link of every baked page, feed and sitemap leads to a baked file, and
    nothing but search, forms and the canonical link points at the main site."""
    problems = []
    html_files = list(output.rglob("*.html"))
    assert len(html_files) > 20
    for path in html_files:
        page_url = base_url + "/" + str(path.relative_to(output))
        for element, name, value in urls_in_html(path):
            url = urljoin(page_url, value)
            parts = urlsplit(url)
            if url.startswith(MAIN):
                at_main = element.get("rel") == "canonical" or SERVER_ONLY.match(parts.path)
                if not at_main or name in ("src", "srcset"):
                    problems.append(f"{path}: {name}={value} asks the main site")
            elif url.startswith(base_url + "/") and not resolves(output, url):
                problems.append(f"{path}: {name}={value} is not baked")
    for path in list(output.rglob("*.xml")) + [output / "robots.txt"]:
        for url in ABSOLUTE_URL.findall(path.read_text()):
            url = url.replace("&amp;", "&")
            if url.startswith(base_url + "/") and not resolves(output, url):
                problems.append(f"{path}: {url} is not baked")
            if url.startswith(MAIN) and not SERVER_ONLY.match(urlsplit(url).path):
                problems.append(f"{path}: {url} leads to the main site")
    assert not problems, "\n".join(problems[:30])


def test_every_internal_link_of_the_baked_site_resolves(newsroom, tmp_path):
    output = tmp_path / "mirror"
    run_bake(output, "--base-url", MIRROR)
    check_links(output, MIRROR)
    # Both editions, listings with their second page, feeds, sitemaps and the 404 page.
    for name in (
        "index.html",
        "ru/index.html",
        f"{newsroom['articles'][0].slug}/index.html",
        "regions/caucasus/index.html",
        "regions/caucasus/page.2/index.html",
        "authors/nino-beridze/index.html",
        "feeds/rss/index.xml",
        "ru/feeds/atom/index.xml",
        "feeds/rss/regions/caucasus/index.xml",
        "feeds/podcast/podcasts/steppe/index.xml",
        "sitemap.xml",
        "sitemap-ru.xml",
        "robots.txt",
        "opensearch.xml",
        "404.html",
        "ru/404.html",
    ):
        assert (output / name).is_file(), name
    assert "Статья на русском" in (output / "ru/index.html").read_text()
    assert f"Sitemap: {MIRROR}/sitemap.xml" in (output / "robots.txt").read_text()
    rss = etree.parse(str(output / "feeds/rss/index.xml"))
    items = rss.xpath("//item/link/text()")
    assert len(items) == 5 and all(link.startswith(MIRROR + "/") for link in items)

    # Search asks the main site; forms that post are replaced by a link to them there.
    home = lxml_html.parse(str(output / "index.html")).getroot()
    assert f"{MAIN}/search/" in [a.get("href") for a in home.iter("a")]
    not_found = lxml_html.parse(str(output / "ru/404.html")).getroot()
    assert [f.get("action") for f in not_found.iter("form")] == [f"{MAIN}/ru/search/"]
    assert not [f for f in home.iter("form") if (f.get("method") or "").lower() == "post"]
    newsletter = (output / "newsletter" / "index.html").read_text()
    assert "works on the main site only" in newsletter
    assert f'href="{MAIN}/newsletter/subscribe/"' in newsletter
    # Views on a mirror are not counted: the beacon is gone.
    article = (output / "ru" / newsroom["articles"][0].slug / "index.html").read_text()
    assert "data-view-beacon" not in article


def test_incremental_bake_rewrites_only_what_changed(newsroom, tmp_path):
    # A story that shares no tag with the others: nothing on its page changes below.
    apart = ArticlePageFactory(parent=newsroom["home"], terms=[newsroom["kazakhstan"]])
    run_bake(tmp_path)
    home = (tmp_path / "index.html").read_text()
    # Without --base-url the links are root-relative: the folder works on any host.
    assert f'href="/{newsroom["articles"][-1].slug}/"' in home
    assert 'href="/feeds/rss/index.xml"' in home
    first, changed, *_rest, gone = newsroom["articles"]
    untouched = tmp_path / apart.slug / "index.html"
    untouched_mtime = untouched.stat().st_mtime_ns
    changed.title = "A changed headline"
    changed.save_revision().publish()
    gone.unpublish()
    new = ArticlePageFactory(
        parent=newsroom["home"], title="A brand new story", slug="brand-new",
        terms=[newsroom["georgia"]],
    )  # fmt: skip

    run_bake(tmp_path, "--incremental")

    assert "A changed headline" in (tmp_path / changed.slug / "index.html").read_text()
    # Related on another story of the same places shows the new headline too.
    assert "A changed headline" in (tmp_path / first.slug / "index.html").read_text()
    home = (tmp_path / "index.html").read_text()
    assert "A changed headline" in home and "A brand new story" in home
    assert "A brand new story" in (tmp_path / "regions/caucasus/georgia/index.html").read_text()
    assert not (tmp_path / gone.slug / "index.html").exists()
    assert (tmp_path / new.slug / "index.html").is_file()
    assert untouched.stat().st_mtime_ns == untouched_mtime
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert f"/{gone.slug}/" not in manifest["entries"]
    check_links(tmp_path, "http://localhost")


def test_mirror_paths_keep_feeds_and_pages_apart():
    assert mirror_path("/regions/caucasus/", "page=3") == "/regions/caucasus/page.3/"
    assert mirror_path("/regions/caucasus/", "page=1") == "/regions/caucasus/"
    assert mirror_path("/sitemap-en.xml", "p=2") == "/sitemap-en.2.xml"
    assert (
        mirror_path("/ru/feeds/rss/regions/caucasus/") == "/ru/feeds/rss/regions/caucasus/index.xml"
    )
    assert file_for("/ru/") == "ru/index.html"
    assert file_for("/../../etc/passwd") == "etc/passwd"


def test_a_file_is_not_an_output_folder(site, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("mine")
    with pytest.raises(CommandError, match="is a file"):
        run_bake(target)
    assert target.read_text() == "mine"


def test_a_strangers_folder_is_left_alone(site, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="not empty and holds no previous bake"):
        run_bake(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_folder_that_cannot_be_made_is_refused_clearly(site, tmp_path):
    (tmp_path / "file.txt").write_text("mine")
    with pytest.raises(CommandError, match="Cannot write"):
        run_bake(tmp_path / "file.txt" / "mirror")


def test_a_base_url_must_be_an_address(site, tmp_path):
    with pytest.raises(CommandError, match="--base-url must start with http"):
        run_bake(tmp_path, "--base-url", "mirror.onion")
