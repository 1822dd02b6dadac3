"""Point and MultiPoint geometries as ISO WKB, built in bulk with numpy into a pyarrow array.

A million events would mean a million shapely objects just to be serialised
again; the bytes are simple enough to lay down directly (OGC 06-103r4 §8:
byte order 1 = little endian, type 1 = Point, 4 = MultiPoint)::

    >>> import shapely
    >>> arr = point_sets_wkb([35.33, 35.36639, 36.0], [51.10, 51.23889, 51.0], [2, 0, 1])
    >>> [None if b is None else shapely.from_wkb(b).wkt for b in arr.to_pylist()]
    ['MULTIPOINT ((35.33 51.1), (35.36639 51.23889))', None, 'MULTIPOINT ((36 51))']
    >>> shapely.from_wkb(point_sets_wkb([36.0], [51.0], [1], single_as_point=True)[0].as_py()).wkt
    'POINT (36 51)'

Rows with the same number of points have the same size, so each such group is
one 2-D byte array filled column-wise; the groups are concatenated and put back
in row order with one Arrow ``take``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

__all__ = ["point_sets_wkb", "POINT_RECORD", "HEADER_RECORD"]

#: One WKB Point: byte order, type, x, y (21 bytes, packed).
POINT_RECORD = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
#: A WKB MultiPoint header: byte order, type, number of points (9 bytes, packed).
HEADER_RECORD = np.dtype([("order", "u1"), ("type", "<u4"), ("count", "<u4")])


def point_sets_wkb(xs: Sequence[float], ys: Sequence[float], counts: Sequence[int], *,
                   single_as_point: bool = False) -> pa.BinaryArray:
    """WKB of one point set per row: row ``i`` takes the next ``counts[i]`` coordinates.

    A row with no points is null. Rows with several points are MultiPoints; a row
    with one point is a MultiPoint of one point, or a Point if ``single_as_point``.
    """
    xs = np.asarray(xs, dtype="<f8")
    counts = np.asarray(counts, dtype=np.int64)
    n = len(counts)
    points = np.empty(len(xs), dtype=POINT_RECORD)
    points["order"], points["type"], points["x"], points["y"] = 1, 1, xs, np.asarray(ys, dtype="<f8")
    point_bytes = points.view(np.uint8).reshape(-1, POINT_RECORD.itemsize)
    first = np.zeros(n, dtype=np.int64)
    np.cumsum(counts[:-1], out=first[1:]) if n > 1 else None

    order = np.argsort(counts, kind="stable")  # rows grouped by size; empty (null) rows first
    sizes = np.unique(counts)
    chunks, lengths = [], np.zeros(n, dtype=np.int64)
    for size in sizes.tolist():
        rows = np.flatnonzero(counts == size)
        if size == 0:
            continue
        header = 0 if (single_as_point and size == 1) else HEADER_RECORD.itemsize
        record = np.empty((len(rows), header + POINT_RECORD.itemsize * size), dtype=np.uint8)
        if header:
            head = np.empty(len(rows), dtype=HEADER_RECORD)
            head["order"], head["type"], head["count"] = 1, 4, size
            record[:, :header] = head.view(np.uint8).reshape(-1, header)
        take = (first[rows][:, None] + np.arange(size)).ravel()
        record[:, header:] = point_bytes[take].reshape(len(rows), -1)
        chunks.append(record.ravel())
        lengths[rows] = record.shape[1]
    grouped_lengths = lengths[order]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(grouped_lengths, out=offsets[1:])
    data = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.uint8)
    validity = pa.array(counts[order] > 0).buffers()[1]
    nulls = int((counts == 0).sum())
    big = offsets[-1] >= 2**31  # over 2 GB of geometry: 64-bit offsets
    grouped = pa.Array.from_buffers(pa.large_binary() if big else pa.binary(), n,
                                    [validity, pa.py_buffer(offsets if big else offsets.astype(np.int32)),
                                     pa.py_buffer(data)], null_count=nulls)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.arange(n)
    return grouped.take(pa.array(inverse))
