"""Words, stems and queries: what both index backends share.

PostgreSQL stems the index with its own text-search configurations ('english', 'russian');
SQLite's FTS5 has no Russian stemmer, so on SQLite the index holds words already stemmed
here with the same Snowball algorithms (snowballstemmer). Highlighting uses them on both.

A reader's query is parsed here, once, into words, "quoted phrases", OR and -exclusions
(the syntax of PostgreSQL's websearch_to_tsquery), and each backend gets a query built from
that parse, never the raw text: nothing a reader types reaches a query language unescaped.
"""

import html
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import snowballstemmer
from django.conf import settings
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

WORD = re.compile(r"[^\W_]+")
WORD_OR_NOT = re.compile(r"([^\W_]+)")  # re.split() keeps the words, at odd indexes
# A query token: an optional minus, then a "quoted phrase" (closed or not) or a bare run.
# Word processors and phone keyboards turn a typed "-" into a dash or a minus sign: each
# leaves a word out alike.
TOKEN = re.compile(r'([-\u2212\u2013\u2014]?)"([^"]*)"?|([-\u2212\u2013\u2014]?)([^\s"]+)')
MAX_TERMS = 16

# Snowball's Russian stemmer reads the Russian for "Karabakh" as a locative plural (stem
# "karab-") but its genitive as "karabakh": for these languages a query word also matches
# its stem's stem (tests/search/test_language.py has the Cyrillic).
RESTEM_LANGUAGES = {"russian"}


def config_for(language_code: str) -> str:
    """The text-search configuration of an edition's language (DATELINE_SEARCH_CONFIGS)."""
    return settings.DATELINE_SEARCH_CONFIGS.get(language_code, "simple")


# Each thread's stemmers: a Snowball stemmer keeps the word it is stemming in itself, so
# gunicorn's threads must not share one (a shared one answered a search with a 500 under
# bench/storm.py's load: IndexError inside the stemmer).
_stemmers = threading.local()


def _stemmer(language: str):
    mine = _stemmers.__dict__
    stemmer = mine.get(language)
    if stemmer is None:
        stemmer = mine[language] = snowballstemmer.stemmer(language)
    return stemmer


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The word's stem as PostgreSQL's configuration would make it (lower case).

    Like PostgreSQL's 'russian' configuration, Latin words are stemmed as English.
    """
    word = word.lower()
    if language == "simple":
        return word
    return _stemmer("english" if word.isascii() else language).stemWord(word)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stemmed_text(text: str, language: str) -> str:
    """The text as a run of stems, for SQLite's FTS5 index."""
    return " ".join(stem(word, language) for word in WORD.findall(text))


@dataclass(frozen=True)
class Term:
    """A word (one element) or a phrase (several), maybe excluded with a minus."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass
class ParsedQuery:
    """AND of groups; a group is an OR of terms. Exclusions are kept apart."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    truncated: bool = False

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def positive_words(self) -> list[str]:
        return [word for group in self.groups for term in group for word in term.words]

    def text(self) -> str:
        """The query written back in the search box's syntax (normalised)."""
        parts = []
        for group in self.groups:
            parts.append(" or ".join(_term_text(term) for term in group))
        parts += ["-" + _term_text(term) for term in self.excluded]
        return " ".join(parts)

    def replaced(self, replacements: dict[str, str]) -> "ParsedQuery":
        """The same query with some words replaced (for "did you mean")."""

        def swap(term: Term) -> Term:
            return Term(tuple(replacements.get(w.lower(), w) for w in term.words), term.negated)

        return ParsedQuery(
            [[swap(t) for t in group] for group in self.groups],
            [swap(t) for t in self.excluded],
        )


def _term_text(term: Term) -> str:
    return f'"{" ".join(term.words)}"' if len(term.words) > 1 else term.words[0]


def parse_query(text: str) -> ParsedQuery:
    """Parse what a reader typed. Never fails: unknown syntax is read as words."""
    query = ParsedQuery()
    join_or = False
    count = 0
    for match in TOKEN.finditer(text):
        minus = match.group(1) or match.group(3)
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        if match.group(4) is not None and raw.lower() in or_words() and not minus:
            join_or = bool(query.groups)
            continue
        found = tuple(WORD.findall(raw))
        if not found:
            continue
        if count >= MAX_TERMS:
            query.truncated = True
            break
        count += 1
        term = Term(found, negated=bool(minus))
        if term.negated:
            query.excluded.append(term)
        elif join_or and query.groups:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        join_or = False
    return query


def query_stems(query: ParsedQuery, language: str) -> set[str]:
    """Stems a matching text word may have: for highlighting."""
    stems = set()
    for word in query.positive_words:
        first = stem(word, language)
        stems.add(first)
        if language in RESTEM_LANGUAGES and not word.isascii():
            stems.add(stem(first, language))
    return stems


# --- PostgreSQL: to_tsquery(config, text) --------------------------------------------


def tsquery_text(query: ParsedQuery, language: str, loose: bool = False) -> str:
    """The query in to_tsquery syntax. Words are runs of letters and digits only, so they
    cannot carry tsquery operators; PostgreSQL stems them with the edition's configuration.

    ``loose`` matches a superset, for estimates only: a phrase as any of its words, no
    exclusions."""

    def word(w: str) -> str:
        if language in RESTEM_LANGUAGES and not w.isascii():
            alternative = stem(w, language)
            if alternative != w.lower():
                return f"({w} | {alternative})"
        return w

    def term(t: Term) -> str:
        if len(t.words) == 1:
            return word(t.words[0])
        if loose:
            return "(" + " | ".join(word(w) for w in t.words) + ")"
        return "(" + " <-> ".join(t.words) + ")"

    parts = ["(" + " | ".join(term(t) for t in group) + ")" for group in query.groups]
    if not loose:
        parts += ["!" + term(t) for t in query.excluded]
    return " & ".join(parts)


# --- SQLite: FTS5 MATCH -----------------------------------------------------------------


def fts5_text(query: ParsedQuery, language: str, column: str = "") -> str:
    """The query in FTS5 syntax over stemmed columns; ``column`` limits it to one column.
    Stems are runs of letters and digits, so quoting them is enough."""

    def word(w: str) -> str:
        first = stem(w, language)
        options = {first}
        if language in RESTEM_LANGUAGES and not w.isascii():
            options.add(stem(first, language))
        if len(options) == 1:
            return f'"{first}"'
        return "(" + " OR ".join(f'"{s}"' for s in sorted(options)) + ")"

    def term(t: Term) -> str:
        if len(t.words) == 1:
            return word(t.words[0])
        return '"' + " ".join(stem(w, language) for w in t.words) + '"'

    positive = " AND ".join(
        "(" + " OR ".join(term(t) for t in group) + ")" for group in query.groups
    )
    text = "(" + positive + ")" + "".join(" NOT " + term(t) for t in query.excluded)
    return f"{{{column}}} : ({text})" if column else text


# --- Highlighting ----------------------------------------------------------------------


def highlight(text: str, stems: set[str], language: str) -> SafeString:
    """The text, escaped, with the words whose stem is in ``stems`` wrapped in <mark>."""
    # Words (odd indexes) are letters and digits only, so only what lies between them
    # (even indexes) needs escaping.
    parts = WORD_OR_NOT.split(text)
    for i, part in enumerate(parts):
        if i % 2 == 0:
            parts[i] = html.escape(part)
        elif stem(part, language) in stems:
            parts[i] = f"<mark>{part}</mark>"
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def snippet(text: str, stems: set[str], language: str, length: int = 32) -> SafeString | None:
    """About ``length`` words of ``text`` around its densest run of matches, highlighted;
    None when no word matches."""
    found = WORD.findall(text)
    # Stem each distinct word once, not each occurrence: bodies repeat their words.
    matching = {word for word in set(found) if stem(word, language) in stems}
    if not matching:
        return None
    hits = [i for i, word in enumerate(found) if word in matching]
    # The window of ``length`` words holding the most matches (two pointers over the hits).
    best, best_count, last = hits[0], 0, 0
    for first_hit, i in enumerate(hits):
        while last < len(hits) and hits[last] < i + length:
            last += 1
        if last - first_hit > best_count:
            best, best_count = i, last - first_hit
    start = max(0, best - length // 4)
    end = min(len(found), start + length)
    window = list(islice(WORD.finditer(text), start, end))
    # Start at a space, not inside a word the pattern split ("Russia’s" -> "s").
    first = 0 if start == 0 else text.rfind(" ", 0, window[0].start()) + 1
    last = len(text) if end == len(found) else window[-1].end()
    body = highlight(text[first:last], stems, language)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(found) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - highlight() escapes


def or_words() -> frozenset[str]:
    """The word that joins either-or terms, in every edition's language, each from its
    catalogue (the Russian is «или»)."""
    return _or_words(tuple(code for code, _name in settings.LANGUAGES))


@lru_cache(maxsize=8)
def _or_words(language_codes: tuple[str, ...]) -> frozenset[str]:
    words = {"or"}
    for code in language_codes:
        with translation.override(code):
            words.add(pgettext("search operator", "or").lower())
    return frozenset(words)
