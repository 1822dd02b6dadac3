"""A 16:9 presentation built from python-pptx's default template, its placeholders moved to fit.

The default template is 4:3 (10 × 7.5 in). Changing only the slide size to 13.333 × 7.5 in
leaves every title and body placeholder where it was, off-centre on the left. Here the
master's and the layouts' placeholders are stretched horizontally by the same factor, so
each keeps its margins and centre relative to the wider slide; the master's text styles
are set to the deck font::

    >>> prs = new_presentation()
    >>> prs.slide_width, prs.slide_height
    (12192000, 6858000)
    >>> title = prs.slide_layouts[0].placeholders[0]
    >>> title.left + title.width // 2 == prs.slide_width // 2
    True
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pptx import Presentation
from pptx.opc.packuri import PackURI
from pptx.util import Emu

__all__ = ["new_presentation", "content_box", "counted_partnames", "Box", "DECK_FONT", "SLIDE_WIDTH",
           "SLIDE_HEIGHT", "LAYOUT_TITLE", "LAYOUT_TITLE_ONLY"]

#: Font named in the deck: Arial has Latin and Cyrillic on Windows and macOS, and LibreOffice
#: maps it to Liberation Sans or DejaVu Sans. Text is measured with DejaVu Sans (the widest).
DECK_FONT = "Arial"
SLIDE_WIDTH = Emu(12192000)  # 13.333 in: 16:9 at the default 7.5 in height
SLIDE_HEIGHT = Emu(6858000)
#: Layout indices of the default template.
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass(frozen=True)
class Box:
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def width_pt(self) -> float:
        return self.width / 12700

    @property
    def height_pt(self) -> float:
        return self.height / 12700

    def below(self, offset: int) -> "Box":
        """The part of this box from ``offset`` EMU under its top."""
        return Box(self.left, self.top + offset, self.width, max(0, self.height - offset))

    def split(self, share: float, gap: int = Emu(274320)) -> tuple["Box", "Box"]:
        """Left and right parts; the left one takes ``share`` of the width (minus half the gap)."""
        left_w = int((self.width - gap) * share)
        return (Box(self.left, self.top, left_w, self.height),
                Box(self.left + left_w + gap, self.top, self.width - left_w - gap, self.height))


def _stretch(shape, factor: float) -> None:
    """Scale a shape's left and width; shapes without their own position inherit a stretched one."""
    if shape._element.xpath("./p:spPr/a:xfrm"):
        left, width = shape.left, shape.width
        shape.left = Emu(round(left * factor))
        shape.width = Emu(round(width * factor))


def _set_style_font(master, typeface: str) -> None:
    """Name the deck font in the master's title, body and other text styles (all levels)."""
    from lxml import etree

    for style in master._element.xpath("./p:txStyles/*"):
        for level in style:
            if not level.tag.endswith("pPr"):
                continue
            default = level.find(f"{{{_A}}}defRPr")
            if default is None:
                default = etree.SubElement(level, f"{{{_A}}}defRPr")
            for tag in ("latin", "cs"):
                node = default.find(f"{{{_A}}}{tag}")
                if node is None:
                    node = etree.SubElement(default, f"{{{_A}}}{tag}")
                node.set("typeface", typeface)
            # schema order inside defRPr: ln, fill, effects, highlight, ..., latin, ea, cs, sym, ...
            fill = [child for child in default if not child.tag.endswith(("}latin", "}cs", "}ea", "}sym"))]
            fonts = [default.find(f"{{{_A}}}{t}") for t in ("latin", "ea", "cs", "sym")]
            trailing = [child for child in default if child.tag.endswith(("}hlinkClick", "}hlinkMouseOver",
                                                                          "}rtl", "}extLst"))]
            for child in list(default):
                default.remove(child)
            for child in [c for c in fill if c not in trailing] + [f for f in fonts if f is not None] + trailing:
                default.append(child)


def new_presentation() -> Presentation:
    """A 16:9 deck from the default template with its master and layouts refitted."""
    prs = Presentation()
    factor = SLIDE_WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    for master in prs.slide_masters:
        for shape in master.shapes:
            _stretch(shape, factor)
        _set_style_font(master, DECK_FONT)
        for layout in master.slide_layouts:
            for shape in layout.shapes:
                _stretch(shape, factor)
    return prs


def content_box(prs: Presentation) -> Box:
    """Where slide content goes: the master's body placeholder (under the title, above the footer)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shape in prs.slide_master.placeholders:
        if shape.placeholder_format.type == PP_PLACEHOLDER.BODY:
            return Box(shape.left, shape.top, shape.width, shape.height)
    raise LookupError("the slide master has no body placeholder")


@contextlib.contextmanager
def counted_partnames(prs: Presentation) -> Iterator[None]:
    """While building a deck, hand out new part names (notes slides, charts) from counters.

    python-pptx finds a free part name by walking every part of the package, once per new
    notes slide or chart; a deck of thousands of slides spends most of its time there. The
    counters start above the highest existing number of each name pattern, so the names are
    as unique as python-pptx's own; the package's own method is back in place afterwards.
    """
    package = prs.part.package
    counters: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        if tmpl not in counters:
            pattern = re.compile(re.escape(tmpl).replace("%d", r"(\d+)") + "$")
            numbers = [int(m.group(1)) for part in package.iter_parts() if (m := pattern.match(part.partname))]
            counters[tmpl] = max(numbers, default=0)
        counters[tmpl] += 1
        return PackURI(tmpl % counters[tmpl])

    package.next_partname = next_partname
    try:
        yield
    finally:
        del package.next_partname  # the class's own method again
