"""Two-factor login: setup, verification with an app code or a recovery code."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dateline.accounts import twofactor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("editions")]

DASHBOARD = "/admin/"


def app_code(device: TOTPDevice, step_offset: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``step_offset`` steps later)."""
    device.refresh_from_db()
    drift = device.drift + step_offset
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


@pytest.fixture
def editor(make_user):
    return make_user("desk-chief", "English editors")


@pytest.fixture
def editor_with_app(editor):
    device = twofactor.pending_app(editor)
    device.confirmed = True
    device.save()
    return editor, device


@override_settings(DATELINE_REQUIRE_2FA=True)
def test_an_admin_without_an_app_is_sent_to_setup_and_cannot_reach_the_dashboard(editor, login):
    client = login(editor)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_setup"))
    assert client.get("/admin/pages/").status_code == 302
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "Set up two-factor login" in html
    assert "<svg" in html  # the QR code is drawn inline: nothing loads from another host


@override_settings(DATELINE_REQUIRE_2FA=True)
def test_setting_up_an_app_lets_the_admin_in_and_shows_recovery_codes(editor, login):
    client = login(editor)
    client.get(reverse("accounts_2fa_setup"))
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(
        reverse("accounts_2fa_setup"), {"code": app_code(device), "next": DASHBOARD}
    )
    assert response.status_code == 200
    assert "Recovery codes" in response.content.decode()
    assert len(response.context["codes"]) == twofactor.RECOVERY_CODE_COUNT
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(DASHBOARD).status_code == 200


@override_settings(DATELINE_REQUIRE_2FA=True)
def test_a_wrong_code_at_setup_is_refused_with_a_message(editor, login):
    client = login(editor)
    client.get(reverse("accounts_2fa_setup"))
    response = client.post(reverse("accounts_2fa_setup"), {"code": "000000"})
    assert response.status_code == 400
    assert "did not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(DASHBOARD).status_code == 302


def test_an_admin_with_an_app_must_give_a_code_even_when_not_enforced(editor_with_app, login):
    editor, device = editor_with_app
    client = login(editor)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_verify"))


def test_a_valid_app_code_lets_the_admin_in(editor_with_app, login):
    editor, device = editor_with_app
    client = login(editor)
    response = client.post(
        reverse("accounts_2fa_verify"), {"code": app_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_app_code_does_not(editor_with_app, login):
    editor, device = editor_with_app
    client = login(editor)
    wrong = app_code(device, step_offset=20)  # a code from ten minutes from now
    response = client.post(reverse("accounts_2fa_verify"), {"code": wrong})
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert client.get(DASHBOARD).status_code == 302


def test_a_recovery_code_works_once_only(editor_with_app, login, client):
    editor, device = editor_with_app
    code = twofactor.new_recovery_codes(editor)[0]
    login(editor)
    assert client.post(reverse("accounts_2fa_verify"), {"code": code}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    assert twofactor.recovery_codes_left(editor) == twofactor.RECOVERY_CODE_COUNT - 1

    client.logout()
    login(editor)
    response = client.post(reverse("accounts_2fa_verify"), {"code": code})
    assert response.status_code == 400
    assert client.get(DASHBOARD).status_code == 302


def test_readers_and_the_public_site_are_not_asked_for_codes(editions, client):
    with override_settings(DATELINE_REQUIRE_2FA=True):
        assert client.get("/").status_code == 200
        assert client.get(DASHBOARD).status_code == 302  # to the ordinary login page
        assert "login" in client.get(DASHBOARD)["Location"]


def test_reset_2fa_removes_a_lost_phone_so_the_user_sets_up_a_new_app(editor_with_app, login):
    from django.core.management import call_command

    editor, device = editor_with_app
    twofactor.new_recovery_codes(editor)
    call_command("reset_2fa", editor.username)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert twofactor.recovery_codes_left(editor) == 0
    with override_settings(DATELINE_REQUIRE_2FA=True):
        response = login(editor).get(DASHBOARD)
    assert response["Location"].startswith(reverse("accounts_2fa_setup"))
