"""The Corrections and Team pages."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from dateline.core.models import StandardPage
from dateline.core.pagination import paginate


class CorrectionsPage(StandardPage):
    """The Corrections page: every correction of the edition's stories, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "news/corrections_page.html"

    class Meta:
        verbose_name = _("corrections page")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.corrections_in(self.locale), settings.DATELINE_LISTING_PAGE_SIZE
        )
        return context


class TeamPage(StandardPage):
    """The Team page: the staff, from the same author records that sign the stories."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "news/team_page.html"

    class Meta:
        verbose_name = _("team page")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["staff"] = selectors.staff(self.locale)
        return context
