"""Keep the index current as editors publish, unpublish, restrict and delete pages.

One page is cheap to index, so it is done at once, in the editor's request; re-indexing a
whole section (after a privacy change) is a background task.
"""

from django.db import transaction
from wagtail.models import Page

from . import services, tasks
from .registry import entry_for


def page_published(sender, instance, **kwargs):
    if entry_for(sender) is not None:
        services.index_page(instance)


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """A full save of a page (publishing, unpublishing, a page written by code) is what
    readers see; saving a draft revision only updates a few bookkeeping fields, skipped."""
    if raw or update_fields is not None or entry_for(sender) is None:
        return
    services.index_page(instance)


def page_unpublished(sender, instance, **kwargs):
    services.remove_pages([instance.pk])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and entry_for(type(instance)) is not None:
        services.remove_pages([instance.pk])


def restriction_changed(sender, instance, **kwargs):
    """A page became private or public again: its whole section is re-indexed."""
    page_id = instance.page_id
    transaction.on_commit(lambda: tasks.reindex_section.enqueue(page_id))


def register_signal_handlers() -> None:
    """Connect search's receivers (called from ``SearchConfig.ready``)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail import signals as wagtail_signals
    from wagtail.models import PageViewRestriction

    # Wagtail's own index follows post_save too; Dateline's also listens for publishing,
    # which is the signal editors' work sends once everything (tags too) is saved.
    post_save.connect(page_saved, dispatch_uid="search-saved")
    wagtail_signals.page_published.connect(page_published, dispatch_uid="search-published")
    wagtail_signals.page_unpublished.connect(page_unpublished, dispatch_uid="search-unpublished")
    # Deleting a page deletes its entry (foreign key); this catches a page's row being
    # deleted on its own, e.g. when a specific page is turned into another type.
    post_delete.connect(page_deleted, dispatch_uid="search-deleted")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted"
    )
