"""Atomic output for GDAL: temporary files with the right suffix, and multi-file sets (Shapefile).

GDAL picks behaviour by file extension and warns about a GeoPackage called
``.tmp``, so :func:`atomic_gdal_path` yields a temporary name that ends with the
target's suffix; it is renamed to the target only when complete::

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "events.gpkg"
    >>> with atomic_gdal_path(target) as tmp:
    ...     _ = tmp.write_text("x")
    ...     tmp.suffix, target.exists()
    ('.gpkg', False)
    >>> target.read_text()
    'x'
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from mapper._internal.atomic import atomic_path
from mapper.exc import OutputError

__all__ = ["atomic_gdal_path", "atomic_file_set", "fsync_file", "gdal_config"]


def fsync_file(path: Path) -> None:
    """Flush a file GDAL wrote to disk once, before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def gdal_config(**options: str) -> Iterator[None]:
    """GDAL configuration options for the duration of a block, then back to what they were."""
    import pyogrio

    before = {key: pyogrio.get_gdal_config_option(key) for key in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(before)


@contextlib.contextmanager
def atomic_gdal_path(path: str | Path) -> Iterator[Path]:
    """Yield a not-yet-existing temporary path beside ``path`` with the same suffix."""
    path = Path(path)
    with atomic_path(path) as tmp:
        work = tmp.with_name(tmp.name + path.suffix)
        try:
            yield work
            if not work.exists():
                raise OutputError(path, "the writer produced no file")
            fsync_file(work)
            os.replace(work, tmp)
        finally:
            work.unlink(missing_ok=True)
            for side in (work.with_name(work.name + "-journal"), work.with_name(work.name + "-wal")):
                side.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_file_set(path: str | Path, suffixes: Sequence[str]) -> Iterator[Path]:
    """Yield ``tmpdir/<name>``; afterwards each ``<stem><suffix>`` written there replaces its
    twin beside ``path``, complete files only, the main file (``path``'s suffix) last.
    Stale members of an earlier set that this write did not produce are removed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmpdir = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    except OSError as exc:
        raise OutputError(path, f"cannot write here ({exc.strerror})") from None
    try:
        yield tmpdir / path.name
        main = path.suffix.lower()
        order = sorted(suffixes, key=lambda s: s.lower() == main)
        umask = os.umask(0)
        os.umask(umask)
        for suffix in order:
            member = tmpdir / (path.stem + suffix)
            target = path.with_suffix(suffix)
            if member.exists():
                os.chmod(member, 0o666 & ~umask)
                os.replace(member, target)
            elif suffix.lower() != main:
                target.unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
