"""Wagtail still works the way ``dateline.core.wagtail_internals`` relies on.

Each test drives Wagtail itself (not just ``hasattr``): if an upgrade changes one of these
private attributes or methods, the failure names what changed and what in Dateline
depends on it, instead of pages quietly costing more queries or routing wrongly.
"""

import functools

import pytest
import wagtail
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Page, Site

from dateline.core import wagtail_internals
from dateline.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def changed(what: str, depends: str) -> str:
    return (
        f"Wagtail {wagtail.__version__} changed {what}. Dateline relies on it in {depends}: "
        "update dateline/core/wagtail_internals.py (and this test) for the new version."
    )


def test_wagtail_finds_the_site_where_dateline_hands_it_over(rf):
    request = rf.get("/", HTTP_HOST="localhost")
    try:
        found = wagtail_internals.find_site(request)
    except AttributeError as error:
        pytest.fail(changed(f"Site._find_for_request ({error})", "the page cache's priming"))
    assert found == Site.find_for_request(rf.get("/", HTTP_HOST="localhost")), changed(
        "what Site._find_for_request() answers", "the page cache's priming"
    )
    assert wagtail_internals.cached_site(request) is None, changed(
        "Site._find_for_request(), which now caches its answer on the request",
        "the page cache's priming",
    )
    elsewhere = Site(hostname="elsewhere.example", port=80)
    wagtail_internals.give_site(request, elsewhere)
    assert Site.find_for_request(request) is elsewhere, changed(
        "where Site.find_for_request() keeps its answer (request._wagtail_site)",
        "the page cache's priming and core.routing",
    )
    assert wagtail_internals.cached_site(request) is elsewhere


def test_the_site_lookup_key_is_the_host_and_port_wagtail_goes_by(rf):
    request = rf.get("/", HTTP_HOST="news.example", SERVER_PORT="8080")
    assert wagtail_internals.site_lookup_key(request) == "news.example:8080", changed(
        "Django's request._get_raw_host() or request.get_port()",
        "the page cache's key for the request's Site",
    )


def test_wagtail_takes_site_settings_handed_to_the_request(rf):
    request = rf.get("/", HTTP_HOST="localhost")
    own = SiteSettings.for_request(request)
    assert getattr(own, "_request", None) is request, changed(
        "what BaseSiteSetting.for_request() sets (site_settings._request)",
        "the page cache's priming",
    )
    later = rf.get("/", HTTP_HOST="localhost")
    handed = SiteSettings.for_site(Site.find_for_request(later))
    wagtail_internals.give_site_settings(later, handed)
    assert SiteSettings.for_request(later) is handed, changed(
        "where BaseSiteSetting.for_request() looks first (get_cache_attr_name())",
        "the page cache's priming",
    )
    assert handed._request is later


def test_wagtail_serves_the_route_dateline_found(rf):
    request = rf.get("/some/story/", HTTP_HOST="localhost")
    found = object()
    wagtail_internals.give_route(request, found)
    assert Page.route_for_request(request, "/some/story/") is found, changed(
        "where Page.route_for_request() keeps its answer (request._wagtail_route_for_request)",
        "core.routing",
    )


def test_a_page_told_its_parent_asks_no_query(django_assert_num_queries):
    parent = Page(path="00010001", depth=2, title="Home")
    page = Page(path="000100010001", depth=3, title="Story")
    wagtail_internals.give_parent(page, parent)
    with django_assert_num_queries(0):
        assert page.get_parent() is parent, changed(
            "treebeard's parent cache (page._cached_parent_obj)", "core.routing"
        )
    assert wagtail_internals.known_parent(page) is parent


def test_a_page_whose_parent_was_never_loaded_has_no_known_parent():
    assert wagtail_internals.known_parent(Page(path="000100010001", depth=3)) is None
    page = Page.objects.filter(depth=2).first()
    parent = page.get_parent()
    assert wagtail_internals.known_parent(page) == parent, changed(
        "treebeard's parent cache (page._cached_parent_obj)", "news.selectors"
    )


def test_rows_set_on_a_page_in_memory_are_told_from_saved_ones(site):
    from dateline.news.models import ArticlePage, ArticleTag

    article = ArticlePage(title="Unsaved", slug="unsaved")
    assert wagtail_internals.unsaved_relations(article) == set()
    article.tags = [ArticleTag(term=site["armenia"])]
    assert wagtail_internals.unsaved_relations(article) == {"tags"}, changed(
        "modelcluster's in-memory child rows (page._cluster_related_objects)", "news.selectors"
    )


def test_tree_path_steps_are_numbers_in_base_36():
    try:
        steps = [wagtail_internals.number_to_step(n) for n in (1, 35, 36)]
        numbers = [wagtail_internals.step_to_number(s) for s in ("0001", "000Z", "0010")]
    except AttributeError as error:
        pytest.fail(changed(f"treebeard's Page._int2str/_str2int ({error})", "news.services"))
    assert steps == ["1", "Z", "10"], changed("treebeard's Page._int2str", "news.services")
    assert numbers == [1, 35, 36], changed("treebeard's Page._str2int", "news.services")
    assert Page.steplen == 4, changed("treebeard's path step length", "news.services")


def test_every_page_publish_runs_the_wrapped_action(monkeypatch):
    assert getattr(PublishRevisionAction.execute, "dateline_atomic", False), (
        "core.publish_action.make_publishing_atomic() did not wrap Wagtail's publish action"
    )
    assert "execute" not in vars(PublishPageRevisionAction), changed(
        "PublishPageRevisionAction, which now has an execute() of its own",
        "core.publish_action (each publish in one transaction)",
    )
    monkeypatch.setattr(PublishRevisionAction, "execute", PublishRevisionAction.execute)
    published = []

    def spy(execute):
        @functools.wraps(execute)
        def spying(self, *args, **kwargs):
            published.append(self.revision.pk)
            return execute(self, *args, **kwargs)

        return spying

    wagtail_internals.wrap_publish_revision(spy)
    page = Page.objects.get(depth=2).specific
    revision = page.save_revision()
    revision.publish()
    assert published == [revision.pk], changed(
        "how a revision is published (no longer through PublishRevisionAction.execute)",
        "core.publish_action (each publish in one transaction)",
    )


def test_a_page_still_takes_its_child_objects_with_child_relations_remembered():
    """modelcluster still looks child relations up through the functions Dateline keeps
    per model (``remember_child_relations``), and their answer is the one a field scan
    gives: a page built with its credits and tags in hand (as a revision or a preview
    builds it) still gets them."""
    import modelcluster.models

    from dateline.news.models import ArticleAuthor, ArticlePage, ArticleTag

    scan = modelcluster.models.get_all_child_relations
    assert getattr(scan, "remembered", False), changed(
        "modelcluster.models.get_all_child_relations (no longer replaced)",
        "the cost of building every page instance (wagtail_internals.remember_child_relations)",
    )
    fields = ArticlePage._meta.get_fields()
    expected = [f for f in fields if isinstance(f.remote_field, modelcluster.models.ParentalKey)]
    assert scan(ArticlePage) == expected
    assert scan(ArticlePage(title="x")) == expected
    article = ArticlePage(title="x", authors=[ArticleAuthor(sort_order=0)], tags=[ArticleTag()])
    assert len(article.authors.all()) == 1 and len(article.tags.all()) == 1, changed(
        "ClusterableModel.__init__ (child objects passed in no longer kept)",
        "wagtail_internals.remember_child_relations",
    )


def test_image_tags_keep_their_parsed_filters_and_render_the_same():
    """Wagtail's image nodes still build their filters through ``get_filter`` and
    ``get_filters`` (which Dateline keeps on the node, ``remember_image_filters``), and a
    tag renders the same HTML the second time, from the kept filters, as the first."""
    from django.template import engines

    from tests.helpers.factories import ImageFactory

    template = engines["django"].from_string(
        "{% load wagtailimages_tags %}"
        '{% picture img width-{100,200} format-{webp,jpeg} alt="" %}'
        "{% image img fill-60x40 %}"
    )
    image = ImageFactory()
    first = template.render({"img": image})
    again = template.render({"img": type(image).objects.get(pk=image.pk)})
    assert first == again
    assert first.count("<source") == 1 and "fill-60x40" in first, first
    nodes = template.template.nodelist
    picture = next(n for n in nodes if type(n).__name__ == "PictureNode")
    assert sorted(f.spec for f in picture.get_filters()) == [
        "width-100|format-jpeg",
        "width-100|format-webp",
        "width-200|format-jpeg",
        "width-200|format-webp",
    ], changed(
        "how SrcsetImageNode/PictureNode expand their filter specs",
        "wagtail_internals.remember_image_filters",
    )
    assert picture.get_filters()[0] is picture.get_filters()[0], changed(
        "SrcsetImageNode.get_filters (no longer replaced)",
        "the cost of every picture tag (wagtail_internals.remember_image_filters)",
    )
