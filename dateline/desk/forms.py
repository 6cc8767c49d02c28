"""The live desk's form: one update, written and posted in one go."""

from django import forms
from wagtail.admin.rich_text import DraftailRichTextArea

from dateline.news.models import LiveUpdate


class LiveUpdateForm(forms.ModelForm):
    class Meta:
        model = LiveUpdate
        fields = ["headline", "body", "is_key_event", "is_pinned"]
        widgets = {
            "body": DraftailRichTextArea(features=LiveUpdate._meta.get_field("body").features),
        }
