"""A PNG of an HTML map, taken by headless Chromium (for slides and reports).

Uses the ``chromium`` executable (Debian's package) or ``CONFLICTMAP_CHROMIUM``;
nothing is downloaded. The page is loaded with Chromium's own networking quiet,
so screenshot the offline map::

    >>> screenshot("map.html", "map.png")            # doctest: +SKIP
    PosixPath('map.png')
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mapper._internal.atomic import atomic_path
from mapper.exc import OutputError

__all__ = ["screenshot", "find_chromium"]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"]


def find_chromium() -> str | None:
    """Path of a Chromium executable, or None."""
    env = os.environ.get("CONFLICTMAP_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    return next((path for name in _CANDIDATES if (path := shutil.which(name))), None)


def screenshot(html_path: str | Path, png_path: str | Path, *, width: int = 1600, height: int = 1000,
               wait_ms: int = 5000, timeout: float = 90.0) -> Path:
    """Render ``html_path`` in headless Chromium and write ``png_path`` (atomically)."""
    executable = find_chromium()
    if executable is None:
        raise OutputError(png_path, "no Chromium found for the screenshot (install the 'chromium' package or "
                                    "set CONFLICTMAP_CHROMIUM)")
    html_path, png_path = Path(html_path).resolve(), Path(png_path)
    with tempfile.TemporaryDirectory(prefix="conflictmap-chromium-") as work:
        shot = Path(work) / "shot.png"  # Chromium picks the format from the suffix
        cmd = [executable, *_FLAGS, f"--user-data-dir={Path(work) / 'profile'}", f"--window-size={width},{height}",
               f"--virtual-time-budget={wait_ms}", f"--screenshot={shot}", html_path.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise OutputError(png_path, f"Chromium did not finish within {timeout:.0f} s") from None
        if proc.returncode != 0 or not shot.exists() or shot.stat().st_size == 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1][:200]
            raise OutputError(png_path, f"Chromium could not take the screenshot ({last})")
        with atomic_path(png_path) as tmp:
            shutil.copyfile(shot, tmp)
    return png_path
