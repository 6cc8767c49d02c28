"""The newsletter's emails: an issue rendered once, then addressed to each recipient.

An issue is rendered to HTML (tables, inline CSS, images with alt text) and plain text once;
each recipient's copy only swaps in their signed preferences/unsubscribe links, so a batch
costs string replacement and an HMAC per message.
"""

from dataclasses import dataclass

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import selectors, tokens

TOKEN = "__DATELINE_MANAGE_TOKEN__"
# Stand-ins in the pre-built message, replaced per recipient (addresses are ASCII: see
# forms.normalise_email, which spells international domains in punycode).
RECIPIENT = "recipient@dateline.invalid"
SUBSCRIBER = "__DATELINE_SUBSCRIBER__"


def site_name() -> str:
    """The newsroom's name as its editors set it (Settings → Site settings), which emails
    sign with and put in their subjects; WAGTAIL_SITE_NAME only before any is set."""
    from wagtail.models import Site

    from dateline.core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    name = SiteSettings.for_site(site).name if site else ""
    return name or settings.WAGTAIL_SITE_NAME


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.DATELINE_BASE_URL + url


def manage_urls(language: str, token: str = TOKEN) -> dict:
    with translation.override(language):
        return {
            "preferences_url": absolute(reverse("newsletter:preferences", args=[token])),
            "unsubscribe_url": absolute(reverse("newsletter:unsubscribe", args=[token])),
            # RFC 8058 one-click: one address for every language, POSTed by the mail client.
            "one_click_url": absolute(reverse("newsletter_one_click", args=[token])),
        }


@dataclass
class RenderedIssue:
    subject: str
    html: str
    text: str
    language: str
    message_id_domain: str
    issue_id: int

    def __post_init__(self):
        self._template: bytes | None = None

    def raw(self, subscriber_id: int, email: str) -> bytes:
        """The recipient's message as SMTP DATA: the issue's MIME message, built once, with
        their address, links and Message-ID put in. Same bytes as ``message().as_bytes()``
        but without running the email package per recipient (the bulk of a send's CPU)."""
        if self._template is None:
            self._template = (
                self.message(SUBSCRIBER, RECIPIENT, token=TOKEN).message().as_bytes(linesep="\r\n")
            )
        return (
            self._template.replace(TOKEN.encode(), tokens.manage_token(subscriber_id).encode())
            .replace(RECIPIENT.encode(), email.encode("ascii"))
            .replace(SUBSCRIBER.encode(), str(subscriber_id).encode())
        )

    def message(
        self, subscriber_id, email: str, connection=None, token: str | None = None
    ) -> EmailMultiAlternatives:
        token = token or tokens.manage_token(subscriber_id)
        one_click = manage_urls(self.language, token)["one_click_url"]
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(TOKEN, token),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{one_click}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<newsletter-{self.language}.{self.message_id_domain}>",
                # One Message-ID per issue and reader: a copy that a crash made us resend is
                # recognisably the same message.
                "Message-ID": (f"<issue-{self.issue_id}.{subscriber_id}@{self.message_id_domain}>"),
            },
        )
        message.attach_alternative(self.html.replace(TOKEN, token), "text/html")
        return message


def _image_url(article) -> str:
    if not article.lead_image:
        return ""
    return absolute(article.lead_image.get_rendition("fill-600x338").url)


# The template's <style> rules go onto the elements they match; @media rules stay in the
# head for the mail programs that read them. Nothing is fetched (no remote sheets).
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def inline_styles(html: str) -> str:
    """The email as mail programs need it: every style on the element it applies to."""
    return _INLINER.inline(html)


def render_issue(issue) -> RenderedIssue:
    language = issue.locale.language_code
    stories = selectors.issue_stories(issue)
    for story in stories:
        story.email_url = absolute(story.get_url() or "")
        story.email_image = _image_url(story)
    name = site_name()
    with translation.override(language):
        context = {
            "issue": issue,
            "stories": stories,
            "issue_url": absolute(issue.get_url() or ""),
            "site_name": name,
            "base_url": settings.DATELINE_BASE_URL,
            **manage_urls(language),
        }
        html = inline_styles(render_to_string("newsletter/email/issue.html", context))
        text = render_to_string("newsletter/email/issue.txt", context)
    domain = settings.DATELINE_BASE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]
    subject = f"{name}: {issue.title}"
    return RenderedIssue(subject, html, text, language, domain or "localhost", issue.pk)


def notice(subscriber, template: str, subject: str, **extra) -> EmailMultiAlternatives:
    """A one-off email to one reader (confirmation, already subscribed), in their language."""
    name = site_name()
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "site_name": name,
            **manage_urls(subscriber.language, tokens.manage_token(subscriber.pk)),
            **extra,
        }
        body = render_to_string(f"newsletter/email/{template}.txt", context)
        return EmailMultiAlternatives(
            subject=f"{name}: {subject}",
            body=body,
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
        )
