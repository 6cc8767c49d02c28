"""Every place Dateline relies on a part of Wagtail (and of treebeard, its tree) that is not
public API: private attributes, private methods, and the one method Dateline wraps.

They are here, and only here, so that an upgrade of Wagtail has one module to check, and
``tests/core/test_wagtail_internals.py`` fails with a clear message if the Wagtail in use
no longer behaves the way each function below assumes. Each one says why it is needed.
Wagtail's imports stay inside the functions: the page cache imports this module while
the apps' models are still loading.
"""

from collections.abc import Callable

from django.http import HttpRequest

# --- the request's Site ------------------------------------------------------------------


def cached_site(request: HttpRequest):
    """The Site Wagtail has already found for this request, or None.

    ``Site.find_for_request()`` keeps its answer in ``request._wagtail_site``; reading it
    directly tells "found no site" (None) from "not looked up yet" without a query. Used by
    the page cache's per-site HTML and by ``core.routing``.
    """
    return getattr(request, "_wagtail_site", None)


def site_lookup_key(request: HttpRequest) -> str:
    """The host and port Wagtail's site lookup goes by, as a cache key.

    ``Site._find_for_request()`` reads the raw host (Django's private
    ``request._get_raw_host()``, which skips the ALLOWED_HOSTS check) and the port: the
    page cache keeps one answer per such pair, so it must key by the same two.
    """
    return f"{request._get_raw_host()}:{request.get_port()}"


def find_site(request: HttpRequest):
    """The Site for this request, looked up without reading or setting Wagtail's cache
    on the request (``Site._find_for_request``): the page cache keeps the answer itself."""
    from wagtail.models import Site

    return Site._find_for_request(request)


def give_site(request: HttpRequest, site) -> None:
    """Hand Wagtail the request's Site (from the page cache), where
    ``Site.find_for_request()`` looks first, so that Wagtail does not query for it."""
    request._wagtail_site = site


def give_site_settings(request: HttpRequest, site_settings) -> None:
    """Hand Wagtail a site setting for this request, as ``BaseSiteSetting.for_request()``
    does itself: on the request under ``get_cache_attr_name()``, with the request in
    ``site_settings._request`` so that its page links are written relative to that site."""
    site_settings._request = request
    setattr(request, type(site_settings).get_cache_attr_name(), site_settings)


# --- routing -----------------------------------------------------------------------------


def give_route(request: HttpRequest, result) -> None:
    """Hand Wagtail the route ``core.routing`` found (a ``RouteResult`` or None for a 404).

    ``Page.route_for_request()`` keeps its answer in ``request._wagtail_route_for_request``
    and reads it from there first, so Wagtail's ``serve`` view uses Dateline's two-query
    routing without a view of Dateline's own.
    """
    request._wagtail_route_for_request = result


def routed_page(request: HttpRequest):
    """The page Wagtail (or ``core.routing``) routed the request to, or None: the page
    cache tags a stored page with it."""
    result = getattr(request, "_wagtail_route_for_request", None)
    return getattr(result, "page", None) if result is not None else None


def give_parent(page, parent) -> None:
    """Tell a page its parent, already loaded, so that ``get_parent()`` (which serving a
    page calls, for the breadcrumbs and the edition's links) costs no query: treebeard
    keeps the parent in ``page._cached_parent_obj`` and returns it from there."""
    page._cached_parent_obj = parent


def known_parent(page):
    """The parent ``give_parent`` (or an earlier ``get_parent()``) left on the page, or None
    when it has not been loaded."""
    return getattr(page, "_cached_parent_obj", None)


def unsaved_relations(page) -> set[str]:
    """The child relations (``tags``, ``authors``...) a page holds in memory rather than in
    the database: an editor's preview builds the page from the form, and modelcluster keeps
    those rows in ``page._cluster_related_objects`` until it is saved. A story page reads
    its saved rows in one query (``news.selectors.story_rows``) except for these."""
    return set(getattr(page, "_cluster_related_objects", {}))


def step_to_number(step: str) -> int:
    """The number a page's last path step stands for (treebeard's ``_str2int``): the demo
    content writes pages in bulk and numbers their paths itself."""
    from wagtail.models import Page

    return Page._str2int(step)


def number_to_step(number: int) -> str:
    """treebeard's ``_int2str``: ``step_to_number`` the other way round (not padded)."""
    from wagtail.models import Page

    return Page._int2str(number)


# --- publishing --------------------------------------------------------------------------


def wrap_publish_revision(wrap: Callable[[Callable], Callable]) -> None:
    """Replace ``PublishRevisionAction.execute`` with ``wrap(execute)``.

    Every publish in Wagtail (the editor's button, scheduled publishing, ``page.publish()``
    and ``revision.publish()``) runs this one method, which saves the page as live and then
    sends ``page_published``; ``core.publish_action`` wraps it in a transaction. Not private
    by name, but which method every publish goes through is Wagtail's internal design.
    """
    from wagtail.actions.publish_revision import PublishRevisionAction

    PublishRevisionAction.execute = wrap(PublishRevisionAction.execute)


# --- page instances ------------------------------------------------------------------------


def remember_child_relations() -> None:
    """Make each page instance cheaper to build: modelcluster's ``ClusterableModel.__init__``
    (every Page's) lists the model's child relations by scanning all of its fields
    (``modelcluster.models.get_all_child_relations`` and ``get_all_child_m2m_relations``),
    once for every instance, also for a row read from the database. A page has well over
    a hundred fields with its reverse relations, and a cold render builds a few hundred
    page instances (cards, tags' terms, authors, menus), so the scan was some 6 % of an
    article's render and more of the home page's. The answer depends on the model alone:
    here it is kept per model, once the app registry is ready (no field is added after).
    """
    import modelcluster.models
    from django.apps import apps

    for name in ("get_all_child_relations", "get_all_child_m2m_relations"):
        scan = getattr(modelcluster.models, name)
        if not hasattr(scan, "remembered"):
            setattr(modelcluster.models, name, _remembered(scan, apps))


def _remembered(scan: Callable, apps) -> Callable:
    answers: dict[type, list] = {}

    def remembered(model) -> list:
        model_class = model if isinstance(model, type) else type(model)
        answer = answers.get(model_class)
        if answer is None:
            answer = scan(model_class)
            if apps.ready:
                answers[model_class] = answer
        return list(answer)  # a list of its own: a caller may change it

    remembered.remembered = True
    return remembered


# --- image tags ----------------------------------------------------------------------------


def remember_image_filters() -> None:
    """Parse each ``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}`` tag's
    filter specs once, not at every render.

    Wagtail's image nodes build new ``Filter`` objects on each render (``get_filter``,
    ``get_filters``), and each parses its spec again, asking every
    ``register_image_operations`` hook for the operations: a home page with thirty cards,
    four renditions each, did that 120 times a render. The specs are fixed when the
    template is compiled, so the node keeps its filters; a Filter holds nothing about the
    image it is used for (the focal point is read from the image at each use).
    """
    from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode

    for node_class, name in ((ImageNode, "get_filter"), (SrcsetImageNode, "get_filters")):
        build = node_class.__dict__[name]
        if not hasattr(build, "remembered"):
            setattr(node_class, name, _kept_on_node(build, name))


def _kept_on_node(build: Callable, name: str) -> Callable:
    attribute = f"_dateline_{name}"

    def kept(node):
        filters = node.__dict__.get(attribute)
        if filters is None:
            filters = build(node)
            setattr(node, attribute, filters)
        return list(filters) if isinstance(filters, list) else filters

    kept.remembered = True
    return kept
