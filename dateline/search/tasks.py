"""Background work for search: heavy re-indexing, run by the task worker.

Until a worker backend is configured (settings.TASKS), django-tasks runs these inline.
"""

from django_tasks import task
from wagtail.models import Page

from . import services

SECTION_BATCH = 500


@task()
def reindex_section(page_id: int) -> int:
    """Re-index a page and everything below it (after a view restriction changed)."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return 0
    pages = Page.objects.filter(path__startswith=root.path).order_by("path")
    indexed = 0
    for start in range(0, pages.count(), SECTION_BATCH):
        indexed += services.index_pages(list(pages[start : start + SECTION_BATCH].specific()))
    return indexed


@task()
def rebuild_index() -> int:
    """Rebuild the whole index, e.g. after bulk imports that bypassed Wagtail's signals."""
    return services.rebuild()
