"""The reader's side: sign up, confirm, preferences, unsubscribe (also RFC 8058 one-click).

The pages behind a reader's links read from the primary database (``primary_database``): a
read replica may not yet have the subscription that was made or changed a moment ago."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from dateline.core.replicas import primary_database

from . import selectors, tasks, tokens
from .forms import PreferencesForm, SignupForm
from .services import rate_limits, subscriptions


def _page(request, template, status=200, **context):
    context.setdefault("signup_on_page", template == "subscribe")
    return render(request, f"newsletter/{template}.html", context, status=status)


def _problem(request, title, message, status=400):
    return _page(request, "problem", status=status, title=title, message=message)


# No CSRF token: the form is on every page, and whole pages are cached and served alike to
# every reader, so a token would be one reader's given to all. A forged signup can only ask
# for a confirmation email (double opt-in), at most one an hour per address, within the
# per-network and per-address limits below (docs/decisions.md: "The newsletter signup
# needs no CSRF token").
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return _page(request, "subscribe", form=SignupForm())
    form = SignupForm(request.POST)
    if rate_limits.network_over_limit(request):
        return _problem(
            request,
            _("Too many signups"),
            _("There have been too many signups from your network. Please try again in an hour."),
            status=429,
        )
    if not form.is_valid():
        return _page(request, "subscribe", status=400, form=form)
    if form.cleaned_data["website"]:
        # A robot filled in the hidden field: it sees the same answer as a person.
        return redirect("newsletter:check_inbox")
    email = form.cleaned_data["email"]
    if rate_limits.address_over_limit(email):
        return _problem(
            request,
            _("Too many signups"),
            _("This address was entered too many times. Please try again in an hour."),
            status=429,
        )
    tasks.sign_up(email, form.cleaned_data["edition"], get_language() or settings.LANGUAGE_CODE)
    return redirect("newsletter:check_inbox")


def check_inbox(request):
    return _page(request, "check_inbox")


@never_cache
def confirm(request, token):
    """GET shows a button (mail scanners follow links); POST confirms."""
    try:
        tokens.read_confirm_token(token)
    except tokens.BadToken as error:
        return _bad_confirm_link(request, error)
    if request.method != "POST":
        return _page(request, "confirm", token=token)
    try:
        subscriber = subscriptions.confirm(token)
    except tokens.BadToken as error:
        return _bad_confirm_link(request, error)
    except subscriptions.AlreadyUsed:
        return _problem(
            request,
            _("This link has been used"),
            _(
                "This confirmation link has already been used or replaced by a newer one. "
                "If you have confirmed, you are subscribed; if not, sign up again."
            ),
            status=410,
        )
    return _page(
        request, "confirmed", subscriber=subscriber, manage=tokens.manage_token(subscriber.pk)
    )


def _bad_confirm_link(request, error):
    if error.expired:
        return _problem(
            request,
            _("This link has expired"),
            _("Confirmation links work for three days. Please sign up again for a new one."),
            status=410,
        )
    return _bad_link(request)


def _bad_link(request):
    return _problem(
        request,
        _("This link does not work"),
        _(
            "The link is incomplete or was changed. Please open it straight from the email, "
            "or copy the whole address into your browser."
        ),
        status=404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@primary_database
def preferences(request, token):
    try:
        subscriber = selectors.subscriber_for(token)
    except tokens.BadToken:
        return _bad_link(request)
    if subscriber.status != subscriber.Status.CONFIRMED:
        return _page(request, "unsubscribed", subscriber=subscriber, token=token, already=True)
    initial = {"edition": subscriber.edition, "paused": subscriber.paused}
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, "preferences", status=400, form=form, token=token)
        subscriptions.update_preferences(
            subscriber, form.cleaned_data["edition"], form.cleaned_data["paused"]
        )
        saved = True
    return _page(request, "preferences", form=form, token=token, saved=saved, subscriber=subscriber)


@never_cache
@require_http_methods(["GET", "POST"])
@primary_database
def unsubscribe(request, token):
    """GET asks (link scanners must not unsubscribe anyone); POST unsubscribes."""
    try:
        subscriber = selectors.subscriber_for(token)
    except tokens.BadToken:
        return _bad_link(request)
    if request.method == "GET":
        if subscriber.status != subscriber.Status.CONFIRMED:
            return _page(request, "unsubscribed", subscriber=subscriber, already=True)
        return _page(request, "unsubscribe", token=token)
    changed = subscriptions.unsubscribe(subscriber)
    return _page(request, "unsubscribed", subscriber=subscriber, already=not changed)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def one_click(request, token):
    """RFC 8058: the mail client POSTs ``List-Unsubscribe=One-Click`` here, no questions."""
    if request.method == "GET":
        # Someone opened the header's address in a browser: ask them on the normal page.
        return redirect(reverse("newsletter:unsubscribe", args=[token]))
    try:
        subscriber = selectors.subscriber_for(token)
    except tokens.BadToken:
        return HttpResponse(
            _("This unsubscribe link is not valid."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    subscriptions.unsubscribe(subscriber)
    return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
