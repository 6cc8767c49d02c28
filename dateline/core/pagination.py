"""One way to paginate a listing: ?page=N, and a clear 404 for a page that does not exist."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.utils.translation import gettext as _

from .errors import ReaderNotFound


def paginate(request, items, per_page: int) -> Page:
    """Return the requested page of ``items``.

    A page number that is not a whole number, or lies past the end, raises ReaderNotFound with a
    message meant for the reader; the designed 404 page shows it.
    """
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise ReaderNotFound(_("“%(page)s” is not a page number.") % {"page": raw[:40]}) from None
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise ReaderNotFound(
            _("There is no page %(number)d: this list has %(count)d page(s).")
            % {"number": number, "count": paginator.num_pages}
        ) from None
