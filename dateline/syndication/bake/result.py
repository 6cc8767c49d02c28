"""What a bake reports: its result, or the error that stops it before it starts."""

from __future__ import annotations

from dataclasses import dataclass, field


class BakeError(Exception):
    """The output folder cannot be used; the message says why, for the command to show."""


@dataclass
class BakeResult:
    written: list[str] = field(default_factory=list)  # files written or changed
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # address -> what went wrong
    full: bool = True
