"""Login lockout (django-axes), password strength and session expiry."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(make_user):
    return make_user("desk-chief", is_superuser=True)


def sign_in(client, password: str, username: str = "desk-chief", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/", **extra}
    )


def test_the_right_password_signs_in(editor, client):
    response = sign_in(client, "a long enough passphrase")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_repeated_wrong_passwords_lock_the_account_out_with_a_readable_page(editor, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "guess")
        assert response.status_code == 200  # the login form again, with its error
    response = sign_in(client, "guess")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    # While locked out, even the right password does not get in.
    response = sign_in(client, "a long enough passphrase")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_username_and_address(editor, make_user, client):
    make_user("other-editor", is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess")
    assert sign_in(client, "a long enough passphrase", username="other-editor").status_code == 302
    assert AccessAttempt.objects.filter(username="desk-chief").exists()


def test_a_successful_login_clears_earlier_failures(editor, client):
    sign_in(client, "guess")
    assert sign_in(client, "a long enough passphrase").status_code == 302
    assert not AccessAttempt.objects.filter(username="desk-chief").exists()


def test_a_weak_password_is_refused_in_the_admin_user_form(make_user, client):
    admin = make_user("chief", is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newhire",
            "email": "newhire@example.org",
            "first_name": "New",
            "last_name": "Hire",
            "password1": "password1",
            "password2": "password1",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This password is too short" in html
    assert "This password is too common" in html
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="newhire").exists()


def test_a_session_ends_when_the_browser_closes_unless_remembered(editor, client):
    sign_in(client, "a long enough passphrase")
    assert client.session.get_expire_at_browser_close()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"]


def test_a_remembered_session_lasts_twelve_hours_at_most(editor, client):
    sign_in(client, "a long enough passphrase", remember="on")
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert client.session.get_expiry_age() == 12 * 3600
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 12 * 3600


def test_a_locked_out_username_cannot_sign_in_until_reset(editor, client):
    from django.core.management import call_command

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess")
    assert sign_in(client, "a long enough passphrase").status_code == 429
    call_command("axes_reset_username", "desk-chief")
    assert sign_in(client, "a long enough passphrase").status_code == 302


def test_scripts_can_still_authenticate_without_a_request(editor):
    from django.contrib.auth import authenticate

    assert authenticate(username="desk-chief", password="a long enough passphrase") == editor
    assert authenticate(username="desk-chief", password="wrong") is None
