"""The static mirror: every public address of every edition, written as files.

`bake()` renders each page, listing, feed and sitemap in-process with Django's test client
(the real URL conf, templates and middleware), rewrites the links in what it renders so
that they lead to the baked files, and follows them: stylesheets, scripts, images,
renditions, documents and the next page of a listing are baked because a page links to
them, so nothing a page needs is missing. The forms and scripts that need the newsroom's
server (search, newsletter signup, Contact and Contribute, the live poller, the view
counter) are pointed at the main site or switched off. docs/decisions.md explains the
address-to-file scheme; docs/deploy.md how to serve the result.

- ``crawl``: the `Baker` and its queue, and `bake()`, which the `bake` command calls;
- ``pages``: the live pages of every edition and the addresses a crawl starts from;
- ``plan``: what an incremental bake renders again and drops;
- ``fetch``: what an address serves (test client, static files, media storage);
- ``rewrite``: links rewritten into the mirror, forms and server scripts handled;
- ``addresses``: the address-to-file scheme;
- ``files``: writing, keeping and removing files in the output folder;
- ``manifest``: the manifest a bake leaves for the next one;
- ``result``: `BakeResult` and `BakeError`.
"""

from .addresses import file_for, mirror_path
from .crawl import bake
from .manifest import MANIFEST_NAME
from .result import BakeError, BakeResult

__all__ = ["MANIFEST_NAME", "BakeError", "BakeResult", "bake", "file_for", "mirror_path"]
