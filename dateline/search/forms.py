"""Reading the search page's address: the query and its filters, forgiving bad values.

Every value comes from a URL a reader may have typed, shared or kept for years, so nothing
here fails: a value that cannot be used is left out and explained in ``messages``.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from .conditions import Filters
from .language import ParsedQuery, parse_query
from .registry import SearchableModel, entry_for_kind, searchable_models

MAX_QUERY_LENGTH = 200
# Control characters (NUL among them) have no place in a search and PostgreSQL refuses NUL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SORTS = ("relevance", "newest")


@dataclass
class SearchRequest:
    text: str = ""
    query: ParsedQuery = field(default_factory=ParsedQuery)
    filters: Filters = field(default_factory=Filters)
    place: str = ""
    topic: str = ""
    kind: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"
    messages: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return bool(self.place or self.topic or self.kind or self.date_from or self.date_to)

    def params(self, **changes) -> dict[str, str]:
        """The search's address parameters (non-empty ones), with ``changes`` applied."""
        values = {
            "q": self.text,
            "place": self.place,
            "topic": self.topic,
            "type": self.kind,
            "from": self.date_from,
            "to": self.date_to,
            "sort": "" if self.sort == "relevance" else self.sort,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}


def _value(data, name: str, limit: int = 100) -> str:
    return CONTROL.sub(" ", data.get(name, "") or "")[:limit].strip()


def _terms_by_slug(menu) -> dict[str, tuple[object, list[int]]]:
    """slug -> (term, the term ids it stands for: itself and its sub-terms)."""
    found = {}
    if not menu:
        return found
    for term, children in menu[1]:
        found[term.slug] = (term, [term.pk, *(child.pk for child in children)])
        for child in children:
            found.setdefault(child.slug, (child, [child.pk]))
    return found


def _date(raw: str, label: str, messages: list[str]) -> dt.date | None:
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
        if not 1800 <= day.year <= 2200:
            raise ValueError(raw)
        return day
    except ValueError:
        messages.append(
            _("“%(value)s” is not a date we can read for “%(label)s”; use YYYY-MM-DD.")
            % {"value": raw[:40], "label": label}
        )
        return None


def read_search(data, menus: dict) -> SearchRequest:
    """The search a reader asked for, from the query string ``data``."""
    request = SearchRequest()
    _read_text(request, data)
    _read_terms(request, data, menus)
    _read_kind(request, data)
    _read_dates(request, data)
    sort = _value(data, "sort", 20)
    request.sort = sort if sort in SORTS else "relevance"
    return request


def _read_text(request: SearchRequest, data) -> None:
    """The words to look for, cleaned and cut to length, with what the reader should know."""
    messages = request.messages
    raw = CONTROL.sub(" ", data.get("q", "") or "")
    text = " ".join(raw.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        messages.append(
            _("Your search was long, so only its first %(n)d characters were used.")
            % {"n": MAX_QUERY_LENGTH}
        )
    request.text = text
    request.query = parse_query(text)
    if request.query.truncated:
        messages.append(_("Only the first 16 words and phrases of your search were used."))
    if text and not request.query:
        if request.query.excluded:
            messages.append(_("Add a word to look for: a minus sign only leaves words out."))
        else:
            messages.append(_("Your search has no letters or digits to look for."))


def _read_terms(request: SearchRequest, data, menus: dict) -> None:
    """The place and topic filters, each a slug from its menu (or left out, with a message)."""
    for name, menu_key, label in (
        ("place", "regions", _("Region or place")),
        ("topic", "topics", _("Topic")),
    ):
        slug = _value(data, name)
        if not slug:
            continue
        terms = _terms_by_slug(menus.get(menu_key))
        if slug in terms:
            setattr(request, name, slug)
            request.filters.term_ids.append(terms[slug][1])
        else:
            request.messages.append(
                _("There is no %(label)s “%(value)s” here, so that filter was left out.")
                % {"label": label.lower(), "value": slug[:40]}
            )


def _read_kind(request: SearchRequest, data) -> None:
    """The content type filter (or all types, with a message, for one we do not publish)."""
    kind = _value(data, "type")
    if not kind:
        return
    entry: SearchableModel | None = entry_for_kind(kind)
    if entry:
        request.kind = kind
        request.filters.kinds = [entry]
    else:
        request.messages.append(
            _("We do not publish the type “%(value)s”, so all types are shown.")
            % {"value": kind[:40]}
        )


def _read_dates(request: SearchRequest, data) -> None:
    """The date range, in order, each end a whole day in the newsroom's time zone."""
    messages = request.messages
    start = _date(_value(data, "from", 40), _("From"), messages)
    end = _date(_value(data, "to", 40), _("To"), messages)
    if start and end and end < start:
        start, end = end, start
        messages.append(_("The end date was before the start date, so we swapped them."))
    if start:
        request.date_from = start.isoformat()
        request.filters.date_from = _day_start(start)
    if end:
        request.date_to = end.isoformat()
        request.filters.date_to = _day_start(end + dt.timedelta(days=1))


def _day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the newsroom's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def kinds() -> list[SearchableModel]:
    return searchable_models()
