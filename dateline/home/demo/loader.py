"""Builds the demo newsroom: taxonomy, authors, footer pages, media sections and articles.

Every step finds what it made before by slug, so loading twice changes nothing.
"""

import datetime as dt
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from dateline.accounts.roles import ensure_desk_accounts, setup_roles
from dateline.core.illustrations import landscape_jpeg, portrait_png
from dateline.core.models import SiteSettings, StandardPage
from dateline.home.models import FocusCollection, HomePage
from dateline.home.services import localize_front_page, match_site_to_base_url
from dateline.multimedia.models import MediaSectionPage
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    AuthorIndexPage,
    AuthorPage,
    Correction,
)
from dateline.taxonomy.models import (
    TERM_MODELS,
    CollectionPage,
    PlacePage,
    RegionIndexPage,
    RegionPage,
    TopicIndexPage,
    TopicPage,
)

from . import content, content_ru, media, newsletter, newsroom

REGIONS = {
    "caucasus": ("Caucasus", ["Armenia", "Azerbaijan", "Georgia"]),
    "central-asia": (
        "Central Asia",
        ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"],
    ),
    "conflict-zones": ("Conflict Zones", ["Abkhazia", "Nagorno Karabakh", "South Ossetia"]),
    "eastern-europe": (
        "Eastern Europe",
        ["Belarus", "Moldova", "Russia", "The Baltics", "Ukraine"],
    ),
    "eurasian-fringe": (
        "Eurasian Fringe",
        [
            "Afghanistan",
            "China",
            "EU",
            "Iran",
            "Mongolia",
            "Turkey",
            "United Kingdom",
            "United States",
        ],
    ),
}
TOPICS = {
    "environment": ("Environment", []),
    "economy": ("Economy", []),
    "politics": ("Politics", ["Kazakhstan's Bloody January 2022", "Kyrgyzstan 2020 unrest"]),
    "security": ("Security", []),
    "society": (
        "Society",
        [
            "American diplomats in Central Asia",
            "Arts and Culture",
            "Coronavirus",
            "Student spotlight",
        ],
    ),
}
MEDIA_SECTIONS = [
    ("visual-stories", "Visual Stories", "Photo essays from across the region.", True),
    ("podcasts", "Podcast", "Conversations and interviews about the region.", True),
    ("video", "Video", "Reports and explainers in moving pictures.", True),
    ("blogs", "Blogs", "Our columnists on culture, food, security and more.", True),
]
# Footer pages in footer order, titled as SITE.md names them; newsletter and support pages
# are reached from the header instead.
FOOTER_PAGES = {
    "about": "About",
    "team": "Team",
    "contribute": "Contribute",
    "republishing": "Republishing",
    "privacy-policy": "Privacy Policy",
    "corrections": "Corrections",
    "contact": "Contact",
}
OTHER_PAGES = ["support-us"]  # /newsletter/ is built by demo/newsletter.py
FOCUS_COLLECTIONS = ["kazakhstans-bloody-january-2022", "coronavirus", "arts-and-culture"]
ADMIN_USERNAME = "admin"


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")


def paragraph(text: str) -> tuple[str, RichText]:
    """A body paragraph of a footer page, its email addresses written as links."""
    linked = EMAIL.sub(lambda m: f'<a href="mailto:{m[0]}">{m[0]}</a>', text)
    return ("paragraph", RichText(f"<p>{linked}</p>"))


def term_slug(name: str) -> str:
    return slugify(name.replace("'", ""))


class DemoLoader:
    def __init__(self, log: Callable[[str], None] = print, locale: Locale | None = None):
        self.log = log
        self.locale = locale or Locale.get_default()
        self.terms: dict[str, Page] = {}
        self.authors: dict[str, AuthorPage] = {}

    def is_loaded(self) -> bool:
        """Whether the demo was loaded already. ``load()`` runs in one transaction and its
        last step sets up each edition's editors, so their groups mean it ran to the end."""
        from django.contrib.auth.models import Group

        from dateline.accounts.roles import edition_homes, editors_group_name

        homes = edition_homes()
        if len(homes) < 2 or not all(isinstance(h.specific, HomePage) for h in homes):
            return False
        names = [editors_group_name(home) for home in homes]
        return Group.objects.filter(name__in=names).count() == len(names)

    @transaction.atomic
    def load(self) -> HomePage:
        home = self.home_page()
        self.site_settings(home)
        self.taxonomy(home)
        self.authors_section(home)
        for slug, title, intro, in_menu in MEDIA_SECTIONS:
            self.child(
                home, MediaSectionPage, slug, title=title, intro=intro, show_in_menus=in_menu
            )
        for slug in [*FOOTER_PAGES, *OTHER_PAGES]:
            data = content.PAGES[slug]
            self.child(
                home,
                StandardPage,
                slug,
                title=FOOTER_PAGES.get(slug, data["title"]),
                intro=data.get("intro", ""),
                body=[paragraph(text) for text in data["body"]],
                show_in_menus=slug in FOOTER_PAGES,
            )
        articles = [self.article(home, data) for data in content.ARTICLES]
        newsroom.english(self, home)  # live story, support, forms, corrections, team
        self.focus_collections(home)
        self.log(f"English edition: {len(articles)} articles.")
        russian = RussianEdition(self).load(home)
        self.log(f"Russian edition: {russian} articles.")
        media.load(self, home)  # blogs, podcasts, video, visual story (both editions)
        newsletter.load(self, home)  # /newsletter/ with signup and archive (both editions)
        setup_roles(log=self.log)  # contributors and editors per edition, review workflows
        self.log("Desk accounts (the admin's password): en-editor, en-contributor, ru-editor, ...")
        return home

    # Structure -----------------------------------------------------------------------

    def home_page(self) -> HomePage:
        home = HomePage.objects.filter(locale=self.locale, depth=2).first()
        if home is None:
            # Wagtail's "Welcome to your new Wagtail site!" page (and its Site) make way.
            Page.objects.filter(depth=2, content_type__model="page").delete()
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=content.SITE["name"],
                    slug="home",
                    locale=self.locale,
                    tagline=content.SITE["tagline"],
                    copyright=content.SITE["copyright"],
                )
            )
            home.save_revision().publish()
        # Page URLs (canonical links, sitemaps) are built from the Site record.
        match_site_to_base_url(home)
        Site.objects.filter(is_default_site=True).update(site_name=content.SITE["name"])
        return home

    def site_settings(self, home: HomePage) -> None:
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        site_settings.name = content.SITE["name"]
        site_settings.save()

    def taxonomy(self, home: HomePage) -> None:
        regions = self.child(
            home,
            RegionIndexPage,
            "regions",
            title="Regions",
            intro="Our coverage, by region, country and territory.",
        )
        for slug, (name, places) in REGIONS.items():
            region = self.term(regions, RegionPage, slug, name)
            for place in places:
                self.term(region, PlacePage, term_slug(place), place)
        topics = self.child(
            home,
            TopicIndexPage,
            "topics",
            title="Topics",
            intro="Our coverage, by topic and by long-running story.",
        )
        for slug, (name, collections) in TOPICS.items():
            topic = self.term(topics, TopicPage, slug, name)
            for collection in collections:
                self.term(topic, CollectionPage, term_slug(collection), collection)

    def term(self, parent: Page, model, slug: str, name: str) -> Page:
        page = self.child(
            parent,
            model,
            slug,
            title=name,
            description=content.TERM_DESCRIPTIONS.get(slug, ""),
            other_names=content.TERM_OTHER_NAMES.get(slug, ""),
        )
        self.terms[slug] = page
        return page

    def authors_section(self, home: HomePage) -> None:
        index = self.child(
            home,
            AuthorIndexPage,
            "authors",
            title="Authors",
            intro="The reporters, editors and photographers behind our stories.",
        )
        for data in content.AUTHORS:
            photo = self.image(
                f"Portrait of {data['name']}",
                f"author-{data['slug']}.png",
                lambda data=data: portrait_png(data["slug"]),
            )
            self.authors[data["slug"]] = self.child(
                index,
                AuthorPage,
                data["slug"],
                title=data["name"],
                role=data["role"],
                bio=data["bio"],
                email=data.get("email", ""),
                photo=photo,
            )

    def focus_collections(self, home: HomePage) -> None:
        if home.focus_collections.exists():
            return
        for order, slug in enumerate(FOCUS_COLLECTIONS):
            FocusCollection.objects.create(page=home, collection=self.terms[slug], sort_order=order)

    # Articles ------------------------------------------------------------------------

    def article(self, home: HomePage, data: dict) -> ArticlePage:
        existing = ArticlePage.objects.filter(locale=self.locale, slug=data["slug"]).first()
        if existing is not None:
            return existing
        published = self.aware(data["published"])
        updated = self.aware(data["updated"]) if data.get("updated") else None
        image_data = data.get("image", {})
        lead_image = self.image(
            data["title"], f"{data['slug']}.jpg", lambda: landscape_jpeg(data["slug"])
        )
        article = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            lead_image=lead_image,
            lead_image_caption=image_data.get("caption", ""),
            lead_image_credit=image_data.get("credit", ""),
            lead_image_alt=image_data.get("alt", ""),
            body=[
                self.block(data["slug"], index, kind, value)
                for index, (kind, value) in enumerate(data["body"])
            ],
            first_published_at=published,
            updated_at=updated,
            locale=self.locale,
        )
        for order, slug in enumerate(data["authors"]):
            article.authors.add(ArticleAuthor(author=self.authors[slug], sort_order=order))
        term_slugs = data["places"] + data["topics"] + data.get("collections", [])
        for order, slug in enumerate(term_slugs):
            article.tags.add(ArticleTag(term=self.terms[slug], sort_order=order))
        for order, (date, text) in enumerate(data.get("corrections", [])):
            article.corrections.add(
                Correction(date=dt.date.fromisoformat(date), text=text, sort_order=order)
            )
        home.add_child(instance=article)
        self.publish_dated(article, published, updated)
        return article

    def publish_dated(self, article: ArticlePage, published, updated) -> None:
        article.save_revision().publish()
        # Publishing stamps "now"; the demo's stories carry their own dates.
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published, last_published_at=updated or published
        )

    def block(self, slug: str, index: int, kind: str, value):
        if kind == "paragraph":
            return ("paragraph", RichText(f"<p>{value}</p>"))
        if kind == "image":
            image = self.image(
                value.get("caption") or slug,
                f"{slug}-{index}.jpg",
                lambda: landscape_jpeg(f"{slug}-{index}"),
            )
            return ("image", {**value, "image": image})
        return (kind, value)

    # Helpers -------------------------------------------------------------------------

    def child(self, parent: Page, model, slug: str, **fields) -> Page:
        """The live child of ``parent`` with ``slug``, created and published if missing."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=model(slug=slug, locale=self.locale, **fields))
        page.save_revision().publish()
        return page

    def image(self, title: str, filename: str, draw: Callable[[], bytes]):
        Image = get_image_model()
        existing = Image.objects.filter(file__endswith=f"/{filename}").first()
        if existing is not None:
            return existing
        from io import BytesIO

        image = Image(title=title[:255])
        image.file = ImageFile(BytesIO(draw()), name=filename)
        image.save()
        return image

    def aware(self, value: str) -> dt.datetime:
        return timezone.make_aware(dt.datetime.fromisoformat(value))


class RussianEdition:
    """Translates the English edition's structure into Russian and adds the Russian stories:
    translations of English articles and stories that exist only in Russian."""

    def __init__(self, english: DemoLoader):
        self.english = english
        self.locale, _ = Locale.objects.get_or_create(language_code="ru")
        self.loader = DemoLoader(english.log, locale=self.locale)

    def load(self, english_home: HomePage) -> int:
        home = self.translate(
            english_home,
            title=content.SITE["name"],
            tagline=content_ru.SITE["tagline"],
            copyright=content_ru.SITE["copyright"],
        )
        structure = (
            Page.objects.descendant_of(english_home)
            .not_type(ArticlePage)
            .order_by("path")
            .specific()
        )
        for page in structure:
            fields = self.structure_fields(page)
            if fields is None:
                continue  # pages other demo modules translate themselves (media, newsletter)
            translation = self.translate(page, **fields)
            if isinstance(page, TERM_MODELS):
                self.loader.terms[page.slug] = translation
            elif isinstance(page, AuthorPage):
                self.loader.authors[page.slug] = translation
        articles = [self.article(data, home) for data in content_ru.ARTICLES]
        newsroom.russian(self, home)  # Russian amounts, form labels and live updates
        localize_front_page(home)  # its collections in focus were copied from the English home
        return len(articles)

    def structure_fields(self, page: Page) -> dict | None:
        """Russian fields for a structural page, or None for a page this loader doesn't own."""
        slug = page.slug
        if page.depth > 3 and not isinstance(page, (*TERM_MODELS, AuthorPage)):
            return None
        if isinstance(page, TERM_MODELS):
            return {
                "title": content_ru.TERM_NAMES[slug],
                "description": content_ru.TERM_DESCRIPTIONS.get(slug, ""),
                "other_names": content_ru.TERM_OTHER_NAMES.get(slug, ""),
            }
        if isinstance(page, AuthorPage):
            author = content_ru.AUTHORS[slug]
            return {"title": author["name"], "role": author["role"], "bio": author["bio"]}
        if isinstance(page, StandardPage):
            data = content_ru.PAGES.get(slug)
            if data is None:
                return None
            return {
                "title": data["title"],
                "intro": data.get("intro", ""),
                "body": [paragraph(text) for text in data["body"]],
            }
        if slug not in content_ru.TERM_NAMES:
            return None
        return {
            "title": content_ru.TERM_NAMES[slug],
            "intro": content_ru.INDEX_INTROS.get(slug, ""),
        }

    def translate(self, page: Page, **fields) -> Page:
        """The Russian translation of ``page``, created with ``fields`` if missing."""
        existing = page.get_translation_or_none(self.locale)
        if existing is not None:
            return existing.specific
        translation = page.copy_for_translation(self.locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation

    def article(self, data: dict, home: HomePage) -> ArticlePage:
        if "translation_of" not in data:
            return self.loader.article(home, data)
        source = ArticlePage.objects.get(locale=self.english.locale, slug=data["translation_of"])
        existing = source.get_translation_or_none(self.locale)
        if existing is not None:
            return existing
        translation = source.copy_for_translation(self.locale)
        image = data.get("image", {})
        translation.title = data["title"]
        translation.slug = data["slug"]
        translation.standfirst = data["standfirst"]
        translation.lead_image_caption = image.get("caption", "")
        translation.lead_image_credit = image.get("credit", "")
        translation.lead_image_alt = image.get("alt", "")
        # Body images are the English story's pictures, found by their file names.
        translation.body = [
            self.loader.block(source.slug, index, kind, value)
            for index, (kind, value) in enumerate(data["body"])
        ]
        translation.corrections = [
            Correction(date=dt.date.fromisoformat(date), text=text, sort_order=order)
            for order, (date, text) in enumerate(data.get("corrections", []))
        ]
        translation.first_published_at = source.first_published_at
        translation.updated_at = source.updated_at
        translation.save()
        self.loader.publish_dated(
            translation, source.first_published_at, source.updated_at
        )  # publishing points the copied tags and authors at Russian pages
        return translation


def ensure_admin(password_file: Path) -> tuple[str, str | None, list[str]]:
    """Create the demo's admin account once; return its username, its password and the
    desk accounts' usernames (which share the password).

    The password is kept in var/ (never committed) so that `make demo` can print it again.
    """
    User = get_user_model()
    if password_file.exists():
        password = password_file.read_text().strip()
    else:
        password = secrets.token_urlsafe(12)
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
    elif not password_file.exists():
        return ADMIN_USERNAME, None, []
    desk = ensure_desk_accounts(password)  # en-editor, ru-contributor, ...: the same password
    newsroom.sign_desk_accounts()  # their live updates signed with an author page
    return ADMIN_USERNAME, password, desk


def admin_password_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-admin-password.txt"
