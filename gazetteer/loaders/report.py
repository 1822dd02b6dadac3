"""What a loader did with a file: rows read, loaded, skipped and why.

    >>> r = LoadReport("RU.txt")
    >>> r.loaded += 2
    >>> r.skip(7, "latitude out of range: 999.0")
    >>> r.summary()
    'RU.txt: 2 rows loaded, 1 skipped (1 latitude out of range)'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["LoadReport"]

_MAX_EXAMPLES = 20


@dataclass
class LoadReport:
    """Counts of one file's load; ``skipped`` maps a reason class to a count."""

    path: str
    loaded: int = 0
    skipped: Counter = field(default_factory=Counter)
    examples: list[tuple[int, str]] = field(default_factory=list)

    def skip(self, line_no: int, reason: str) -> None:
        """Count a skipped row; the reason class is the text before a colon."""
        self.skipped[reason.split(":")[0]] += 1
        if len(self.examples) < _MAX_EXAMPLES:
            self.examples.append((line_no, reason))

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        text = f"{self.path}: {self.loaded} rows loaded, {self.n_skipped} skipped"
        if self.skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
            text += f" ({reasons})"
        return text
