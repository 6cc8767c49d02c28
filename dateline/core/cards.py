"""Story cards (core/components/card.html) rendered once per edition generation and shared
by every page that shows them: a story's card looks the same on each page it appears on."""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from dateline.core.pagecache import edition_cached_many, site_id


def rendered_cards(
    request, edition: str, ids: list[int], load: Callable[[list[int]], list], **options
) -> list[SafeString]:
    """The card of each story of ``ids``, kept until the story or its edition changes
    (core.pagecache).

    ``load(ids)`` fetches the stories whose card is not kept yet, with their card data
    (news.selectors.with_article_card_data), and is called once, with those ids alone; a
    story it does not return (no longer live) has no card. ``options`` are the card's
    parameters (size, heading_level). Links are written relative to the site that asked,
    as edition_fragment's are.
    """
    shape = ":".join(f"{name}={value}" for name, value in sorted(options.items()))
    names = {pk: f"card:{site_id(request)}:{pk}:{shape}" for pk in ids}
    stories = {name: pk for pk, name in names.items()}

    def render(missing: list[str]) -> dict[str, str]:
        loaded = {item.pk: item for item in load([stories[name] for name in missing])}
        return {
            name: render_to_string(
                "core/components/card.html", {"item": loaded[stories[name]], **options}, request
            )
            if stories[name] in loaded
            else ""
            for name in missing
        }

    found = edition_cached_many(
        edition, list(names.values()), render, tags_of=lambda name: [f"page:{stories[name]}"]
    )
    return [mark_safe(found[names[pk]]) for pk in ids if found[names[pk]]]
