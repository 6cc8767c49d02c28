"""The shared import pipeline: every source's items become pages here.

Items are taken in batches (``Options.batch_size``, 200 by default), each batch in one
transaction and each item in a savepoint of its own. An item is converted first (its
media, authors and terms are brought in, each in its own savepoint, so that they are never
half-there), then written. A public post becomes a new article, or updates one that only
imports ever wrote, through ``bulk``: queued with its id, tree path and slug decided, and
written with the rest of its batch at the batch's end (pages, tags, credits, redirects,
keys and search entries in a few statements). Every other item (pages, drafts, scheduled
and private posts, translations, articles an editor has touched) goes through Wagtail's
revisions and publishing as before, after the queue is written. An item that fails is
rolled back alone, reported with its source id, and the run goes on; if a batch's bulk
write fails, its articles are written one by one so that only the bad one is lost. Items
are keyed by (source, source id) in ``ImportedItem``: a second run skips what has not
changed, updates what has, and creates nothing twice, which is also how an interrupted
run resumes.

- ``importer``: ``Importer`` and its ``Options``: what the conversion asks, and the run;
- ``write``: one item written as a page and published (or held back), or queued;
- ``bulk``: the queued articles of a batch written together;
- ``redirects``: old addresses, archives, feeds and attachment pages to new ones;
- ``translations``: translation groups and pairs of old URLs;
- ``terms``, ``authors``: old categories, tags and authors to Dateline's pages;
- ``report``: what a run did; ``cache``: the page cache retired in batches;
- ``pages``: slugs, old-address keys and summaries shared by the above.
"""

from .importer import Importer, Options

__all__ = ["Importer", "Options"]
