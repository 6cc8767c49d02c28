"""The core app's signal receivers, and their wiring: the page cache cleared on every
change readers can see, and task code kept on the primary database.
``register_signal_handlers()`` is called once, from
``CoreConfig.ready()`` (Wagtail's own apps' convention); each connection has a
``dispatch_uid``, so calling it again connects nothing twice."""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished, task_started
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from dateline.core import pagecache, replicas
from dateline.core.models import SiteSettings
from dateline.core.pagecache.dependencies import revision_row_page_keys


def page_changed(sender, instance, **kwargs) -> None:
    """A page published or unpublished."""
    pagecache.invalidate_page(instance)


def page_moved(sender, instance, parent_page_before=None, **kwargs) -> None:
    """A page moved: what shows it now, and the listings it left."""
    pagecache.invalidate_page(instance)
    if parent_page_before is not None:
        pagecache.invalidate_listings([parent_page_before.pk])


def row_deleted(sender, instance, **kwargs) -> None:
    """Any row deleted: a page's clears the pages that show it; a row linking a page to
    others (a story's tag, author credit, pin) clears those pages' listings, since an edit
    that removes a term takes the story off that term's pages."""
    if isinstance(instance, Page):
        pagecache.invalidate_page(instance)
        return
    keys = _page_keys(type(instance))
    if len(keys) > 1:
        pagecache.invalidate_listings(
            value for value in (getattr(instance, key) for key in keys) if value
        )


_known_page_keys: dict[type, list[str]] = {}


def _page_keys(model) -> list[str]:
    if model not in _known_page_keys:
        _known_page_keys[model] = revision_row_page_keys(model)
    return _known_page_keys[model]


def site_changed(sender, **kwargs) -> None:
    """What every page shows changed: site settings, a site, a locale, a view restriction."""
    pagecache.invalidate_everything()


def register_signal_handlers() -> None:
    setting_changed.connect(pagecache.forget_generations, dispatch_uid="pagecache-settings")
    page_published.connect(page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache-moved")
    post_delete.connect(row_deleted, dispatch_uid="pagecache-deleted")
    # A view restriction changes who may see a page: stored copies must go, and
    # core.routing's "no page is restricted" shortcut must be asked again.
    for model in (SiteSettings, Site, Locale, PageViewRestriction):
        post_save.connect(site_changed, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"pagecache-del-{model}")
    # Task code reads from the primary, wherever it runs (core/replicas.py).
    task_started.connect(replicas.task_started, dispatch_uid="replicas-task-started")
    task_finished.connect(replicas.task_finished, dispatch_uid="replicas-task-finished")
