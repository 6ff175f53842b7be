"""How far each translation is, per locale and per announcement.

Counted by our own rule, not Babel's: a message is *translated* only when it has a
translation that is not fuzzy, because only those are published (``pybabel compile
--statistics`` counts fuzzy entries as translated). A message used by two announcements
counts in each of them, and once in the locale's total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from polyglot.catalog.model import Catalog, Message


@dataclass
class Counts:
    """Messages of one catalog (or of one announcement within it), by state."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def add(self, message: Message) -> None:
        if message.translated:
            self.translated += 1
        elif message.fuzzy and message.has_translation:
            self.fuzzy += 1
        else:
            self.untranslated += 1

    def to_dict(self) -> dict[str, int]:
        return {
            "messages": self.total,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
        }


@dataclass
class CatalogStats:
    """Counts for a whole catalog and for each announcement it covers."""

    total: Counts = field(default_factory=Counts)
    documents: dict[str, Counts] = field(default_factory=dict)
    obsolete: int = 0


def catalog_stats(catalog: Catalog) -> CatalogStats:
    stats = CatalogStats(obsolete=len(catalog.obsolete))
    for message in catalog.active:
        stats.total.add(message)
        for path in dict.fromkeys(path for path, _ in message.locations):
            stats.documents.setdefault(path, Counts()).add(message)
    stats.documents = dict(sorted(stats.documents.items()))
    return stats


def format_table(title: str, stats: CatalogStats) -> str:
    """A plain-text table, one row per announcement and a total."""
    rows = [(path, counts) for path, counts in stats.documents.items()]
    rows.append(("total", stats.total))
    width = max(len(name) for name, _ in rows)
    head = (
        f"{'document':<{width}}  {'messages':>8}  {'translated':>10}  {'fuzzy':>5}  {'untranslated':>12}  {'done':>5}"
    )
    lines = [title, head, "-" * len(head)]
    for name, counts in rows:
        if name == "total":
            lines.append("-" * len(head))
        lines.append(
            f"{name:<{width}}  {counts.total:>8}  {counts.translated:>10}  "
            f"{counts.fuzzy:>5}  {counts.untranslated:>12}  {counts.percent:>4.0f}%"
        )
    if stats.obsolete:
        lines.append(f"({stats.obsolete} obsolete messages kept for revival)")
    return "\n".join(lines)
