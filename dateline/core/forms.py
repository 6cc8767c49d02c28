"""Admin forms shared by the apps' page types."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminAutoHeightTextInput


class HeadlinePageForm(WagtailAdminPageForm):
    """A page form whose title is a box that grows with it: long headlines wrap instead of
    scrolling out of sight while they are written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            title = self.fields["title"]
            title.widget = AdminAutoHeightTextInput(attrs={**title.widget.attrs, "rows": 1})

    def clean_title(self) -> str:
        """One line, however the headline box wrapped it or Enter was pressed in it."""
        return " ".join(self.cleaned_data["title"].split())
