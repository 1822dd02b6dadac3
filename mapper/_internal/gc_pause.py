"""Pause Python's cyclic garbage collector while millions of short-lived, acyclic objects are made.

Writing a large map or exporting a million events builds lists and tuples by the million; each
gen-2 collection would walk every one of them again. None of them form cycles, so reference
counting frees them all the same. Only entry points change the collector (``mapper.cli.main``,
:func:`mapper.pipeline.run_pipeline`, a Dask worker's task, a benchmark's timed loop), never a
library call, so a program that uses the library keeps the settings it chose::

    >>> with gc_paused():
    ...     rows = [[i, str(i)] for i in range(1000)]
    >>> import gc; gc.isenabled()
    True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused", "young_collections_only"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's earlier state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: A third threshold no batch reaches: gen-2 collections wait until the block ends.
_NEVER = 1 << 30


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """Only young-generation collections inside the block: for batches that keep what they make.

    Extracting 10,000 reports keeps some 50,000 events with their places and sources. Each full
    (gen-2) collection walks all of them again, and the number of full collections grows with
    the batch. Young collections still run, so reference cycles made while reading a report
    (an exception's traceback, say) are freed as usual; what survives them is only walked again
    after the block. Nested blocks keep the outermost thresholds::

        >>> import gc
        >>> before = gc.get_threshold()
        >>> with young_collections_only():
        ...     gc.get_threshold()[2] > 10**6
        True
        >>> gc.get_threshold() == before
        True
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], _NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
