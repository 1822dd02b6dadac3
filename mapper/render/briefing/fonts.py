"""The fonts a deck falls back to for characters DejaVu Sans lacks: found once, by family name.

A family is looked up in matplotlib's font list, and where matplotlib does not know it (its
font cache predates the font's installation) through fontconfig's ``fc-list``; a font found
that way is added to matplotlib's list for this process, so map labels can use it too. A
family that is not installed is simply left out::

    >>> "DejaVu Sans" == map_families()[0]
    True
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

__all__ = ["FALLBACK_FAMILIES", "CJK_FAMILIES", "fallback_fonts", "find_font_file", "map_families"]

#: Fonts tried, in order, for a character DejaVu Sans lacks (each only where installed). CI installs
#: WenQuanYi Micro Hei (fonts-wqy-microhei: CJK, kana, hangul, fullwidth forms) and Symbola
#: (fonts-symbola: emoji up to Unicode 9, drawn in one colour); Noto fonts are used where installed.
FALLBACK_FAMILIES = ("Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback",
                     "Noto Sans Symbols", "Noto Sans Symbols2", "Symbola")
#: The fallbacks for East Asian text (a run's ``<a:ea>`` font, map labels).
CJK_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback")
#: Fallbacks map labels may use besides DejaVu Sans.
_MAP_FAMILIES = CJK_FAMILIES + ("Symbola",)


def _fontconfig_file(family: str) -> str | None:
    """The file of ``family`` as fontconfig lists it (None without fontconfig or that family)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, "-f", "%{file}\n", f":family={family}:style=Regular"], capture_output=True,
                             text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line for line in out.splitlines() if line.strip())
    return files[0] if files else None


@lru_cache(maxsize=None)
def find_font_file(family: str) -> str | None:
    """Path of the regular face of ``family``, or None when it is not installed."""
    from matplotlib import font_manager

    try:
        return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        pass
    path = _fontconfig_file(family)
    if path is not None:
        try:
            font_manager.fontManager.addfont(path)  # this process only: matplotlib's cache file is not touched
        except (OSError, RuntimeError, ValueError):
            return None
    return path


@lru_cache(maxsize=1)
def fallback_fonts() -> tuple[tuple[str, object], ...]:
    """``(family, font)`` of every installed font of :data:`FALLBACK_FAMILIES`, in order, at 100 pt."""
    from matplotlib import ft2font

    fonts = []
    for family in FALLBACK_FAMILIES:
        path = find_font_file(family)
        if path is None:
            continue
        try:
            font = ft2font.FT2Font(path)
            font.set_size(100, 72)
        except (RuntimeError, OSError, ValueError):
            continue  # not a font FreeType can scale (a bitmap-only colour font)
        fonts.append((family, font))
    return tuple(fonts)


def map_families() -> list[str]:
    """Font families for matplotlib text (map labels): DejaVu Sans, then the installed CJK and emoji
    fallbacks, so a CJK, fullwidth or emoji place name is drawn with real glyphs."""
    return ["DejaVu Sans", *(family for family, font in fallback_fonts() if family in _MAP_FAMILIES)]
