from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from . import editions

MAX_EMAIL_LENGTH = 254


def normalise_email(value: str) -> str:
    """Lower-case the address and spell an internationalised domain in ASCII (punycode).

    Non-ASCII before the @ needs SMTPUTF8, which most newsroom mail servers lack: refused
    with a message rather than accepted and never delivered.
    """
    value = value.strip()
    if len(value) > MAX_EMAIL_LENGTH:
        raise forms.ValidationError(
            _("That address is too long: an email address has at most 254 characters."),
            code="too_long",
        )
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise forms.ValidationError(
            _("Enter an email address like name@example.org."), code="invalid"
        )
    if not local.isascii():
        raise forms.ValidationError(
            _(
                "We cannot send to addresses with non-Latin letters before the @ yet. "
                "Please use another address."
            ),
            code="non_ascii",
        )
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise forms.ValidationError(
            _("Enter an email address like name@example.org."), code="invalid"
        ) from error
    value = f"{local}@{domain}".lower()
    try:
        validate_email(value)
    except forms.ValidationError as error:
        raise forms.ValidationError(
            _("Enter an email address like name@example.org."), code="invalid"
        ) from error
    if len(value) > MAX_EMAIL_LENGTH:
        raise forms.ValidationError(
            _("That address is too long: an email address has at most 254 characters."),
            code="too_long",
        )
    return value


class SignupForm(forms.Form):
    email = forms.CharField(label=_("Email address"), max_length=1000, strip=True)
    edition = forms.ChoiceField(label=_("Edition"), choices=editions.choices)
    # The honeypot: hidden from people (the wrapper is hidden), filled in by form robots.
    website = forms.CharField(required=False, max_length=1000)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class PreferencesForm(forms.Form):
    edition = forms.ChoiceField(
        label=_("Editions"), choices=editions.choices, widget=forms.RadioSelect
    )
    paused = forms.BooleanField(label=_("Pause the newsletter for now"), required=False)
