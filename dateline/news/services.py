"""Writes for articles: bulk and load data (editors write pages through Wagtail), and the
live desk's updates."""

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from dateline.core import pagecache, wagtail_internals
from dateline.core.editions import point_at_edition
from dateline.core.illustrations import landscape_jpeg
from dateline.taxonomy.models import CollectionPage, PlacePage, RegionPage, TopicPage

from .models import ArticleAuthor, ArticlePage, ArticleTag, AuthorPage, LiveCoverage, LiveUpdate

SUBJECTS = [
    "Border talks",
    "Water dispute",
    "Gas pipeline",
    "Election commission",
    "Grain prices",
    "Mountain villages",
    "Railway link",
    "Press freedom",
    "Glacier survey",
    "Migrant workers",
    "Opposition rally",
    "Earthquake drill",
    "Remittances",
    "Wine harvest",
    "Power cuts",
    "Student protest",
    "Hydropower dam",
    "Currency slide",
    "Ceasefire monitors",
    "Customs union",
]
VERBS = [
    "stall again",
    "raise hopes",
    "divide parliament",
    "spark protests",
    "reach a deadline",
    "draw foreign investors",
    "face new scrutiny",
    "test the government",
    "leave families waiting",
    "prompt an inquiry",
]
SENTENCES = [
    "Officials gave few details when reporters asked about the timetable.",
    "Residents said the change had already reached their monthly budgets.",
    "Analysts in the capital described the decision as a turning point for the region.",
    "Neighbouring governments have watched the negotiations closely.",
    "Local journalists were not allowed to attend the closed session.",
    "The figures could not be independently verified.",
    "Several villages along the river depend on the same supply of water.",
    "A spokesperson promised a fuller statement by the end of the week.",
    "Rights groups called for an independent investigation.",
    "Traders at the central market said prices had risen twice since spring.",
]
BATCH_SIZE = 1000
IMAGE_POOL_SIZE = 12


def generate_articles(
    count: int,
    locale: Locale | None = None,
    seed: int = 0,
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Bulk-create ``count`` live synthetic articles under the edition's home page.

    Rows are inserted in batches, bypassing Wagtail's per-page save (tree bookkeeping,
    revisions, search indexing) so that 100,000 articles take minutes. Each article gets
    a place with its region, a topic (sometimes a collection), an author, a lead image from
    a small generated pool and a body of realistic length. Returns the number created.
    """
    locale = locale or Locale.get_default()
    rng = random.Random(seed)
    home = Page.objects.get(locale=locale, depth=2)
    places = list(PlacePage.objects.filter(locale=locale).only("pk", "path"))
    regions = {r.path: r.pk for r in RegionPage.objects.filter(locale=locale).only("pk", "path")}
    topics = list(TopicPage.objects.filter(locale=locale).values_list("pk", flat=True))
    collections = list(CollectionPage.objects.filter(locale=locale).values_list("pk", flat=True))
    authors = list(AuthorPage.objects.filter(locale=locale).values_list("pk", flat=True))
    if not (places and topics and authors):
        raise ValueError("There are no places, topics or authors yet: run `dateline load_demo`.")
    images = _image_pool()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    created = 0
    for batch in _batches(count):
        with transaction.atomic():
            home = Page.objects.select_for_update().get(pk=home.pk)
            first = _next_child_number(home)
            pages = [
                _base_page(rng, home, first + offset, content_type, locale)
                for offset in range(batch)
            ]
            Page.objects.bulk_create(pages)
            _insert_article_rows(pages, rng, images)
            tags, credits = [], []
            for page in pages:
                place = rng.choice(places)
                terms = [place.pk, regions[place.path[: -Page.steplen]], rng.choice(topics)]
                if collections and rng.random() < 0.15:
                    terms.append(rng.choice(collections))
                tags += [
                    ArticleTag(page_id=page.pk, term_id=term, sort_order=order)
                    for order, term in enumerate(terms)
                ]
                credits.append(ArticleAuthor(page_id=page.pk, author_id=rng.choice(authors)))
            ArticleTag.objects.bulk_create(tags)
            ArticleAuthor.objects.bulk_create(credits)
            Page.objects.filter(pk=home.pk).update(numchild=home.numchild + batch)
        created += batch
        progress(created)
    return created


def _batches(count: int) -> Iterator[int]:
    while count > 0:
        yield min(BATCH_SIZE, count)
        count -= BATCH_SIZE


def _next_child_number(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return wagtail_internals.step_to_number(last[-Page.steplen :]) + 1 if last else 1


def _base_page(rng, home: Page, number: int, content_type, locale: Locale) -> Page:
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}"
    slug = f"{slugify(title)}-{uuid.uuid4().hex[:8]}"
    published = timezone.now() - dt.timedelta(minutes=rng.randint(60, 60 * 24 * 365 * 8))
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=home.path + wagtail_internals.number_to_step(number).rjust(Page.steplen, "0"),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        locale=locale,
        translation_key=uuid.uuid4(),
    )


def _insert_article_rows(pages: list[Page], rng, images: list[int]) -> None:
    """Insert the article rows of already-inserted base pages in one statement.

    Django's bulk_create refuses multi-table models, so the child table is written here.
    """
    fields = ArticlePage._meta.local_concrete_fields
    rows = []
    for page in pages:
        article = ArticlePage(
            page_ptr_id=page.pk,
            standfirst=" ".join(rng.sample(SENTENCES, 2)),
            lead_image_id=rng.choice(images),
            lead_image_caption="An illustration generated for load testing.",
            lead_image_credit="Illustration: Dateline",
            body=[
                ("paragraph", RichText("<p>" + " ".join(rng.sample(SENTENCES, 5)) + "</p>"))
                for _ in range(rng.randint(4, 12))
            ],
        )
        rows.append([f.get_db_prep_save(getattr(article, f.attname), connection) for f in fields])
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def _image_pool() -> list[int]:
    """Ids of a few generated images shared by all generated articles."""
    Image = get_image_model()
    pool = list(
        Image.objects.filter(title__startswith="Generated illustration")
        .order_by("pk")
        .values_list("pk", flat=True)[:IMAGE_POOL_SIZE]
    )
    while len(pool) < IMAGE_POOL_SIZE:
        image = Image(title=f"Generated illustration {len(pool) + 1}")
        picture = landscape_jpeg(f"generated-{len(pool)}", 1200, 675)
        image.file = ImageFile(BytesIO(picture), name="generated.jpg")
        image.save()
        pool.append(image.pk)
    return pool


def localize_relations(article: ArticlePage) -> int:
    """Point a translated article's tags, authors, pinned stories and live updates' authors at
    its own edition (``core.editions.point_at_edition``). Returns how many rows changed."""
    return point_at_edition(
        article.locale_id,
        [
            (article.tags.all(), "term_id"),
            (article.authors.all(), "author_id"),
            (article.related_pins.all(), "article_id"),
            (article.live_updates.exclude(author=None), "author_id"),
        ],
    )


# --- the live desk ---------------------------------------------------------------------
# Live updates are written on the live desk (dateline.desk), outside the page's revisions:
# each write is one row, an entry in the page's History, and fresh pages for readers.

LIVE_UPDATE_FIELDS = ("headline", "body", "is_key_event", "is_pinned")


def live_update_changed(article: ArticlePage) -> None:
    """Make the story's page fresh for readers after its updates or coverage changed: only
    its page (and its updates feed at a CDN) go; no card or listing shows its updates."""
    pagecache.invalidate_live(article)


def author_for(user, article: ArticlePage) -> AuthorPage | None:
    """The author page that signs ``user``'s updates on ``article``: the one linked to their
    login in the story's edition, else the one titled with their full name there."""
    authors = AuthorPage.objects.filter(locale_id=article.locale_id)
    linked = authors.filter(user=user).first()
    if linked is not None:
        return linked
    name = user.get_full_name().strip()
    return authors.filter(title__iexact=name).first() if name else None


def _log(article: ArticlePage, action: str, user, update: LiveUpdate, **data) -> None:
    log(
        instance=article,
        action=action,
        user=user,
        data={"update_id": update.pk, "headline": update.headline, **data},
    )


@transaction.atomic
def post_live_update(article: ArticlePage, user, **fields) -> LiveUpdate:
    """Publish a new update on the live story now, signed by the user's author page."""
    update = LiveUpdate.objects.create(
        page=article,
        published_at=timezone.now(),
        author=author_for(user, article),
        **{name: fields[name] for name in LIVE_UPDATE_FIELDS if name in fields},
    )
    _log(article, "dateline.live_update.add", user, update)
    live_update_changed(article)
    return update


@transaction.atomic
def edit_live_update(update: LiveUpdate, user, **fields) -> LiveUpdate:
    """Change an update's text or flags; its time and author stay."""
    for name in LIVE_UPDATE_FIELDS:
        if name in fields:
            setattr(update, name, fields[name])
    update.save()
    _log(update.page, "dateline.live_update.edit", user, update)
    live_update_changed(update.page)
    return update


@transaction.atomic
def pin_live_update(update: LiveUpdate, user, pinned: bool) -> LiveUpdate:
    update.is_pinned = pinned
    update.save(update_fields=["is_pinned"])
    action = "dateline.live_update.pin" if pinned else "dateline.live_update.unpin"
    _log(update.page, action, user, update)
    live_update_changed(update.page)
    return update


@transaction.atomic
def delete_live_update(update: LiveUpdate, user) -> None:
    article = update.page
    _log(article, "dateline.live_update.delete", user, update)
    update.delete()
    live_update_changed(article)


@transaction.atomic
def end_live_coverage(article: ArticlePage, user) -> LiveCoverage:
    """End the story's live coverage now: readers see "Live coverage ended" and their pages
    stop asking for updates. Kept outside the page's revisions, so no publish undoes it."""
    coverage, _created = LiveCoverage.objects.update_or_create(
        page=article, defaults={"ended_at": timezone.now()}
    )
    log(instance=article, action="dateline.live_coverage.end", user=user)
    live_update_changed(article)
    return coverage


@transaction.atomic
def resume_live_coverage(article: ArticlePage, user) -> None:
    """Undo "End live coverage" (the quiet period counts again from the newest update)."""
    LiveCoverage.objects.filter(page=article).delete()
    log(instance=article, action="dateline.live_coverage.resume", user=user)
    live_update_changed(article)
