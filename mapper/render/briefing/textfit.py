"""Text that fits its box: width measured with real font metrics, wrapped, shortened with "…".

Widths are measured with DejaVu Sans (shipped with matplotlib), which is wider than
Arial, Liberation Sans or Calibri, so a text that fits here fits wherever the deck
is shown. A character DejaVu Sans lacks (CJK, fullwidth forms, many scripts) is measured
with the first installed font of :data:`mapper.render.briefing.fonts.FALLBACK_FAMILIES` that has
it; emoji (viewers may draw them with a colour emoji font, about 1.25 em wide) as
:data:`EMOJI_EM` at least; zero-width marks (joiners, variation selectors, combining marks)
as nothing; and a character no font has (or a control character) as one em, wider than
most glyphs. Measuring never fails, whatever the text. Sizes are in points::

    >>> wrap("Plyokhovo, Martynovka, Kursk Oblast", 12, 100)
    ['Plyokhovo,', 'Martynovka,', 'Kursk Oblast']
    >>> fit_lines("Plyokhovo, Martynovka, Kursk Oblast", 12, 100, max_lines=2)
    ['Plyokhovo,', 'Martynovka…']
    >>> text_width("Плёхово", 12) > text_width("Plekhovo", 12) * 0.8
    True
    >>> round(text_width("中文", 10), 1), text_width("🇺🇦", 10), text_width("\\x00", 10)
    (20.0, 25.0, 10.0)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from mapper.render.briefing.fonts import CJK_FAMILIES, fallback_fonts as _fallback_fonts

__all__ = ["text_width", "wrap", "fit_lines", "fit_size", "line_height", "ELLIPSIS", "WIDTH_MARGIN",
           "EMOJI_EM", "fallback_family", "east_asian_family"]

ELLIPSIS = "…"
#: Share of a box's width text may fill: room for kerning and rounding differences between renderers.
WIDTH_MARGIN = 0.94
#: Line height as a multiple of the font size (PowerPoint and LibreOffice single spacing is about 1.2).
LINE_SPACING = 1.22
#: Width of one emoji in em: Noto Color Emoji's advance (2550 of 2048 units), rounded up.
EMOJI_EM = 1.25
#: Width of a character no installed font has, in em (as wide as the widest usual glyphs).
UNKNOWN_EM = 1.0
#: Bold text measured with a regular fallback font is taken this much wider.
_FALLBACK_BOLD = 1.1
#: Code point ranges drawn as emoji (pictographs, symbols and dingbats, regional indicators).
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF))


@lru_cache(maxsize=2)
def _font(bold: bool):
    from matplotlib import font_manager, ft2font

    props = font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
    font = ft2font.FT2Font(font_manager.findfont(props, fallback_to_default=True))
    font.set_size(100, 72)
    return font


def _is_emoji(code: int) -> bool:
    return any(low <= code <= high for low, high in _EMOJI_RANGES)


def _glyph_advance(font, code: int) -> float | None:
    """Advance of ``code`` in ``font`` at 1 pt, or None when the font has no glyph for it."""
    if not font.get_char_index(code):
        return None
    try:
        return font.load_char(code).linearHoriAdvance / 65536 / 100.0
    except RuntimeError:
        return None


@lru_cache(maxsize=8192)
def fallback_family(char: str) -> str:
    """The fallback font family that draws ``char`` when DejaVu Sans cannot ("" when DejaVu Sans
    has it, or no installed fallback has it)."""
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cs") or _glyph_advance(_font(False), code) is not None:
        return ""
    return next((family for family, font in _fallback_fonts() if font.get_char_index(code)), "")


def east_asian_family(text: str) -> str:
    """The installed fallback family for the East Asian characters (CJK, kana, hangul, fullwidth forms)
    of ``text`` that DejaVu Sans lacks, for the run's East Asian font; "" when there are none."""
    for char in text:
        if ord(char) > 0x2E7F and unicodedata.east_asian_width(char) in ("W", "F") and not _is_emoji(ord(char)):
            if fallback_family(char) == "":
                continue  # DejaVu Sans has it (or nothing installed does)
            code = ord(char)
            return next((family for family, font in _fallback_fonts()
                         if family in CJK_FAMILIES and font.get_char_index(code)), "")
    return ""


@lru_cache(maxsize=8192)
def _advance(char: str, bold: bool) -> float:
    """Advance width of one character at 1 pt (kerning ignored: it only ever narrows text)."""
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc" or category == "Cs":
        return UNKNOWN_EM  # controls and lone surrogates: never written (see safetext), never a crash here
    if category in ("Mn", "Me", "Cf"):
        return 0.0  # joiners, variation selectors, direction marks, combining marks
    own = _glyph_advance(_font(bold), code)
    if _is_emoji(code):
        return max(own or 0.0, EMOJI_EM)
    if own is not None:
        return own
    for _, font in _fallback_fonts():
        width = _glyph_advance(font, code)
        if width is not None:
            if unicodedata.east_asian_width(char) in ("W", "F"):
                width = max(width, 1.0)  # a symbol font's narrow CJK glyph: the viewer's CJK font takes 1 em
            return width * (_FALLBACK_BOLD if bold else 1.0)
    return UNKNOWN_EM


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
