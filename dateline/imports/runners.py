"""Each source read and fed to the shared pipeline."""

from __future__ import annotations

from pathlib import Path

from wagtail.models import Locale

from .pipeline import Importer, Options
from .pipeline.sections import Sections
from .sources import SourceError


def _check_edition(options: Options) -> None:
    if options.edition and not Locale.objects.filter(language_code=options.edition).exists():
        raise SourceError(f"--edition {options.edition}: no such edition")


def _sections(importer: Importer, arguments: dict) -> Sections:
    """Where posts go (blogs, podcasts), checked before anything is written."""
    sections = Sections(importer, arguments.get("blog") or "", arguments.get("podcast") or "")
    sections.check()
    return sections


def run_wordpress(path: Path, options: Options, arguments: dict) -> Importer:
    from . import wordpress

    _check_edition(options)
    found = wordpress.scan(path)  # the whole file is checked before anything is written
    source = arguments.get("source") or found.site_url or str(path)
    importer = Importer(
        "wordpress",
        source,
        options,
        authors=found.authors,
        attachments=found.attachments,
        links=found.links,
    )
    importer.report.skipped_types = dict(found.skipped)
    sections = _sections(importer, arguments)
    importer.start()
    importer.import_twice(lambda: sections.assign(wordpress.items(path, found)), total=found.items)
    importer.archive_redirects(found.terms.values(), found.authors.values())
    if arguments.get("translations"):
        importer.link_translation_pairs(arguments["translations"])
    return importer


def run_ghost(path: Path, options: Options, arguments: dict) -> Importer:
    from . import ghost

    _check_edition(options)
    found = ghost.scan(path)  # the whole file is checked before anything is written
    source = arguments.get("source") or found.site_url or str(path)
    importer = Importer("ghost", source, options, authors=found.authors, links=found.links)
    sections = _sections(importer, arguments)
    importer.start()
    importer.import_twice(lambda: sections.assign(ghost.items(path, found)), total=found.items)
    importer.archive_redirects(found.terms, found.authors.values())
    if arguments.get("translations"):
        importer.link_translation_pairs(arguments["translations"])
    return importer


def run_feed(location: str, options: Options, arguments: dict) -> Importer:
    from . import feed

    _check_edition(options)
    read = feed.read(location, max_pages=arguments.get("pages", 20))
    source = arguments.get("source") or read.site_url or location
    importer = Importer("feed", source, options, authors=read.authors, links=read.links)
    sections = _sections(importer, arguments)
    importer.start()
    importer.import_twice(lambda: sections.assign(read.items), total=len(read.items))
    if arguments.get("translations"):
        importer.link_translation_pairs(arguments["translations"])
    return importer
