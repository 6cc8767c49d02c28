"""The blocks of episodes' chapter marks and of visual stories."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from dateline.core.blocks import RICH_TEXT_FEATURES


class ChapterBlock(blocks.StructBlock):
    start = blocks.CharBlock(
        label=_("Starts at"), help_text=_("Minutes and seconds, e.g. 4:30, or 1:02:15.")
    )
    title = blocks.CharBlock(label=_("Title"))

    class Meta:
        icon = "time"
        label = _("Chapter")


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.TextBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))
    alt = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_("What the image shows. Defaults to the caption."),
    )

    class Meta:
        icon = "image"
        label = _("Photograph")


class VisualStoryBlock(blocks.StreamBlock):
    photo = PhotoBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))


# The sizes and formats of a visual story's photographs (visual_story_page.html's srcset).
PHOTO_RENDITIONS = [
    f"width-{w}|format-{f}" for w in (640, 1024, 1600) for f in ("avif", "webp", "jpeg")
]
