"""Story cards (core/components/card.html) rendered once per edition generation and shared
by every page that shows them: a story's card looks the same on each page it appears on."""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from dateline.core.pagecache import edition_cached_many, site_id


def rendered_cards(
    request, edition: str, items: list, prepare: Callable[[list], None], **options
) -> list[SafeString]:
    """Each item's card, kept until the item or its edition changes (core.pagecache).

    ``prepare(items)`` fetches the card data (news.selectors.with_article_card_data) of the
    items whose card is not kept yet, and is called once, with those alone; ``options`` are
    the card's parameters (size, heading_level). Links are written relative to the site
    that asked, as edition_fragment's are.
    """
    shape = ":".join(f"{name}={value}" for name, value in sorted(options.items()))
    names = {item.pk: f"card:{site_id(request)}:{item.pk}:{shape}" for item in items}

    def render(missing: list[str]) -> dict[str, str]:
        wanted = [item for item in items if names[item.pk] in missing]
        prepare(wanted)
        return {
            names[item.pk]: render_to_string(
                "core/components/card.html", {"item": item, **options}, request
            )
            for item in wanted
        }

    stories = {name: pk for pk, name in names.items()}
    found = edition_cached_many(
        edition, list(names.values()), render, tags_of=lambda name: [f"page:{stories[name]}"]
    )
    return [mark_safe(found[names[item.pk]]) for item in items]
