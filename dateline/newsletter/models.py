"""Subscribers, newsletter issues (Wagtail pages in each edition's archive) and the send log."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from dateline.core.forms import HeadlinePageForm

from .editions import choice_for, default_language


class Subscriber(models.Model):
    """One email address. Only a confirmed, unpaused subscriber ever receives an issue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("bounced")
        COMPLAINED = "complained", _("marked as spam")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    # The editions (one per language of settings.LANGUAGES) the reader receives.
    editions = models.ManyToManyField(
        "wagtailcore.Locale", verbose_name=_("editions"), related_name="+", blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    paused = models.BooleanField(_("paused"), default=False)
    # The language the reader signed up in: confirmation and notices are written in it.
    language = models.CharField(_("language"), max_length=8, default=default_language)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # Changes whenever a confirmation link is sent or used: a used or replaced link stops working.
    confirm_nonce = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.email

    @property
    def edition(self) -> str:
        """The forms' choice for the reader's editions (see ``editions.choice_for``); prefetch
        ``editions`` when listing many."""
        return choice_for([locale.language_code for locale in self.editions.all()])


class NewsletterIndexPage(Page):
    """/newsletter/: what the newsletter is, the signup form, and the archive of issues."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1

    # The page's own signup form stands in for the footer's.
    has_signup_form = True

    class Meta:
        verbose_name = _("newsletter page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = selectors.archive(self)
        return context


class NewsletterIssuePage(Page):
    """One issue: the editors' intro and stories, sent by email and kept in the archive."""

    class SendStatus(models.TextChoices):
        DRAFT = "draft", _("not sent")
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    send_status = models.CharField(
        _("sending"), max_length=16, choices=SendStatus.choices, default=SendStatus.DRAFT
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    send_started_at = models.DateTimeField(null=True, blank=True)
    send_finished_at = models.DateTimeField(null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("stories", label=_("Stories"), min_num=0),
    ]
    base_form_class = HeadlinePageForm
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types: list = []
    preview_modes = [("", _("Web page")), ("email", _("Email"))]

    has_signup_form = True

    class Meta:
        verbose_name = _("newsletter issue")

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from django.http import HttpResponse

            from .emails import render_issue

            return HttpResponse(render_issue(self).html)
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["stories"] = selectors.issue_stories(self)
        return context


class IssueStory(Orderable):
    issue = ParentalKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="stories")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(
        _("editor's note"),
        max_length=300,
        blank=True,
        help_text=_("Shown instead of the story's standfirst when filled in."),
    )

    panels = [PageChooserPanel("article", "news.ArticlePage"), FieldPanel("note")]


class Delivery(models.Model):
    """The send log: one row per issue and recipient, created before sending starts.

    A worker claims a batch (``claimed_by`` and a lease in ``claimed_until``) and sends it over
    one SMTP connection, in groups: it commits a group ``sending`` before its first message
    and ``sent`` (or ``failed``) after the server's answer to its last, so only a row left
    ``sending`` has an unknown fate. A row whose lease runs out (its worker died) is claimed
    again, a ``sending`` one as ``doubtful`` (see services.send_log.claim_batch); a sent row
    never is.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("handed to the mail server")
        SENT = "sent", _("sent")
        FAILED = "failed", _("refused")

    issue = models.ForeignKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="+")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    claimed_by = models.CharField(max_length=40, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    # Sent again after a worker died between the final dot and the server's answer: the
    # reader may hold two copies, with the same Message-ID.
    doubtful = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]
        indexes = [models.Index(fields=["issue", "status", "claimed_until"])]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
