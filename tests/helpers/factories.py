"""Factories for the content a test needs, built through Wagtail's own page API."""

import datetime as dt
import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from dateline.core.illustrations import landscape_jpeg
from dateline.core.models import DeskFormField, DeskFormPage, StandardPage
from dateline.home.models import HomePage
from dateline.news.models import ArticleAuthor, ArticlePage, ArticleTag, AuthorIndexPage, AuthorPage
from dateline.taxonomy.models import (
    CollectionPage,
    PlacePage,
    RegionIndexPage,
    RegionPage,
    TopicIndexPage,
    TopicPage,
)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.LazyAttribute(
        lambda o: ImageFile(io.BytesIO(landscape_jpeg(o.title, 320, 180)), name="picture.jpg")
    )


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Test Newsroom"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    intro = "A page about the newsroom."


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionIndexPage

    title = "Regions"
    slug = "regions"


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TopicIndexPage

    title = "Topics"
    slug = "topics"


class RegionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionPage

    description = "Stories from the region."


class PlacePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PlacePage

    description = "Stories from the country."


class TopicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TopicPage


class CollectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CollectionPage


class AuthorIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AuthorIndexPage

    title = "Authors"
    slug = "authors"


class AuthorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AuthorPage

    title = factory.Sequence(lambda n: f"Reporter {n}")
    role = "Reporter"
    bio = "Covers the region."


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article; pass terms=[...] and authors=[...] to tag and credit it."""

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story number {n}")
    standfirst = factory.LazyAttribute(lambda o: f"What happened in {o.title.lower()}.")
    first_published_at = factory.Sequence(
        lambda n: timezone.make_aware(dt.datetime(2023, 1, 1, 12)) + dt.timedelta(days=n)
    )
    last_published_at = factory.SelfAttribute("first_published_at")
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The first paragraph of the story.</p>"))]
    )

    @factory.post_generation
    def terms(self, create, terms, **kwargs):
        for order, term in enumerate(terms or []):
            ArticleTag.objects.create(page=self, term=term, sort_order=order)

    @factory.post_generation
    def authors(self, create, authors, **kwargs):
        for order, author in enumerate(authors or []):
            ArticleAuthor.objects.create(page=self, author=author, sort_order=order)


def make_site() -> dict:
    """A small newsroom: home as the default site's root, two regions with places, a topic
    with a collection, an author, and the About and Newsletter pages."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page, and its Site with it
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.create(
        is_default_site=True, root_page=home, hostname="localhost", port=80, site_name="Test"
    )
    regions = RegionIndexPageFactory(parent=home)
    caucasus = RegionPageFactory(parent=regions, title="Caucasus", slug="caucasus")
    armenia = PlacePageFactory(parent=caucasus, title="Armenia", slug="armenia")
    georgia = PlacePageFactory(parent=caucasus, title="Georgia", slug="georgia")
    central_asia = RegionPageFactory(parent=regions, title="Central Asia", slug="central-asia")
    kazakhstan = PlacePageFactory(parent=central_asia, title="Kazakhstan", slug="kazakhstan")
    topics = TopicIndexPageFactory(parent=home)
    politics = TopicPageFactory(parent=topics, title="Politics", slug="politics")
    unrest = CollectionPageFactory(parent=politics, title="Kyrgyzstan 2020 unrest", slug="unrest")
    authors = AuthorIndexPageFactory(parent=home)
    author = AuthorPageFactory(parent=authors, title="Nino Beridze", slug="nino-beridze")
    about = StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    newsletter = StandardPageFactory(parent=home, title="Newsletter", slug="newsletter")
    return locals()


def make_articles(site: dict, count: int, **kwargs) -> list[ArticlePage]:
    """``count`` articles with an image, tagged Caucasus/Armenia/Politics, by the site's author."""
    defaults = {
        "terms": [site["caucasus"], site["armenia"], site["politics"]],
        "authors": [site["author"]],
    }
    defaults.update(kwargs)
    return [
        ArticlePageFactory(parent=site["home"], lead_image=ImageFactory(), **defaults)
        for _ in range(count)
    ]


def translate(page: Page, locale: Locale, **fields) -> Page:
    """Publish ``page``'s translation into ``locale`` (its parent must be translated)."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def make_russian_edition(site: dict) -> dict:
    """Russian translations of the small newsroom's home, regions, places and topic."""
    ru = Locale.objects.get(language_code="ru")
    home = translate(site["home"], ru, title="Тестовая редакция")
    regions = translate(site["regions"], ru, title="Регионы")
    caucasus = translate(site["caucasus"], ru, title="Кавказ")
    armenia = translate(site["armenia"], ru, title="Армения")
    topics = translate(site["topics"], ru, title="Темы")
    politics = translate(site["politics"], ru, title="Политика")
    authors = translate(site["authors"], ru, title="Авторы")
    author = translate(site["author"], ru, title="Нино Беридзе")
    return locals()


def desk_page(site, slug="contribute", attachments=True) -> DeskFormPage:
    page = DeskFormPage(
        title="Contribute",
        slug=slug,
        intro="Pitch us a story.",
        show_in_menus=True,
        accepts_attachments=attachments,
        to_address="desk@example.org",
        from_address="site@example.org",
        subject="Pitch from the website",
    )
    page.form_fields = [
        DeskFormField(
            clean_name="your_name", label="Your name", field_type="singleline", required=True
        ),
        DeskFormField(clean_name="email", label="Your email", field_type="email", required=True),
        DeskFormField(
            clean_name="pitch", label="Your pitch", field_type="multiline", required=True
        ),
    ]
    site["home"].add_child(instance=page)
    page.save_revision().publish()
    return page
