"""The deck as PDF, converted by LibreOffice (``soffice``) running headless.

LibreOffice runs with a throw-away user profile in a temporary directory (so it
neither touches nor waits for the user's own running instance) and writes there;
the PDF is then moved into place atomically. The directory is named
``conflictmap-soffice-<pid>-…`` and lists in its ``owner`` file the process ids using it
(ours and LibreOffice's); one left behind by a killed run is removed at the next
conversion once none of them is alive (or, for older unlisted ones, after
:data:`STALE_HOURS`). Without LibreOffice the error says so::

    >>> convert_to_pdf("briefing.pptx")        # doctest: +SKIP
    PosixPath('briefing.pdf')
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from mapper._internal.atomic import atomic_path, process_alive
from mapper.exc import OutputError

__all__ = ["convert_to_pdf", "SofficeMissingError", "find_soffice", "timeout_for", "sweep_stale_workdirs", "SOFFICE_MISSING",
           "WORKDIR_PREFIX", "STALE_HOURS"]

WORKDIR_PREFIX = "conflictmap-soffice-"
#: A work directory without a readable owner file (left by an older version, or killed before it was
#: written) is removed when it is this old.
STALE_HOURS = 24.0
_OWNER = "owner"
_PID_NAME = re.compile(re.escape(WORKDIR_PREFIX) + r"(\d+)-")

_CANDIDATES = ("soffice", "libreoffice")
SOFFICE_MISSING = ("LibreOffice is not installed (no 'soffice' on PATH; set CONFLICTMAP_SOFFICE or install "
                   "libreoffice-impress); the .pptx was written — export it to PDF from PowerPoint instead")


class SofficeMissingError(OutputError):
    """No PDF because LibreOffice is not installed (as opposed to a conversion that failed)."""


def timeout_for(slides: int) -> float:
    """How long LibreOffice may take for a deck: two minutes plus a second a slide (it converts
    about three slides a second on one core; a 2,300-slide deck took 13.5 minutes on a loaded machine).

    >>> timeout_for(7), timeout_for(2317)
    (127.0, 2437.0)
    """
    return 120.0 + float(slides)


def find_soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (``CONFLICTMAP_SOFFICE`` overrides), or None."""
    env = os.environ.get("CONFLICTMAP_SOFFICE")
    if env:
        return env if Path(env).is_file() and os.access(env, os.X_OK) else None
    return next((path for name in _CANDIDATES if (path := shutil.which(name))), None)


def _owner_pids(work_dir: Path) -> list[int] | None:
    """Process ids listed in the directory's owner file (with the one in its name), or None when unknown."""
    pids = []
    if match := _PID_NAME.match(work_dir.name):
        pids.append(int(match.group(1)))
    try:
        text = (work_dir / _OWNER).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return pids or None
    pids += [int(word) for word in text.split() if word.isdigit()]
    return pids


def sweep_stale_workdirs(temp_dir: str | Path | None = None, *, now: float | None = None) -> list[Path]:
    """Remove our LibreOffice work directories that no live process uses; returns those removed.

    Only directories named ``conflictmap-soffice-*`` and owned by this user are looked at. One is
    removed when none of the processes it lists is alive, or, listing none, when it is older than
    :data:`STALE_HOURS`. This process's own directories (a conversion in another thread) are kept.
    Never raises: a directory that cannot be removed stays.
    """
    base = Path(temp_dir or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(WORKDIR_PREFIX)]
    except OSError:
        return removed
    for work_dir in candidates:
        try:
            info = work_dir.lstat()
            if not work_dir.is_dir() or work_dir.is_symlink() or info.st_uid != os.getuid():
                continue
            pids = _owner_pids(work_dir)
            if pids:
                if os.getpid() in pids or any(process_alive(pid) for pid in pids):
                    continue
            elif now - info.st_mtime < STALE_HOURS * 3600:
                continue
            shutil.rmtree(work_dir)
            removed.append(work_dir)
        except OSError:
            continue
    return removed


def _write_owner(work_dir: Path, *pids: int) -> None:
    (work_dir / _OWNER).write_text("".join(f"{pid}\n" for pid in pids), encoding="ascii")


def convert_to_pdf(pptx_path: str | Path, pdf_path: str | Path | None = None, *, timeout: float = 300.0) -> Path:
    """Convert ``pptx_path`` to ``pdf_path`` (default: beside it, ``.pdf``); raises OutputError on failure."""
    pptx_path = Path(pptx_path)
    pdf_path = Path(pdf_path) if pdf_path else pptx_path.with_suffix(".pdf")
    executable = find_soffice()
    if executable is None:
        raise SofficeMissingError(pdf_path, SOFFICE_MISSING)
    if not pptx_path.is_file():
        raise OutputError(pdf_path, f"no deck to convert at {pptx_path}")
    sweep_stale_workdirs()
    work_dir = Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-"))
    try:
        _write_owner(work_dir, os.getpid())
        _run_soffice(executable, pptx_path, pdf_path, work_dir, timeout)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    return pdf_path


def _run_soffice(executable: str, pptx_path: Path, pdf_path: Path, work_dir: Path, timeout: float) -> None:
    """Convert in ``work_dir`` and move the PDF to ``pdf_path``; raises OutputError on failure."""
    cmd = [executable, f"-env:UserInstallation={(work_dir / 'profile').as_uri()}", "--headless",
           "--invisible", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
           "--convert-to", "pdf", "--outdir", str(work_dir / "out"), str(pptx_path.resolve())]
    env = {**os.environ, "HOME": str(work_dir)}  # LibreOffice may write under $HOME despite the profile
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    _write_owner(work_dir, os.getpid(), proc.pid)  # LibreOffice may outlive us if we are killed
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice starts helpers: end its whole process group
        proc.communicate()
        raise OutputError(pdf_path, f"LibreOffice did not finish within {timeout:.0f} s") from None
    produced = work_dir / "out" / f"{pptx_path.stem}.pdf"
    if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
        last = (stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1][:200]
        raise OutputError(pdf_path, f"LibreOffice could not convert the deck ({last})")
    with atomic_path(pdf_path) as tmp:
        shutil.copyfile(produced, tmp)
