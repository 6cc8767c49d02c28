"""Which tags a stored page depends on, and which tags a change touches.

The tags (``tags.py``):

- ``page:<id>``: a story as other pages show it (its card, its line in Popular);
- ``tr:<translation key>``: a page and its translations (language links, hreflang);
- ``live:<id>``: a story's live updates and coverage;
- ``list:<id>``: the stories listed under page <id> or tagged with it (a section, a term,
  an author, the edition's home; each term's newest stories for Related);
- ``stories:<edition>``: any story of the edition (feeds, and every page whose listings
  are not told apart: a blog's index, Corrections...); ``stories:*`` for the addresses that
  list every edition's pages (the API, the sitemaps).

A *story* is a page with the story contract (``taxonomy.content.Story``: it has tags):
its change touches only these. Any other page (the home page, a section, a term, a footer
page, an author) is shown by what every page repeats (menus, footer, titles), so its change
retires its editions whole (``generations.bump``).
"""

from collections.abc import Iterable

from django.conf import settings

from .generations import ALL_EDITIONS

# Page types whose own listings are told apart by ``list:<id>`` (term pages, with their
# sub-terms' stories), found by what they have rather than by importing them.
LISTING_MARKER = "listing_term_ids"
STORY_MARKER = "tags_relation"


def is_story(page) -> bool:
    """A story: a page with tags that no menu or footer shows."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return hasattr(specific, STORY_MARKER) and not page.show_in_menus and page.depth > 2


def stories_tag(edition: str) -> str:
    return f"stories:{edition}"


def page_tags(page, edition: str) -> list[str]:
    """What a stored page depends on besides the parts it used: itself, its translations,
    its own listing, and every story of the edition unless it is a story, a term page or
    the edition's home (whose listings ``list:<id>`` follows)."""
    tags = [f"page:{page.pk}", f"tr:{page.translation_key}", f"list:{page.pk}"]
    specific = page.specific_deferred
    if hasattr(specific, STORY_MARKER):
        tags.append(f"live:{page.pk}")
    elif not (hasattr(specific, LISTING_MARKER) or page.depth == 2):
        tags.append(stories_tag(edition))
    return tags


def view_tags(edition: str) -> list[str]:
    """What a stored answer that is not a page (a feed, a sitemap, the API) depends on."""
    return [stories_tag(edition)]


def story_tags(page, listed_in: Iterable[int]) -> set[str]:
    """What a story's publish, unpublish, move or delete touches."""
    edition = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    return {
        f"page:{page.pk}",
        f"tr:{page.translation_key}",
        f"live:{page.pk}",
        stories_tag(edition),
        stories_tag(ALL_EDITIONS),
        *(f"list:{pk}" for pk in listed_in),
    }


def listings_of(page) -> set[int]:
    """The pages whose listings show a story: its ancestors below the root, the pages its
    rows point at (terms, authors) and their ancestors (a region lists its places')."""
    return with_ancestors([page.path, *_linked_paths(page)])


def with_ancestors(paths: Iterable[str]) -> set[int]:
    """The ids of these pages and of their ancestors below the root: one query."""
    from wagtail.models import Page

    steplen = Page.steplen
    wanted = set()
    for path in paths:
        wanted.update(path[:end] for end in range(2 * steplen, len(path) + 1, steplen))
    if not wanted:
        return set()
    return set(Page.objects.filter(path__in=wanted).values_list("pk", flat=True))


def _linked_paths(page) -> list[str]:
    """The paths of the pages a story's own rows point at: its tags' terms, its authors.

    Found from the model's reverse relations (a row with a key to this page and another to
    some page), so that core names no model of the apps above it."""
    from wagtail.models import Page

    ids = set()
    for model, own, others in _linking_rows(type(page.specific_deferred)):
        for row in model.objects.filter(**{own: page.pk}).values_list(*others):
            ids.update(pk for pk in row if pk)
    if not ids:
        return []
    return list(Page.objects.filter(pk__in=ids).values_list("path", flat=True))


def _linking_rows(model) -> list[tuple]:
    """(row model, its key to ``model``, its other keys to pages) for each kind of row."""
    from wagtail.models import Page

    found = []
    for relation in model._meta.related_objects:
        if not relation.one_to_many or relation.model is Page:
            continue
        others = page_keys(relation.related_model, besides=relation.field)
        if others:
            found.append((relation.related_model, relation.field.attname, others))
    return found


def revision_row_page_keys(model) -> list[str]:
    """For a row published with its page (a ``ParentalKey`` child: a tag, an author
    credit, a pin), the columns that hold a page's id; [] for any other row (a live update,
    which changes only its story's page, or a log entry)."""
    from modelcluster.fields import ParentalKey

    if not any(isinstance(field, ParentalKey) for field in model._meta.concrete_fields):
        return []
    return page_keys(model)


def page_keys(model, besides=None) -> list[str]:
    """The columns of ``model`` that hold a page's id (other than ``besides``)."""
    from wagtail.models import Page

    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field is not besides
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Page)
    ]
