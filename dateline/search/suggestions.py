"""Spelling suggestions for a search that found nothing: the nearest indexed words."""

import difflib

from django.db import connection
from wagtail.models import Locale

from . import selectors
from .conditions import Filters
from .language import ParsedQuery
from .models import SearchWord


def known_words(candidates: list[str], locale: Locale) -> set[str]:
    lowered = {word.lower() for word in candidates}
    return set(
        SearchWord.objects.filter(locale=locale, word__in=lowered).values_list("word", flat=True)
    )


def nearest_word(word: str, locale: Locale) -> str | None:
    """The indexed word closest in spelling to ``word``, or None if none is close."""
    word = word.lower()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT word FROM dateline_search_searchword
                WHERE locale_id = %s AND word %% %s AND similarity(word, %s) > 0.4
                ORDER BY similarity(word, %s) DESC, word LIMIT 1""",
                [locale.pk, word, word, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    # SQLite has no trigram index: compare with the words of a similar length and start.
    lengths = f"^.{{{max(1, len(word) - 2)},{len(word) + 2}}}$"
    pool = SearchWord.objects.filter(
        locale=locale, word__startswith=word[:1], word__regex=lengths
    ).values_list("word", flat=True)[:20000]
    matches = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.8)
    return matches[0] if matches else None


def suggestion(query: ParsedQuery, locale: Locale) -> ParsedQuery | None:
    """The query with each unknown word replaced by the nearest indexed word, if that finds
    anything; None when there is no likely spelling."""
    candidates = [w for w in query.positive_words if len(w) >= 3 and not w.isdigit()]
    if not candidates:
        return None
    known = known_words(candidates, locale)
    replacements = {}
    for word in candidates[:5]:
        if word.lower() in known:
            continue
        nearest = nearest_word(word, locale)
        if nearest and nearest != word.lower():
            replacements[word.lower()] = nearest
    if not replacements:
        return None
    suggested = query.replaced(replacements)
    return suggested if selectors.count(suggested, locale, Filters()) else None
