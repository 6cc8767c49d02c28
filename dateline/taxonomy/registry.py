"""Content types that can be tagged with taxonomy terms.

The taxonomy floor lists content it cannot import (articles live on the floor above), so
content apps register here from their AppConfig.ready(): the model, the lookup from the
model to its terms, and what a listing card needs prefetched.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model


@dataclass(frozen=True)
class TaggedModel:
    model: type[Model]
    term_lookup: str
    card_prefetch: tuple = ()
    # Called with a listing's pages of the model, after the prefetches, to set what a card
    # shows beyond them (a blog post's blog, an episode's series cover): fixed queries.
    card_data: Callable[[list], object] | None = None


_tagged_models: list[TaggedModel] = []


def register_tagged_model(
    model: type[Model], term_lookup: str, card_prefetch=(), card_data=None
) -> None:
    if any(entry.model is model for entry in _tagged_models):
        return
    _tagged_models.append(TaggedModel(model, term_lookup, tuple(card_prefetch), card_data))


def tagged_models() -> list[TaggedModel]:
    return list(_tagged_models)
