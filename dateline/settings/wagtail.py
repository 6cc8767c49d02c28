"""Wagtail: the admin, search backends, embeds, images, documents and the API."""

from .environment import env_int
from .i18n import LANGUAGES

WAGTAIL_SITE_NAME = "Dateline"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Dateline's own search (dateline.search): PostgreSQL's text-search configuration for each
# edition's language, which also picks the Snowball stemmer on SQLite. A language not
# listed is searched word for word ('simple'): PostgreSQL has no Uzbek stemmer, for one.
DATELINE_SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
WAGTAILEMBEDS_FINDERS: list = []  # no external host is reachable or wanted; embeds are link cards
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents (and podcast audio, video) are checked by their content, not their name
# (core/uploads.py), and only these kinds are accepted; never HTML, SVG or scripts.
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"],
    *["mp3", "m4a", "ogg", "mp4", "webm", "m4v"],
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "dateline.core.uploads.DocumentForm"
DATELINE_DOCUMENT_MAX_BYTES = env_int("DATELINE_DOCUMENT_MAX_MB", 50) * 1024 * 1024
DATELINE_MEDIA_MAX_BYTES = env_int("DATELINE_MEDIA_MAX_MB", 500) * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_LIMIT_MAX = 50
