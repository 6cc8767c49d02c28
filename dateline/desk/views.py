"""The live desk: write, edit, pin and delete a live story's updates, and end its coverage,
without touching the page's revisions (the writes are news.services'); and the story form's
suggested places and topics."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.models import Locale

from dateline.news import selectors as news_selectors
from dateline.news import services
from dateline.news.models import ArticlePage, LiveUpdate
from dateline.search.language import config_for
from dateline.taxonomy.tagging import term_choices

from . import suggestions
from .forms import LiveUpdateForm


def _story(request, page_id: int) -> ArticlePage:
    """The story, if the user may edit it (its edition's editors and contributors)."""
    article = get_object_or_404(
        ArticlePage.objects.annotate(**ArticlePage.live_annotations()).select_related("locale"),
        pk=page_id,
    )
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return article


def forbidden_as_403(view):
    """Answer 403 to a user who may not edit the story (Wagtail's admin would otherwise turn
    the refusal into a redirect to the dashboard, hiding what happened)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)

    return wrapped


def _update(article: ArticlePage, update_id: int) -> LiveUpdate:
    return get_object_or_404(LiveUpdate, pk=update_id, page=article)


def _desk_url(article: ArticlePage) -> str:
    return reverse("desk_live", args=(article.pk,))


@forbidden_as_403
def live_desk(request, page_id: int):
    """The desk: the form for a new update, then the updates newest first."""
    article = _story(request, page_id)
    if request.method == "POST":
        form = LiveUpdateForm(request.POST)
        if form.is_valid():
            services.post_live_update(article, request.user, **form.cleaned_data)
            messages.success(request, _("Update posted. Readers' pages show it within seconds."))
            return redirect(_desk_url(article))
    else:
        form = LiveUpdateForm()
    updates = sorted(
        news_selectors.live_updates(article), key=lambda u: (u.published_at, u.pk), reverse=True
    )
    return TemplateResponse(
        request,
        "desk/live_desk.html",
        {
            "page": article,
            "form": form,
            "updates": updates,
            "author": services.author_for(request.user, article),
            "quiet_hours": settings.DATELINE_LIVE_QUIET_HOURS,
            "header_title": _("Live desk: %(title)s") % {"title": article.title},
        },
    )


@forbidden_as_403
def edit_update(request, page_id: int, update_id: int):
    article = _story(request, page_id)
    update = _update(article, update_id)
    form = LiveUpdateForm(request.POST or None, instance=update)
    if request.method == "POST" and form.is_valid():
        services.edit_live_update(update, request.user, **form.cleaned_data)
        messages.success(request, _("Update saved."))
        return redirect(_desk_url(article))
    return TemplateResponse(
        request,
        "desk/live_update_edit.html",
        {
            "page": article,
            "update": update,
            "form": form,
            "header_title": _("Edit update"),
        },
    )


@forbidden_as_403
def delete_update(request, page_id: int, update_id: int):
    """Asks first (GET), deletes on POST."""
    article = _story(request, page_id)
    update = _update(article, update_id)
    if request.method == "POST":
        services.delete_live_update(update, request.user)
        messages.success(request, _("Update deleted."))
        return redirect(_desk_url(article))
    return TemplateResponse(
        request,
        "desk/live_update_delete.html",
        {"page": article, "update": update, "header_title": _("Delete update")},
    )


@forbidden_as_403
@require_POST
def pin_update(request, page_id: int, update_id: int):
    article = _story(request, page_id)
    update = _update(article, update_id)
    pinned = request.POST.get("pinned") == "1"
    services.pin_live_update(update, request.user, pinned)
    messages.success(request, _("Update pinned.") if pinned else _("Update unpinned."))
    return redirect(_desk_url(article))


@forbidden_as_403
@require_POST
def coverage(request, page_id: int):
    """End the story's live coverage, or resume it."""
    article = _story(request, page_id)
    if request.POST.get("action") == "resume":
        services.resume_live_coverage(article, request.user)
        messages.success(request, _("Live coverage resumed."))
    else:
        services.end_live_coverage(article, request.user)
        messages.success(request, _("Live coverage ended. Readers' pages stop updating."))
    return redirect(_desk_url(article))


@require_POST
def term_suggestions(request):
    """The story form's suggestions: {"terms": [ids]} of the edition's places and topics
    that the posted ``text`` mentions. 400 with a message for a missing or unknown edition,
    413 for a text longer than any story."""
    try:
        locale = Locale.objects.get(pk=int(request.POST["locale"]))
    except (KeyError, ValueError, Locale.DoesNotExist):
        return JsonResponse({"error": _("Say which edition the text is in.")}, status=400)
    text = request.POST.get("text", "")
    if len(text) > suggestions.MAX_TEXT:
        return JsonResponse({"error": _("The text is too long to read.")}, status=413)
    choices = [choice for choice in term_choices() if choice.locale_id == locale.pk]
    language = config_for(locale.language_code)
    found = suggestions.mentioned_terms(text, choices, language)
    return JsonResponse({"terms": [choice.pk for choice in found]})
