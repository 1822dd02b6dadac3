"""The deck as PDF, converted by LibreOffice (``soffice``) running headless.

LibreOffice runs with a throw-away user profile in a temporary directory (so it
neither touches nor waits for the user's own running instance) and writes there;
the PDF is then moved into place atomically. Without LibreOffice the error says so::

    >>> convert_to_pdf("briefing.pptx")        # doctest: +SKIP
    PosixPath('briefing.pdf')
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from mapper.atomic import atomic_path
from mapper.exc import OutputError

__all__ = ["convert_to_pdf", "find_soffice", "timeout_for", "SOFFICE_MISSING"]

_CANDIDATES = ("soffice", "libreoffice")
SOFFICE_MISSING = ("LibreOffice is not installed (no 'soffice' on PATH; set CONFLICTMAP_SOFFICE or install "
                   "libreoffice-impress); the .pptx was written — export it to PDF from PowerPoint instead")


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


def convert_to_pdf(pptx_path: str | Path, pdf_path: str | Path | None = None, *, timeout: float = 300.0) -> Path:
    """Convert ``pptx_path`` to ``pdf_path`` (default: beside it, ``.pdf``); raises OutputError on failure."""
    pptx_path = Path(pptx_path)
    pdf_path = Path(pdf_path) if pdf_path else pptx_path.with_suffix(".pdf")
    executable = find_soffice()
    if executable is None:
        raise OutputError(pdf_path, SOFFICE_MISSING)
    if not pptx_path.is_file():
        raise OutputError(pdf_path, f"no deck to convert at {pptx_path}")
    with tempfile.TemporaryDirectory(prefix="conflictmap-soffice-") as work:
        work_dir = Path(work)
        cmd = [executable, f"-env:UserInstallation={(work_dir / 'profile').as_uri()}", "--headless",
               "--invisible", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf", "--outdir", str(work_dir / "out"), str(pptx_path.resolve())]
        env = {**os.environ, "HOME": str(work_dir)}  # LibreOffice may write under $HOME despite the profile
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                start_new_session=True)
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
    return pdf_path
