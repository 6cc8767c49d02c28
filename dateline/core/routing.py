"""Page routing for readers in a fixed number of queries, whatever the depth of the page.

Wagtail routes ``/blogs/kitchen-table/supra/`` by walking the tree: the locale of the
edition, its home page, then a children query and a ``specific`` query per segment (eight
queries for that address). A reader's page is found here with one query for the page and
its ancestors by slug and depth and one for the deepest page's specific fields; the
edition's home page comes from the per-edition cache. The page cache middleware hands the
result to Wagtail through the attribute Wagtail itself caches its route in
(``core.wagtail_internals.give_route``), so editors, previews and anything this module
does not handle keep Wagtail's own routing.

The result is the same as Wagtail's: the deepest page found along the path gets
``route()`` with what is left (a 404 if that is not a child it has), and a page
must be live to be served. Only for page types that keep Wagtail's ``route()``; a type that
overrides it (``RoutablePageMixin``) in the path sends the request back to Wagtail.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from dateline.core import wagtail_internals
from dateline.core.pagecache import edition_cached, edition_of_path, locale_of

# Set on a request that this module did not route: Wagtail routes it as usual.
_NOT_HANDLED = object()


def prime_route(request, path: str) -> None:
    """Route a reader's request to a page now, in two queries, for Wagtail to use."""
    site = wagtail_internals.cached_site(request)
    if site is None:
        return
    edition = edition_of_path(request.path_info)
    home = edition_cached(edition, f"route-home:{site.pk}", lambda: _edition_home(site))
    if home is None or _overrides_route(type(home)):
        return
    try:
        result = _route(request, home, [part for part in path.split("/") if part])
    except Http404:
        result = None
    if result is _NOT_HANDLED:
        return
    if result is not None:
        _skip_view_restriction_queries(result.page)
    wagtail_internals.give_route(request, result)


def _edition_home(site: Site):
    """The site's root page in the active language's edition, with its specific fields."""
    home = site.root_page.localized.specific
    locale_of(home)
    return home


def _route(request, home, components: list[str]):
    if not components:
        return home.route(request, [])
    if len(components) == 1:
        page = _likely_child(home, components[0])
        if page is not None:
            wagtail_internals.give_parent(page, home)
            locale_of(page)
            return page.route(request, [])
    # Wagtail's walk, "the child of the page above with this slug", for every segment in
    # one query; slug is indexed, and there are only ever a few pages per slug and depth.
    wanted = Q()
    for depth, slug in enumerate(components, start=home.depth + 1):
        wanted |= Q(depth=depth, slug=slug)
    found = list(Page.objects.filter(wanted, path__startswith=home.path))
    chain, parent = [], home
    for depth, slug in enumerate(components, start=home.depth + 1):
        child = next(
            (p for p in found if p.depth == depth and p.slug == slug and p.is_child_of(parent)),
            None,
        )
        if child is None:
            break
        chain.append(child)
        parent = child
    if not chain:
        raise Http404
    if any(_overrides_route(_model_of(page)) for page in chain):
        return _NOT_HANDLED
    deepest = _specific(chain[-1])
    wagtail_internals.give_parent(deepest, chain[-2] if len(chain) > 1 else home)
    locale_of(deepest)
    return deepest.route(request, components[len(chain) :])


def _specific(page: Page):
    """``page.specific``, with the routing's questions asked in the same query."""
    return _routed_query(_model_of(page)).filter(pk=page.pk).first() or page


def _likely_child(home, slug: str):
    """The home page's child by slug in one query, if it is of the type most of its
    children are (``routing_likely_child``: articles, under a news site's home)."""
    model = getattr(home, "routing_likely_child", None)
    if model is None or _overrides_route(model):
        return None
    child = _children_query(model, home.depth, home.path).filter(slug=slug).first()
    if child is None or _model_of(child) is not model:
        return None  # another type (a section, a subclass): the general way finds it
    return child


# model -> its pages with the routing's questions, never evaluated itself: building the
# annotations' subqueries cost as much as the rest of the query.
_routed_queries: dict[type, object] = {}


def _children_query(model, depth: int, path: str):
    """The home page's children of ``model`` with the routing's questions."""
    return _routed_query(model).filter(depth=depth + 1, path__startswith=path)


def _routed_query(model):
    """``model``'s pages with what their page asks of itself, in the query that finds them;
    kept per process (each request filters a copy)."""
    query = _routed_queries.get(model)
    if query is None:
        # Whether the page has a live translation, asked in the same query: most stories
        # have none, and then the language links need no query of their own (core_tags).
        translations = Page.objects.filter(translation_key=OuterRef("translation_key"), live=True)
        # The page type's own questions too (ArticlePage: live updates? corrections?).
        asked = getattr(model, "routing_annotations", dict)()
        query = _routed_queries[model] = (
            model.objects.annotate(
                has_live_translation=Exists(translations.exclude(pk=OuterRef("pk"))), **asked
            )
            # And what its page shows first (ArticlePage: the lead image), joined in.
            .select_related(*getattr(model, "routing_related", ()))
        )
    return query


def _model_of(page: Page):
    return ContentType.objects.get_for_id(page.content_type_id).model_class() or Page


def _overrides_route(model) -> bool:
    return model.route is not Page.route


def _skip_view_restriction_queries(page) -> None:
    """Most sites restrict no page at all: then Wagtail's restriction check (two queries
    per page) can only find nothing. The check calls ``page.get_view_restrictions()``, so
    the routed page answers it from the per-site cache; a save or delete of any
    restriction clears that cache (core.signal_handlers)."""
    if not edition_cached(settings.LANGUAGE_CODE, "any-view-restriction", _any_restriction):
        page.get_view_restrictions = PageViewRestriction.objects.none


def _any_restriction() -> bool:
    return PageViewRestriction.objects.exists()
