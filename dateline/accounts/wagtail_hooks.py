from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import twofactor, views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", views.setup, name="accounts_2fa_setup"),
        path("two-factor/verify/", views.verify, name="accounts_2fa_verify"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="accounts_2fa_recovery"),
    ]


def account_action(url: str, label: str, help_text: str) -> dict:
    """An entry in the account page's Actions tab (the template reads these three keys)."""
    return {"url": url, "label": label, "help_text": help_text}


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if twofactor.has_app(request.user):
        return account_action(
            reverse("accounts_2fa_recovery"),
            _("Recovery codes"),
            _("See how many recovery codes you have left, or make new ones."),
        )
    return account_action(
        reverse("accounts_2fa_setup"),
        _("Set up two-factor login"),
        _("Confirm each login with a code from an authenticator app on your phone."),
    )
