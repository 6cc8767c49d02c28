"""Which of the site's places and topics a story's text mentions, for the article form's
"Mentioned in the text" suggestions: the terms' names and other names in every edition,
matched word by word on Snowball stems (search.language), so that Russian inflections
match their term («в Нагорном Карабахе», «Ереване», «Казахстана»). Nothing leaves the site.

A text word matches a name's word when the name word's stem is the text word's stem or its
stem's stem: Snowball cuts an inflected form («Казахстане» → «казахстан») one step short of
the nominative («Казахстан» → «казахста»), and stemming it again reaches it. The other way
round is not tried, since a short stem's stem swallows unrelated words («Армения» and
«армия» both end at «арм»).
"""

from collections import defaultdict
from collections.abc import Iterable

from dateline.search.language import stem, words
from dateline.taxonomy.tagging import TermChoice

MAX_TEXT = 200_000  # characters: a long read is about 60,000


def _name_stems(name: str, language: str) -> tuple[str, ...]:
    return tuple(stem(word, language) for word in words(name))


def _word_keys(word: str, language: str) -> set[str]:
    first = stem(word, language)
    return {first, stem(first, language)}


def mentioned_terms(text: str, choices: Iterable[TermChoice], language: str) -> list[TermChoice]:
    """The terms among ``choices`` whose names occur in ``text``, in the order of their first
    mention. ``language`` is a Snowball language ("english", "russian"); Latin words are
    stemmed as English whatever it is."""
    by_first_stem: dict[str, list[tuple[tuple[str, ...], TermChoice]]] = defaultdict(list)
    for choice in choices:
        for name in choice.names:
            stems = _name_stems(name, language)
            if stems and len("".join(stems)) > 1:
                by_first_stem[stems[0]].append((stems, choice))
    text_keys = [_word_keys(word, language) for word in words(text)]
    found: dict[int, TermChoice] = {}
    for at, keys in enumerate(text_keys):
        for key in keys:
            for stems, choice in by_first_stem.get(key, ()):
                if choice.pk not in found and _follows(stems, text_keys, at):
                    found[choice.pk] = choice
    return list(found.values())


def _follows(stems: tuple[str, ...], text_keys: list[set[str]], at: int) -> bool:
    """The name's later words follow its first at ``at`` in the text."""
    if at + len(stems) > len(text_keys):
        return False
    return all(stems[n] in text_keys[at + n] for n in range(1, len(stems)))
