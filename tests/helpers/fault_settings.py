"""Settings of the servers the fault tests start: the test settings (no collectstatic, any
host) with what production has and the test suite turns off: the page cache, and the
database and cache from the environment."""

from dateline.settings.test import *  # noqa: F403

DATELINE_PAGE_CACHE = True
