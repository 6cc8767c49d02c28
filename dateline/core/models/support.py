"""The Support us page and the amounts it offers."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .pages import StandardPage

https_only = URLValidator(schemes=["https"], message=_("Enter the provider's https:// link."))


class SupportPage(StandardPage):
    """Support us: amounts readers can give, each a link to the newsroom's payment provider.

    Dateline never sees a card: the reader pays on the provider's own page.
    """

    other_amount_url = models.URLField(
        _("any other amount"),
        blank=True,
        validators=[https_only],
        help_text=_("The provider's page where readers choose their own amount."),
    )

    content_panels = StandardPage.content_panels + [
        InlinePanel("tiers", label=_("Amount"), heading=_("Amounts")),
        FieldPanel("other_amount_url"),
    ]
    template = "core/support_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("support page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tiers = list(self.tiers.all())
        context["tier_groups"] = [
            (label, [tier for tier in tiers if tier.frequency == value])
            for value, label in SupportTier.FREQUENCIES
            if any(tier.frequency == value for tier in tiers)
        ]
        return context


class SupportTier(Orderable):
    FREQUENCIES = [("monthly", _("Every month")), ("yearly", _("Every year")), ("once", _("Once"))]

    page = ParentalKey(SupportPage, on_delete=models.CASCADE, related_name="tiers")
    frequency = models.CharField(_("how often"), max_length=10, choices=FREQUENCIES)
    amount = models.CharField(
        _("amount"), max_length=40, help_text=_("As readers see it, with its currency: €5.")
    )
    name = models.CharField(_("name"), max_length=80, blank=True, help_text=_("E.g. Reader."))
    description = models.CharField(_("what it makes possible"), max_length=300, blank=True)
    payment_url = models.URLField(
        _("payment link"),
        validators=[https_only],
        help_text=_("The provider's checkout page for this amount (Stripe, PayPal, Patreon...)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("amount")]),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("payment_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("amount")

    def __str__(self) -> str:
        return f"{self.amount} ({self.get_frequency_display()})"
