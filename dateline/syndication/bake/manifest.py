"""The manifest a bake leaves in its output folder for the next one.

`.dateline-bake.json` maps each address to its file and kind, its hash (or the size and
modification time of a copied file), the page and publish time it was rendered from and
the pages its main part links to. An incremental bake plans from it (plan.py), unchanged
files are not rewritten, and only files it lists are ever deleted; a folder without one
must be empty, so that a bake never mixes its files with someone else's.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from .result import BakeError

MANIFEST_NAME = ".dateline-bake.json"
MANIFEST_FORMAT = 1


def open_output_folder(output: Path) -> dict | None:
    """The previous bake's manifest in ``output``, or None for a new or empty folder (made
    here if need be). Raises BakeError for a file, a stranger's folder, a damaged manifest
    or a folder that cannot be written to."""
    if output.exists() and not output.is_dir():
        raise BakeError(_("%(path)s is a file, not a folder.") % {"path": output})
    if output.is_dir():
        manifest = read_manifest(output / MANIFEST_NAME)
        if manifest is not None:
            return manifest
        if any(output.iterdir()):
            raise BakeError(
                _(
                    "%(path)s is not empty and holds no previous bake; choose an empty "
                    "or new folder (nothing was changed)."
                )
                % {"path": output}
            )
    _check_writable(output)
    return None


def read_manifest(path: Path) -> dict | None:
    """The manifest at ``path``, or None when there is none in this format."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BakeError(
            _("%(path)s is damaged (%(error)s); bake into a new folder.")
            % {"path": path, "error": error}
        ) from error
    return data if data.get("format") == MANIFEST_FORMAT else None


def _check_writable(output: Path) -> None:
    try:
        output.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=output, prefix=".bake-probe-"):
            pass
    except OSError as error:
        raise BakeError(
            _("Cannot write to %(path)s: %(error)s") % {"path": output, "error": error.strerror}
        ) from error


def manifest_json(entries: dict[str, dict], *, main_site: str, base_url: str) -> bytes:
    """The manifest of a bake that wrote ``entries`` (address -> what was written)."""
    data = {
        "format": MANIFEST_FORMAT,
        "baked_at": timezone.now().isoformat(),
        "main_site": main_site,
        "base_url": base_url,
        "entries": entries,
    }
    return json.dumps(data, indent=0, sort_keys=True).encode()
