"""Text that fits its box: width measured with real font metrics, wrapped, shortened with "…".

Widths are measured with DejaVu Sans (shipped with matplotlib), which is wider than
Arial, Liberation Sans or Calibri, so a text that fits here fits wherever the deck
is shown. Sizes are in points::

    >>> wrap("Plyokhovo, Martynovka, Kursk Oblast", 12, 100)
    ['Plyokhovo,', 'Martynovka,', 'Kursk Oblast']
    >>> fit_lines("Plyokhovo, Martynovka, Kursk Oblast", 12, 100, max_lines=2)
    ['Plyokhovo,', 'Martynovka…']
    >>> text_width("Плёхово", 12) > text_width("Plekhovo", 12) * 0.8
    True
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["text_width", "wrap", "fit_lines", "fit_size", "line_height", "ELLIPSIS", "WIDTH_MARGIN"]

ELLIPSIS = "…"
#: Share of a box's width text may fill: room for kerning and rounding differences between renderers.
WIDTH_MARGIN = 0.94
#: Line height as a multiple of the font size (PowerPoint and LibreOffice single spacing is about 1.2).
LINE_SPACING = 1.22


@lru_cache(maxsize=2)
def _font(bold: bool):
    from matplotlib import font_manager, ft2font

    props = font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
    font = ft2font.FT2Font(font_manager.findfont(props, fallback_to_default=True))
    font.set_size(100, 72)
    return font


@lru_cache(maxsize=8192)
def _advance(char: str, bold: bool) -> float:
    """Advance width of one character at 1 pt (kerning ignored: it only ever narrows text)."""
    font = _font(bold)
    glyph = font.load_char(ord(char))
    return glyph.linearHoriAdvance / 65536 / 100.0


@lru_cache(maxsize=100_000)
def _unit_width(text: str, bold: bool) -> float:
    """Width of ``text`` at 1 pt."""
    return sum(_advance(char, bold) for char in text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` in points at ``size`` pt."""
    if not text:
        return 0.0
    if len(text) <= 40:
        return _unit_width(text, bold) * size
    return sum(_unit_width(word, bold) for word in text.split(" ")) * size + \
        _advance(" ", bold) * text.count(" ") * size


def line_height(size: float) -> float:
    """Height of one line in points at ``size`` pt."""
    return size * LINE_SPACING


def _break_word(word: str, size: float, width: float, bold: bool) -> list[str]:
    """A word too long for a line, cut into pieces that fit."""
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char, size, bold=bold) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + ([current] if current else [])


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` points (``\\n`` starts a line)."""
    usable = width * WIDTH_MARGIN
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold=bold) <= usable:
                current = candidate
                continue
            if current:
                lines.append(current)
            if text_width(word, size, bold=bold) <= usable:
                current = word
            else:
                *full, current = _break_word(word, size, usable, bold)
                lines.extend(full)
        lines.append(current)
    return lines


def fit_lines(text: str, size: float, width: float, *, max_lines: int, bold: bool = False) -> list[str]:
    """:func:`wrap`, keeping at most ``max_lines`` lines; a cut ends with "…"."""
    return list(_fit_lines(text, size, width, max_lines, bold))


@lru_cache(maxsize=50_000)
def _fit_lines(text: str, size: float, width: float, max_lines: int, bold: bool) -> tuple[str, ...]:
    lines = wrap(text, size, width, bold=bold)
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[:max_lines]
    usable = width * WIDTH_MARGIN
    words = kept[-1].split(" ")
    while len(words) > 1 and text_width(" ".join(words).rstrip(" ,;:") + ELLIPSIS, size, bold=bold) > usable:
        words.pop()  # cut at a word boundary when one is left
    last = " ".join(words).rstrip(" ,;:")
    while last and text_width(last + ELLIPSIS, size, bold=bold) > usable:
        last = last[:-1]
    kept[-1] = last + ELLIPSIS
    return tuple(kept)


def fit_size(text: str, width: float, height: float, *, max_size: float, min_size: float,
             bold: bool = False, step: float = 2.0) -> tuple[float, list[str]]:
    """The largest size (``max_size`` down to ``min_size``) at which ``text`` fits the box, and its lines.

    At ``min_size`` the text is shortened to the lines that fit.
    """
    size = max_size
    while size > min_size:
        lines = wrap(text, size, width, bold=bold)
        if len(lines) * line_height(size) <= height:
            return size, lines
        size -= step
    size = min_size
    max_lines = max(1, int(height // line_height(size)))
    return size, fit_lines(text, size, width, max_lines=max_lines, bold=bold)
