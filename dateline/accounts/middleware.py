from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .twofactor import has_app, needs_second_factor

# Admin pages a user may open before the second step: signing in and out, the 2FA pages,
# and the admin's own assets that those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_2fa_setup",
    "accounts_2fa_verify",
}


class RequireTwoFactorMiddleware:
    """Sends an admin user who has not confirmed this login with a second factor to the
    verify page (or, without an app, to the setup page) before any other admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("wagtailadmin_home")) and needs_second_factor(
            request.user
        ):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in OPEN_BEFORE_SECOND_FACTOR:
                step = "accounts_2fa_verify" if has_app(request.user) else "accounts_2fa_setup"
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
