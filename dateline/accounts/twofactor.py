"""Two-factor login with django-otp: an authenticator app (TOTP) and single-use recovery
codes (django-otp's static tokens)."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def is_admin_user(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def needs_second_factor(user: AbstractBaseUser) -> bool:
    """True if this admin user must confirm the login: always once they have an app, and
    for everyone when DATELINE_REQUIRE_2FA is on."""
    if not is_admin_user(user) or user.is_verified():
        return False
    return settings.DATELINE_REQUIRE_2FA or has_app(user)


def has_app(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def pending_app(user: AbstractBaseUser) -> TOTPDevice:
    """The user's authenticator app being set up (created on first call, kept until
    confirmed, so reloading the page shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code: drawn here, nothing loaded."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps where the code cannot be scanned."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_app(device: TOTPDevice, token: str) -> bool:
    """Confirm the pending app with a code from it; the user's other devices are replaced."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def remove_second_factor(user: AbstractBaseUser) -> int:
    """Delete the user's app and recovery codes (a lost phone); returns how many devices."""
    devices = [TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)]
    count = sum(queryset.count() for queryset in devices)
    for queryset in devices:
        queryset.delete()
    return count
