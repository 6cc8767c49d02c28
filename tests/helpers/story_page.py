"""What a reader sees on a story page, read from its HTML."""

import lxml.html


def related_titles(response) -> list[str]:
    """The headlines of the story page's Related cards, in the order shown."""
    page = lxml.html.fromstring(response.content)
    return [
        link.text_content().strip()
        for link in page.xpath(
            '//section[@aria-labelledby="related-title"]//*[contains(@class, "card__title")]/a'
        )
    ]
