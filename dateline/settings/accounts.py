"""Logins (dateline.accounts): authentication backends, lockout (django-axes), two-factor
login, sessions and passwords."""

import datetime as dt
import os

from .environment import env_bool, env_int

AUTHENTICATION_BACKENDS = [
    "dateline.accounts.backends.LockoutBackend",  # refuses logins while a lockout lasts
    "django.contrib.auth.backends.ModelBackend",
]
# Accounts (dateline.accounts, docs/deploy.md): a username is locked out from an address
# after AXES_FAILURE_LIMIT failed logins, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "dateline.core.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "dateline.accounts.views.locked_out"
AXES_VERBOSE = False
# Every admin user must confirm a login with an authenticator app (TOTP) or a recovery
# code; on by default in production. A user who has set up an app is always asked for it.
DATELINE_REQUIRE_2FA = env_bool("DATELINE_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER") or "Dateline"
# Staff avatars are uploaded, never fetched from Gravatar: no editor's address (hashed) goes
# to a third party, and the admin works where that host is blocked.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# An admin session lasts 12 hours at most ("Remember me"), otherwise until the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
