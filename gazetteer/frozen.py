"""A quicker ``__init__`` for frozen dataclasses made by the thousand (contexts, candidates, resolutions).

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``, a call per
field; :func:`quick_init` gives the class an ``__init__`` with the same parameters, defaults and
default factories that fills the instance's dictionary in one update. Nothing else changes: the
instances are equal, hash, compare, print and ``dataclasses.replace`` as before, and stay frozen::

    >>> from dataclasses import dataclass, field, replace
    >>> @quick_init
    ... @dataclass(frozen=True)
    ... class Point:
    ...     x: float
    ...     y: float = 0.0
    ...     tags: tuple = field(default_factory=tuple)
    >>> p = Point(1.0, tags=("a",))
    >>> p, replace(p, y=2.0), p == Point(1.0, 0.0, ("a",)), hash(p) == hash(Point(1.0, 0.0, ("a",)))
    (Point(x=1.0, y=0.0, tags=('a',)), Point(x=1.0, y=2.0, tags=('a',)), True, True)
"""

from __future__ import annotations

import dataclasses

__all__ = ["quick_init"]


def quick_init(cls: type) -> type:
    """Give a frozen dataclass (with ``__dict__``, no ``__post_init__``, no init-only variables) a
    one-update ``__init__``."""
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: quick_init needs a dataclass with __dict__ and no __post_init__")
    namespace: dict[str, object] = {"_MISSING": dataclasses.MISSING}
    params, items = [], []
    for k, f in enumerate(dataclasses.fields(cls)):
        if not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init needs every field in __init__")
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{k}"] = f.default
            params.append(f"{f.name}=_default_{k}")
            items.append(f"{f.name!r}: {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{k}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            items.append(f"{f.name!r}: _factory_{k}() if {f.name} is _MISSING else {f.name}")
        else:
            params.append(f.name)
            items.append(f"{f.name!r}: {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    self.__dict__.update({{{', '.join(items)}}})\n"
    exec(source, namespace)  # noqa: S102 - the source is built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls
