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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Draftail's editable area is not the <input> the label points at: name it too.
        # It copies the text into that <input> 250 ms after typing by default; an update is
        # often typed and posted at once, so copy it without waiting.
        body = self.fields["body"]
        body.widget.options = {
            **body.widget.options,
            "ariaLabel": str(body.label),
            "stateSaveInterval": 0,
        }
