"""The shared import pipeline: every source's items become pages here.

Each item is converted first (its media, authors and terms are brought in and committed on
their own, so that they are never half-there), then written in its own transaction: a page
created or updated through Wagtail's revisions (which the search index listens to),
published with its original dates when it was public, its old addresses made into
permanent redirects. An item that fails is rolled back whole, reported with its source id,
and the run goes on. Items are keyed by (source, source id) in ``ImportedItem``: a second
run skips what has not changed, updates what has, and creates nothing twice, which is also
how an interrupted run resumes.

- ``importer``: ``Importer`` and its ``Options``: what the conversion asks, and the run;
- ``write``: one item written as a page and published (or held back);
- ``redirects``: old addresses, archives, feeds and attachment pages to new ones;
- ``translations``: translation groups and pairs of old URLs;
- ``terms``, ``authors``: old categories, tags and authors to Dateline's pages;
- ``report``: what a run did; ``cache``: the page cache retired in batches;
- ``pages``: slugs, old-address keys and summaries shared by the above.
"""

from .importer import Importer, Options

__all__ = ["Importer", "Options"]
