"""The ground floor: site settings, the standard (footer) pages, the Support us page and the
Contact / Contribute form pages."""

import logging

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import submissions
from .blocks import StoryBodyBlock

log = logging.getLogger(__name__)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What is the same in every edition. Each edition's tagline and copyright line are
    fields of its home page, so that they are translated with it."""

    name = models.CharField(_("newsroom name"), max_length=100, default="Dateline")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    support_url = models.URLField(
        _("support link"),
        blank=True,
        help_text=_("Where 'Support us' leads: the support page or the payment provider."),
    )
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("logo")],
            heading=_("Newsroom"),
        ),
        FieldPanel("support_url"),
        MultiFieldPanel(
            [
                FieldPanel("x_url"),
                FieldPanel("facebook_url"),
                FieldPanel("telegram_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("Telegram", self.telegram_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


class StandardPage(Page):
    """About, Team, Contribute, Republishing, Privacy Policy, Corrections, Contact...

    Pages marked "show in menus" appear in the footer, in their tree order.
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


# Support us -----------------------------------------------------------------------------

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


# Contact and Contribute -----------------------------------------------------------------

HONEYPOT_FIELD = "website"
ATTACHMENT_FIELD = "attachment"


class DeskFormPage(EmailFormMixin, FormMixin, StandardPage):
    """A form that reaches the desk: Contact (messages) or Contribute (pitches, with an
    attachment). Submissions are kept in the admin and deleted after the retention period
    (`dateline delete_old_submissions`); the desk is told by email."""

    accepts_attachments = models.BooleanField(
        _("accept an attachment"),
        default=False,
        help_text=_("For pitches: one PDF, image or document, size-limited."),
    )
    thank_you_text = models.TextField(
        _("confirmation"),
        blank=True,
        help_text=_("What readers read after sending. A default is used if empty."),
    )

    content_panels = StandardPage.content_panels + [
        FormSubmissionsPanel(),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("accepts_attachments"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email to the desk"),
        ),
    ]
    template = "core/desk_form_page.html"
    landing_page_template = "core/desk_form_page_landing.html"

    class Meta:
        verbose_name = _("form page")

    def get_submission_class(self):
        return DeskSubmission

    def get_data_fields(self):
        fields = super().get_data_fields()
        if self.accepts_attachments:
            fields.append((ATTACHMENT_FIELD, _("Attachment")))
        return fields

    def get_form_class(self):
        extra = {
            # Hidden from people by CSS; robots that fill every field fill it too.
            HONEYPOT_FIELD: forms.CharField(
                required=False,
                label=_("Leave this field empty"),
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            )
        }
        if self.accepts_attachments:
            extra[ATTACHMENT_FIELD] = forms.FileField(
                required=False,
                label=_("Attachment (optional)"),
                help_text=_("One file: %(types)s, up to %(size)s MB.")
                % {
                    "types": submissions.ALLOWED_ATTACHMENT_NAMES,
                    "size": settings.DATELINE_ATTACHMENT_MAX_BYTES // (1024 * 1024),
                },
                validators=[submissions.check_attachment],
            )
        return type("DeskForm", (super().get_form_class(),), extra)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self._render_form(request, form, status=400)
        if submissions.over_rate_limit(request, scope="desk"):
            return self._render_form(request, form, status=429, rate_limited=True)
        if form.cleaned_data.get(HONEYPOT_FIELD):
            return self.render_landing_page(request)  # a robot: thanked, nothing kept
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission)

    def _render_form(self, request, form, status: int, **extra):
        context = self.get_context(request)
        context.update(form=form, **extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        data = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in (HONEYPOT_FIELD, ATTACHMENT_FIELD)
        }
        submission = DeskSubmission.objects.create(
            page=self, form_data=data, attachment=form.cleaned_data.get(ATTACHMENT_FIELD) or ""
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:  # the submission is kept; the desk still sees it in the admin
                log.exception("Could not email the desk about submission %s", submission.pk)
        return submission

    def render_email(self, form):
        lines = []
        for field in form:
            if field.name in (HONEYPOT_FIELD, ATTACHMENT_FIELD):
                continue
            value = form.cleaned_data.get(field.name)
            if isinstance(value, list):
                value = ", ".join(value)
            lines.append(f"{field.label}: {value}")
        if form.cleaned_data.get(ATTACHMENT_FIELD):
            attachment_label = _("Attachment")
            lines.append(f"{attachment_label}: {form.cleaned_data[ATTACHMENT_FIELD].name}")
        submissions_url = reverse("wagtailforms:list_submissions", args=[self.pk])
        lines.append("")
        all_label = _("All submissions")
        lines.append(f"{all_label}: {settings.WAGTAILADMIN_BASE_URL}{submissions_url}")
        return "\n".join(lines)

    def send_mail(self, form):
        submissions.notify_desk(self, form)  # subject naming the sender, Reply-To the sender


class DeskFormField(AbstractFormField):
    page = ParentalKey(DeskFormPage, on_delete=models.CASCADE, related_name="form_fields")


class DeskSubmission(AbstractFormSubmission):
    """A message or pitch, with its attachment kept in private storage."""

    attachment = models.FileField(
        _("attachment"),
        upload_to="attachments/%Y/%m/",
        storage=submissions.private_storage,
        blank=True,
        max_length=200,
    )

    class Meta:
        verbose_name = _("form submission")

    def get_data(self):
        data = super().get_data()
        if self.attachment:
            # A link in the admin's listing (and its address in exports).
            data[ATTACHMENT_FIELD] = format_html(
                '<a href="{}">{}</a>',
                reverse("desk_attachment", args=[self.pk]),
                self.attachment.name.rsplit("/", 1)[-1],
            )
        return data


class PeriodicJob(models.Model):
    """When a periodic job (``core/periodic.py``) last ran, shared by every worker: a worker
    runs the job only if its UPDATE of ``last_started_at`` wins (see ``periodic.claim``)."""

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    last_started_at = models.DateTimeField(_("last started at"), null=True)
    last_finished_at = models.DateTimeField(_("last finished at"), null=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("periodic job")

    def __str__(self):
        return self.name


class WorkerHeartbeat(models.Model):
    """The last sign of life of a `dateline worker`, so that the tasks of a worker that was
    killed can be found and queued again (``core/worker_recovery.py``)."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("seen at"))

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return self.worker_id
