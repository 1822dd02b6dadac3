"""Atomic file writes: a file appears under its final name only when complete.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "events.jsonl"
    >>> with atomic_write(target) as f:
    ...     _ = f.write("{}\\n")
    >>> target.read_text()
    '{}\\n'

If the block raises, the earlier file at ``path`` is left as it was and the temporary
file is removed. A process that is killed cannot remove it: its hidden
``.NAME.p<pid>-<random>.tmp`` stays behind, and the next write of ``NAME`` into that
folder sweeps it once its writer is gone (:func:`sweep_stale_temporaries`). A temporary
file of a writer that is still running is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mapper.exc import OutputError

__all__ = ["atomic_write", "atomic_path", "sweep_stale_temporaries", "process_alive", "STALE_AFTER_S", "LEGACY_STALE_AFTER_S"]

#: A dead writer's temporary file is swept once it has not changed for this long (a writer on
#: another machine sharing the folder has a process id that means nothing here).
STALE_AFTER_S = 60.0
#: A temporary file without a process id in its name (written before ids were recorded) is
#: swept when it has not changed for this long.
LEGACY_STALE_AFTER_S = 3600.0
#: The random part ``tempfile`` puts in a name.
_RANDOM = "[a-z0-9_]{8}"


def _temporaries(name: str) -> re.Pattern:
    """Our temporary files for ``name``: ``.NAME.p<pid>-<random>.tmp`` (or, older, ``.NAME.<random>.tmp``)."""
    return re.compile(rf"\.{re.escape(name)}\.(?:p(\d{{1,10}})-)?{_RANDOM}\.tmp")


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (another user's process counts as running)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:                         # another user's process
        return True
    except (OverflowError, ValueError, OSError):    # not a process id at all
        return False
    return True


def sweep_stale_temporaries(path: str | Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files that killed writers of ``path`` left beside it; return them.

    Only names of exactly our pattern for this ``path`` are looked at. A file whose writer
    (the process id in its name) still runs is kept, however old; one whose writer is gone is
    removed once it has not changed for :data:`STALE_AFTER_S` seconds.
    """
    path = Path(path)
    pattern = _temporaries(path.name)
    now = time.time() if now is None else now
    swept = []
    try:
        entries = [e for e in os.scandir(path.parent) if e.name.startswith(f".{path.name}.")]
    except OSError:
        return swept
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        pid = match.group(1)
        if pid is not None and (int(pid) == os.getpid() or process_alive(int(pid))):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - info.st_mtime < (STALE_AFTER_S if pid is not None else LEGACY_STALE_AFTER_S):
                continue
            os.unlink(entry.path)
        except OSError:
            continue                                # gone already, or not ours to remove
        swept.append(Path(entry.path))
    return swept


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` on success."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.p{os.getpid()}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, f"cannot write here ({exc.strerror})") from None
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an output file gets the usual mode
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        if path.is_dir():
            raise OutputError(path, "is a directory, not a file") from None
        raise OutputError(path, f"cannot write here ({exc.strerror or exc})") from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``path`` when the block ends cleanly."""
    with atomic_path(path) as tmp:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": "\n"}
        with open(tmp, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
