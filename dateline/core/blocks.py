"""StreamField blocks shared by every kind of page: the newsroom's body vocabulary."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        label = _("Heading")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"
        label = _("Block quote")


class PullQuoteBlock(blocks.CharBlock):
    class Meta:
        icon = "openquote"
        template = "core/blocks/pull_quote.html"
        label = _("Pull quote")
        help_text = _("A short line from the story, set large between paragraphs.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))
    alt = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_(
            "What the image shows, for readers who cannot see it. Defaults to the caption."
        ),
    )

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"
        label = _("Image")


class LinkCardBlock(blocks.StructBlock):
    """An embedded post stored as a link card.

    Nothing is fetched from the other host, neither when the editor saves nor when a
    reader opens the page: readers in censored places must not load third-party
    content, and their privacy is kept until they choose to click.
    """

    url = blocks.URLBlock(label=_("Address of the post"))
    title = blocks.CharBlock(required=False, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    provider = blocks.CharBlock(required=False, label=_("Site or network"))

    class Meta:
        icon = "link"
        template = "core/blocks/link_card.html"
        label = _("Embedded post (link card)")


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), template="core/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    pull_quote = PullQuoteBlock()
    image = CaptionedImageBlock()
    embed = LinkCardBlock()


def prefetch_image_renditions(stream) -> None:
    """Fetch the renditions of every image in a StreamField value in one query.

    The ``{% image %}`` and ``{% picture %}`` tags otherwise ask the database once per
    image, so a photo essay's query count would grow with its photographs.
    """
    images = [value for value in _block_values(stream) if isinstance(value, AbstractImage)]
    if images:
        prefetch_related_objects(images, "renditions")


def _block_values(value):
    """Every value inside a stream, struct or list block value, depth first."""
    if isinstance(value, blocks.StreamValue):
        for child in value:
            yield from _block_values(child.value)
    elif isinstance(value, blocks.StructValue):
        for child in value.values():
            yield from _block_values(child)
    elif isinstance(value, (list, blocks.list_block.ListValue)):
        for child in value:
            yield from _block_values(getattr(child, "value", child))
    else:
        yield value
