"""The live desk's form: one update, written and posted in one go."""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
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

    def clean_body(self):
        body = self.cleaned_data["body"]
        # An editor with nothing typed still sends an empty paragraph.
        if not strip_tags(body).strip() and "<embed" not in body:
            raise forms.ValidationError(_("Write the update's text."), code="required")
        return body
