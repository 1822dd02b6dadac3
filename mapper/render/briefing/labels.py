"""Map labels that never overlap: a greedy placement in display space.

Labels are tried in the order given (most important first). Each is tried at up to
eight positions around its point (right, above-right, above-left, left, below-right,
below-left, above, below), or only centred on it for area names. A position is taken
when the label's box stays inside the axes and clears every label already placed
(and, where it can, every obstacle such as an event symbol); a label with no free
position is left out. Text is measured by matplotlib's own renderer::

    >>> placer = LabelPlacer(ax)                                          # doctest: +SKIP
    >>> placer.add(Label("Sudzha", x, y, size=9, marker_pt=3))            # doctest: +SKIP
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from mapper.render.briefing.fonts import map_families

__all__ = ["Label", "LabelPlacer", "LABEL_GID"]

#: The ``gid`` of every label artist, so tests and callers can find them.
LABEL_GID = "map-label"
_GAP_PT = 2.0
_PAD_PX = 1.5


@dataclass(frozen=True)
class Label:
    """A label request: text at a point in data coordinates."""

    text: str
    x: float
    y: float
    size: float = 9.0
    weight: str = "normal"
    colour: str = "#222222"
    marker_pt: float = 0.0  # radius of the symbol the label sits beside
    centred: bool = False  # area names: only on the point itself
    style: str = "normal"
    #: Must it clear obstacles (event symbols)? Important labels may sit over a symbol if nothing else fits.
    strict: bool = True


#: (ha, va, dx, dy): alignment and unit offset direction, in order of preference.
_POSITIONS = (
    ("left", "center", 1.0, 0.0),
    ("left", "bottom", 0.7, 0.7),
    ("right", "bottom", -0.7, 0.7),
    ("right", "center", -1.0, 0.0),
    ("left", "top", 0.7, -0.7),
    ("right", "top", -0.7, -0.7),
    ("center", "bottom", 0.0, 1.0),
    ("center", "top", 0.0, -1.0),
)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class LabelPlacer:
    """Places :class:`Label` s on ``ax`` one by one; call after the axes limits are final."""

    def __init__(self, ax, obstacles: list[tuple[float, float, float, float]] | None = None):
        from matplotlib.font_manager import FontProperties

        self.ax = ax
        self._fonts = FontProperties
        self.renderer = ax.figure.canvas.get_renderer()
        self.px_per_pt = ax.figure.dpi / 72.0
        box = ax.get_window_extent(self.renderer)
        self.frame = (box.x0 + 2, box.y0 + 2, box.x1 - 2, box.y1 - 2)
        self.placed: list[tuple[float, float, float, float]] = []
        self.obstacles = list(obstacles or [])
        self.artists: list = []
        x_min, x_max = ax.get_xlim()
        #: map units per point of the figure (the axes' scale)
        self.units_per_pt = (x_max - x_min) / (box.width / self.px_per_pt)

    def add_obstacle_circle(self, x: float, y: float, radius_pt: float) -> None:
        """Keep labels off a symbol of ``radius_pt`` points at data point ``(x, y)``."""
        px, py = self.ax.transData.transform((x, y))
        r = radius_pt * self.px_per_pt
        self.obstacles.append((px - r, py - r, px + r, py + r))

    def block(self, artists) -> None:
        """Keep every label off these artists (scale bar, north arrow), whatever its importance."""
        for artist in artists:
            box = artist.get_window_extent(self.renderer)
            self.placed.append((box.x0 - _PAD_PX, box.y0 - _PAD_PX, box.x1 + _PAD_PX, box.y1 + _PAD_PX))

    def _size_px(self, label: Label) -> tuple[float, float]:
        props = self._fonts(family=map_families(), size=label.size, weight=label.weight, style=label.style)
        width, height, _ = self.renderer.get_text_width_height_descent(label.text, props, ismath=False)
        # matplotlib lays a line out at least as tall as "lp" (ascender and descender), whatever its letters
        _, line_height, _ = self.renderer.get_text_width_height_descent("lp", props, ismath=False)
        return width, max(height, line_height)

    def _box(self, px: float, py: float, w: float, h: float, ha: str, va: str) -> tuple[float, float, float, float]:
        x0 = {"left": px, "right": px - w, "center": px - w / 2}[ha]
        y0 = {"bottom": py, "top": py - h, "center": py - h / 2}[va]
        return (x0 - _PAD_PX, y0 - _PAD_PX, x0 + w + _PAD_PX, y0 + h + _PAD_PX)

    def _inside(self, box) -> bool:
        f = self.frame
        return box[0] >= f[0] and box[1] >= f[1] and box[2] <= f[2] and box[3] <= f[3]

    def _free(self, box, *, avoid_obstacles: bool) -> bool:
        if not self._inside(box) or any(_overlaps(box, other) for other in self.placed):
            return False
        return not avoid_obstacles or not any(_overlaps(box, other) for other in self.obstacles)

    def add(self, label: Label) -> bool:
        """Place ``label`` at the first free position; False when none is free (it is left out)."""
        if not label.text:
            return False
        px, py = self.ax.transData.transform((label.x, label.y))
        w, h = self._size_px(label)
        reach = (label.marker_pt + _GAP_PT) * self.px_per_pt
        if label.strict and label.marker_pt and not label.centred:
            r = label.marker_pt * self.px_per_pt  # its marker must not hide under another label
            if any(_overlaps((px - r, py - r, px + r, py + r), other) for other in self.placed):
                return False
        positions = (("center", "center", 0.0, 0.0),) if label.centred else _POSITIONS
        passes = (True,) if label.strict else (True, False)
        for avoid in passes:
            for ha, va, ux, uy in positions:
                dx, dy = ux * reach, uy * reach
                box = self._box(px + dx, py + dy, w, h, ha, va)
                if self._free(box, avoid_obstacles=avoid):
                    self._draw(label, dx, dy, ha, va)
                    self.placed.append(box)
                    return True
        return False

    def _draw(self, label: Label, dx: float, dy: float, ha: str, va: str) -> None:
        from matplotlib import patheffects

        artist = self.ax.annotate(
            label.text, (label.x, label.y), xytext=(dx / self.px_per_pt, dy / self.px_per_pt),
            textcoords="offset points", ha=ha, va=va, fontsize=label.size, fontweight=label.weight,
            fontstyle=label.style, color=label.colour, family=map_families(), zorder=20, gid=LABEL_GID,
            annotation_clip=False, path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
        self.artists.append(artist)
