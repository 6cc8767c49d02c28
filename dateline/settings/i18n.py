"""Languages and time: the editions' languages (English at /, Russian at /ru/) and the
newsroom's time zone."""

import os

from django.utils.translation import gettext_lazy as _

from .environment import PACKAGE_DIR

# Internationalisation: English is the default edition at /, Russian lives under /ru/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft: left on, wagtail-localize would publish the untranslated
# copy of a live story in the other edition the moment someone asks for its translation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The newsroom's local time; Caucasus and Central Asia editions share it by default.
TIME_ZONE = os.environ.get("DATELINE_TIME_ZONE") or "Asia/Tbilisi"
