"""One way to paginate a listing: ?page=N, and a clear 404 for a page that does not exist."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Count, QuerySet, Window
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
        if isinstance(items, QuerySet) and not items.query.distinct:
            return _page_with_count(paginator, items, number)
        return paginator.page(number)
    except EmptyPage:
        raise ReaderNotFound(
            _("There is no page %(number)d: this list has %(count)d page(s).")
            % {"number": number, "count": paginator.num_pages}
        ) from None


# Beyond this a page number cannot be in any listing, and databases refuse the OFFSET.
OFFSET_LIMIT = 2**31 - 1


def _page_with_count(paginator: Paginator, items: QuerySet, number: int) -> Page:
    """The page and the listing's length in one query: the total rides on each row as a
    window count (``COUNT(*) OVER ()``, taken before the LIMIT). A number past the end
    finds no row, and then costs the separate count the error message needs. (Not for a
    DISTINCT query, whose window would count the rows before DISTINCT.)"""
    offset = (number - 1) * paginator.per_page
    if number < 1 or offset > OFFSET_LIMIT:
        return paginator.page(number)  # refused with the count, as any page past the end
    rows = list(
        items.annotate(listing_total=Window(Count("pk")))[offset : offset + paginator.per_page]
    )
    total = getattr(rows[0], "listing_total", None) if rows else None
    if total is None:  # past the end, or rows that do not carry it (``.specific()``)
        return paginator.page(number)
    paginator.count = total
    return paginator._get_page(rows, paginator.validate_number(number), paginator)
