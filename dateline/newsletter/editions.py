"""The editions a reader can choose: one per language in ``settings.LANGUAGES``, or all.

A subscriber's editions are Wagtail locales (``Subscriber.editions``); the forms offer each
language of the settings by its name, and "all of them" when there is more than one.
"""

from django.conf import settings
from django.utils.text import capfirst, get_text_list
from django.utils.translation import get_language_info, pgettext
from django.utils.translation import gettext as _

# Every edition. Spelled "both" since the forms first offered two: forms in pages that were
# cached before a change of settings still send a value the form knows.
ALL_EDITIONS = "both"


def codes() -> list[str]:
    """The language codes of the editions, in the order of ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    """The language of a reader who did not sign up through a page: the site's own."""
    return settings.LANGUAGE_CODE


def choices() -> list[tuple[str, str]]:
    """Each edition by its language's name, then all of them together ("English and
    Russian"), in the current language; a callable for the forms' ``choices``."""
    options = [(code, str(name)) for code, name in settings.LANGUAGES]
    if len(options) > 1:
        options.append((ALL_EDITIONS, all_editions_label()))
    return options


def all_editions_label() -> str:
    """The editions' names as a list in a sentence ("English and Russian"). A language's
    name is capitalised in some languages and not in others (Russian writes it in lower case
    mid-sentence), so each name comes from the catalogue in its "edition in a list" context,
    and only the first letter of the whole is a capital."""
    names = [pgettext("edition in a list", get_language_info(code)["name"]) for code in codes()]
    return capfirst(get_text_list(names, _("and")))


def codes_for(choice: str) -> list[str]:
    """The language codes a form's choice stands for."""
    return codes() if choice == ALL_EDITIONS else [choice]


def choice_for(language_codes: list[str]) -> str:
    """The form's choice for a subscriber's editions; "" when none fits (no edition, or
    some but not all of three or more)."""
    chosen = set(language_codes)
    if len(chosen) == 1:
        return chosen.pop()
    if len(chosen) > 1 and chosen == set(codes()):
        return ALL_EDITIONS
    return ""
