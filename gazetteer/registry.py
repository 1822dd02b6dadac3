"""A named registry for an extension point, open to other packages through entry points.

Each extension point of the project (gazetteer loaders, writers, engines) keeps its
built-in items in one :class:`Registry`; an installed package adds its own by
declaring an entry point in the registry's group (``conflictmap.writers``, say)
that names the object to register. Built-ins are found without looking at the
installed packages; the entry points are read, once, only when a name is not a
built-in or the whole list is asked for::

    >>> colours = Registry("example.colours", "colour")
    >>> colours.register("red", "#ff0000")
    '#ff0000'
    >>> colours["red"], "blue" in colours
    ('#ff0000', False)
    >>> colours["blue"]
    Traceback (most recent call last):
    KeyError: "unknown colour 'blue' (choose from red)"

A plugin may not replace a built-in: an entry point with a built-in's name, one
that cannot be imported, or one that fails the registry's ``check`` is left out
with a warning naming it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

__all__ = ["Registry"]

_log = logging.getLogger(__name__)
T = TypeVar("T")


class Registry(Mapping[str, T], Generic[T]):
    """Items by name: the built-ins registered in code, then those of the entry points of ``group``.

    :param group: the entry-point group other packages register in.
    :param what: what an item is, for messages ("writer", "engine").
    :param check: tells whether an object loaded from an entry point is a usable item.
    """

    def __init__(self, group: str, what: str, *, check: Callable[[object], bool] | None = None):
        self.group = group
        self.what = what
        self._check = check
        self._builtin: dict[str, T] = {}
        self._plugins: dict[str, T] | None = None

    def register(self, name: str, item: T) -> T:
        """Add a built-in ``item`` under ``name`` (a name is registered once) and return it."""
        if name in self._builtin:
            raise ValueError(f"{self.what} {name!r} is already registered")
        self._builtin[name] = item
        return item

    def refresh(self) -> None:
        """Forget the entry points read so far; the next lookup reads them again."""
        self._plugins = None

    @property
    def builtin(self) -> dict[str, T]:
        """The items registered in code, in registration order (no entry point is read)."""
        return dict(self._builtin)

    def _entry_points(self) -> dict[str, T]:
        if self._plugins is None:
            import importlib.metadata  # read only when asked: it costs a command's start ~15 ms

            found: dict[str, T] = {}
            for ep in importlib.metadata.entry_points(group=self.group):
                if ep.name in self._builtin or ep.name in found:
                    _log.warning("%s: %s %r from %s is left out: the name is taken", self.group, self.what,
                                 ep.name, ep.value)
                    continue
                try:
                    item = ep.load()
                except Exception as exc:  # noqa: BLE001 - another package's import error must not stop this one
                    _log.warning("%s: %s %r from %s cannot be loaded: %s", self.group, self.what, ep.name,
                                 ep.value, exc)
                    continue
                if self._check is not None and not self._check(item):
                    _log.warning("%s: %s %r from %s is not a %s", self.group, self.what, ep.name, ep.value,
                                 self.what)
                    continue
                found[ep.name] = item
            self._plugins = found
        return self._plugins

    def __getitem__(self, name: str) -> T:
        if name in self._builtin:
            return self._builtin[name]
        plugins = self._entry_points()
        if name in plugins:
            return plugins[name]
        raise KeyError(f"unknown {self.what} {name!r} (choose from {', '.join(sorted(self))})")

    def __contains__(self, name: object) -> bool:
        return name in self._builtin or name in self._entry_points()

    def __iter__(self) -> Iterator[str]:
        yield from self._builtin
        yield from sorted(self._entry_points())

    def __len__(self) -> int:
        return len(self._builtin) + len(self._entry_points())

    def __repr__(self) -> str:
        return f"Registry({self.group!r}, {list(self)!r})"
