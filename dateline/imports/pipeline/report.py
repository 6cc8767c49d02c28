"""What a run did: counts, capped lists of entries, unmapped terms and unknown markup."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

LIST_LIMIT = 500  # entries kept in each list of the report; the counts stay exact
SHOWN = 20  # entries of each list in the text report
BASIC_COUNTS = ["created", "updated", "unchanged", "failed", "redirects", "media_imported",
                "media_reused", "media_missing", "warnings"]  # fmt: skip
TITLED_LISTS = (
    ("not_public", "Never public (private, password or draft)"),
    ("media_missing", "Missing media"),
    ("errors", "Failed items"),
    ("warnings", "Warnings"),
)


@dataclass
class Report:
    kind: str
    source: str
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    skipped_types: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)
    omitted: Counter = field(default_factory=Counter)
    unknown_markup: dict = field(default_factory=dict)
    unmapped_terms: dict = field(default_factory=dict)

    def add(self, name: str, entry: dict) -> None:
        entries = self.lists.setdefault(name, [])
        if len(entries) < LIST_LIMIT:
            entries.append(entry)
        else:
            self.omitted[name] += 1

    def warn(self, item_id: str, message: str) -> None:
        self.counts["warnings"] += 1
        self.add("warnings", {"item": item_id, "message": message})

    def as_dict(self) -> dict:
        counts = {name: 0 for name in BASIC_COUNTS} | dict(self.counts)
        return {
            "kind": self.kind,
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": dict(sorted(counts.items())),
            "skipped_types": self.skipped_types,
            "unmapped_terms": sorted(self.unmapped_terms.values(), key=lambda t: -t["items"]),
            "unknown_markup": {k: v[:50] for k, v in sorted(self.unknown_markup.items())},
            **{name: entries for name, entries in sorted(self.lists.items())},
            "omitted_from_lists": dict(self.omitted),
        }

    def summary(self) -> str:
        c = self.counts
        prefix = "Dry run (nothing written): would have " if self.dry_run else ""
        return (
            f"{prefix}created {c['created']}, updated {c['updated']}, skipped {c['unchanged']} "
            f"unchanged, failed {c['failed']}; redirects {c['redirects']}; media imported "
            f"{c['media_imported']} (reused {c['media_reused']}), missing {c['media_missing']}; "
            f"unmapped terms {len(self.unmapped_terms)}; warnings {c['warnings']}"
        )

    def text(self) -> str:
        lines = [self.summary()]
        lines += self._skipped_lines()
        for name, title in TITLED_LISTS:
            lines += self._list_lines(name, title)
        lines += self._unmapped_lines()
        lines += self._unknown_markup_lines()
        return "\n".join(lines)

    def _skipped_lines(self) -> list[str]:
        if not self.skipped_types:
            return []
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped_types.items()))
        return [f"Not imported: {kinds}"]

    def _list_lines(self, name: str, title: str) -> list[str]:
        entries = self.lists.get(name, [])
        if not entries:
            return []
        lines = [f"{title}:"]
        lines += [f"  {json.dumps(e, ensure_ascii=False)}" for e in entries[:SHOWN]]
        if len(entries) > SHOWN or self.omitted[name]:
            lines.append(f"  ... and {len(entries) - SHOWN + self.omitted[name]} more")
        return lines

    def _unmapped_lines(self) -> list[str]:
        if not self.unmapped_terms:
            return []
        lines = ["Unmapped terms (add them to a mapping file, or use --unmapped=topic):"]
        for term in list(self.as_dict()["unmapped_terms"])[:SHOWN]:
            lines.append(f"  {term['taxonomy']},{term['slug']},{term['name']} ({term['items']})")
        return lines

    def _unknown_markup_lines(self) -> list[str]:
        if not self.unknown_markup:
            return []
        lines = ["Kept as text, for an editor to check:"]
        for name, ids in sorted(self.unknown_markup.items()):
            lines.append(f"  {name}: items {', '.join(ids[:10])}")
        return lines
