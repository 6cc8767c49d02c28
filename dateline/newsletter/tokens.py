"""Signed links in emails: confirm (single use, expiring) and manage (preferences/unsubscribe)."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "dateline.newsletter.confirm"
MANAGE_SALT = "dateline.newsletter.manage"


class BadToken(Exception):
    """A forged, mangled or expired link."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirm_token(subscriber) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(
        f"{subscriber.pk}.{subscriber.confirm_nonce}"
    )


def read_confirm_token(token: str) -> tuple[int, str]:
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except signing.BadSignature as error:
        raise BadToken from error
    pk, _, nonce = value.partition(".")
    return int(pk), nonce


def manage_token(subscriber_id: int) -> str:
    """Never expires: it is in every issue a reader may keep for years."""
    return signing.Signer(salt=MANAGE_SALT).sign(str(subscriber_id))


def read_manage_token(token: str) -> int:
    try:
        return int(signing.Signer(salt=MANAGE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise BadToken from error
