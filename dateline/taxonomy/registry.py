"""Content types that can be tagged with taxonomy terms.

The taxonomy floor lists content it cannot import (articles live on the floor above), so
content apps register here from their AppConfig.ready(): the model, the lookup from the
model to its terms, and what a listing card needs prefetched.
"""

from dataclasses import dataclass

from django.db.models import Model


@dataclass(frozen=True)
class TaggedModel:
    model: type[Model]
    term_lookup: str
    card_prefetch: tuple = ()


_tagged_models: list[TaggedModel] = []


def register_tagged_model(model: type[Model], term_lookup: str, card_prefetch=()) -> None:
    if any(entry.model is model for entry in _tagged_models):
        return
    _tagged_models.append(TaggedModel(model, term_lookup, tuple(card_prefetch)))


def tagged_models() -> list[TaggedModel]:
    return list(_tagged_models)
