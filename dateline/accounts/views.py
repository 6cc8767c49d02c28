"""The admin's two-factor pages: set up an authenticator app, confirm a login, and make new
recovery codes."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token

from . import twofactor
from .forms import CodeForm


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan the QR code, type the app's code; on success, show the recovery codes once."""
    user = request.user
    if twofactor.has_app(user) and not user.is_verified():
        return redirect(f"{reverse('accounts_2fa_verify')}?{request.GET.urlencode()}")
    device = twofactor.pending_app(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if twofactor.confirm_app(device, form.cleaned_data["code"]):
            otp_login(request, device)
            codes = twofactor.new_recovery_codes(user)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request), "first_time": True},
            )
        form.add_error(
            "code",
            _("That code did not match. Check the time on your phone and try the newest code."),
        )
    return render(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr_code": twofactor.qr_code_svg(device),
            "secret": twofactor.secret_for_typing(device),
            "next": _next_url(request),
            "required": not twofactor.has_app(user),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """Confirm this login with a code from the app or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not twofactor.has_app(user):
        return redirect(f"{reverse('accounts_2fa_setup')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if device.name == twofactor.RECOVERY_DEVICE_NAME:
                messages.warning(
                    request,
                    _("You used a recovery code; %(count)s left. Make new ones in your account.")
                    % {"count": twofactor.recovery_codes_left(user)},
                )
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not valid. Try the newest code from your app."))
    return render(
        request,
        "accounts/verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """How many recovery codes are left; a POST replaces them with new ones."""
    user = request.user
    if not twofactor.has_app(user):
        return redirect("accounts_2fa_setup")
    codes = twofactor.new_recovery_codes(user) if request.method == "POST" else None
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "left": twofactor.recovery_codes_left(user),
            "next": reverse("wagtailadmin_account"),
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout page: what happened and how long to wait (HTTP 429)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
