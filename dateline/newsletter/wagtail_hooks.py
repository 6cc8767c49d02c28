"""The editors' side: subscribers as snippets, and a Sending screen per issue (test, send,
schedule, progress)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import selectors, tasks
from .models import NewsletterIssuePage, Subscriber
from .sending_notes import sending_note
from .services import sending


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = gettext_lazy("Subscribers")
    list_display = ["email", "status", "edition", "paused", "created_at", "confirmed_at"]
    list_filter = ["status", "paused", "editions"]
    search_fields = ["email"]
    add_to_admin_menu = True
    menu_order = 250

    def get_queryset(self, request):
        # The "edition" column reads each row's editions.
        return Subscriber.objects.prefetch_related("editions")


register_snippet(SubscriberViewSet)


class SendForm(forms.Form):
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=gettext_lazy("Leave empty to send now."),
    )


def _issue_for(request, pk):
    issue = get_object_or_404(NewsletterIssuePage, pk=pk)
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return issue


def sending_view(request, pk):
    issue = _issue_for(request, pk)
    form = SendForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            sending.send_test(issue, request.user.email)
            messages.success(
                request, _("A test was sent to %(email)s.") % {"email": request.user.email}
            )
            return redirect("newsletter_sending", pk)
        if action == "send" and form.is_valid():
            if not issue.live:
                messages.error(request, _("Publish the issue before sending it."))
            elif issue.send_status != NewsletterIssuePage.SendStatus.DRAFT:
                messages.error(request, _("This issue has already been sent or scheduled."))
            else:
                count = tasks.queue_issue(issue, send_at=form.cleaned_data["send_at"])
                messages.success(request, _("Sending to %(count)s subscribers.") % {"count": count})
            return redirect("newsletter_sending", pk)
    progress = selectors.progress([issue.pk])[issue.pk]
    return TemplateResponse(
        request,
        "newsletter/admin/sending.html",
        {
            "issue": issue,
            "form": form,
            "progress": progress,
            "note": sending_note(issue, progress),
        },
    )


def sending_index(request):
    issues = list(
        NewsletterIssuePage.objects.select_related("locale").order_by(
            "-latest_revision_created_at", "-pk"
        )[:50]
    )
    progress = selectors.progress([issue.pk for issue in issues])
    for issue in issues:
        issue.progress = progress[issue.pk]
    return TemplateResponse(
        request, "newsletter/admin/index.html", {"issues": issues, "now": timezone.now()}
    )


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("newsletter/", sending_index, name="newsletter_sending_index"),
        path("newsletter/<int:pk>/", sending_view, name="newsletter_sending"),
    ]


@hooks.register("register_admin_menu_item")
def sending_menu_item():
    return MenuItem(
        gettext_lazy("Newsletter sending"),
        reverse("newsletter_sending_index"),
        icon_name="mail",
        order=251,
    )


class SendingMenuItem(ActionMenuItem):
    name = "newsletter-sending"
    label = gettext_lazy("Test, send or schedule…")
    icon_name = "mail"

    def is_shown(self, context):
        page = context.get("page")
        return isinstance(page, NewsletterIssuePage) and page.pk and context["view"] == "edit"

    def get_url(self, context):
        return reverse("newsletter_sending", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def sending_action():
    return SendingMenuItem(order=5)
