"""The Contact and Contribute form pages, and the submissions they keep for the desk."""

import logging

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel

from .. import submissions
from .pages import StandardPage

log = logging.getLogger(__name__)

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
