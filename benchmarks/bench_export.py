"""Export speed: 1M events to GeoPackage and GeoParquet, 100k to the other formats.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_export.py [--events 1000000] [--others 100000] [--repeat 2] [--json OUT]

Events are synthetic but placed only at real places of the bundled gazetteer:
every settlement of the offline index inside the Kursk–Belgorod–Sumy–Kharkiv
box (GeoNames, curated and OpenStreetMap rows, with their real ids, so the
``places`` layer is filled from the gazetteer). Each event names one to three
of them and carries figures, an actor, a date span, a ~300-character quote and
one source record (fixed seed). Nothing is written outside a temporary folder.

Every figure is the whole ``write(events, path)`` call (building the tables
included), run ``--repeat`` times: the first run in the process pays for fresh
memory pages, the best one is reported with its CPU time. ``tables`` is the
shared first step alone; ``gpkg*`` and ``parquet*`` are the writers given tables built
beforehand (as :func:`mapper.render.export.export_events` shares one build between formats).
``gpkg>parquet`` is the columnar path: the events GeoPackage written by ``gpkg`` (untimed here)
converted to GeoParquet with :func:`mapper.render.export.gpkg_parquet.geopackage_to_geoparquet`, as
``conflictmap export store.gpkg --to parquet`` does, without Python ``Event`` objects.
``gpkg>events`` reads the events of that GeoPackage back as ``Event`` objects (``read_events_gpkg``,
what ``export``, ``map`` and ``brief`` do with an events GeoPackage or the event store).

Goals (issue 5): 1M events -> GeoPackage in at most 15 s, -> GeoParquet in at most 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: south, west, north, east of the box places are drawn from (the border theatre and its hinterland).
THEATRE_BOX = (50.0, 33.0, 52.5, 39.0)
ACTORS = ("Russian forces", "Ukrainian forces", "North Korean forces", "Civilians")


def theatre_places(index):
    places = index.within(*THEATRE_BOX)
    if not places:
        raise SystemExit("no gazetteer places in the theatre box: is the index built?")
    return places


def synthetic_events(n: int, places, seed: int = 5) -> list:
    from mapper.model.events import Event, EventLocation

    rng = random.Random(seed)
    locs = [EventLocation(p.name, p.name, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2, p.id,
                          1, True, "") for p in places]
    quote = ("At least {n} {actor} were killed or wounded near {place}, the regional governor said on "
             "Telegram; the claim could not be verified independently. Officials gave no further details "
             "about the shelling, which hit several houses and a school overnight, local media reported.")
    start = dt.date(2024, 8, 6)
    events = []
    for i in range(n):
        chosen = tuple(rng.sample(locs, rng.choice((1, 1, 1, 2, 3))))
        killed = rng.randint(0, 40)
        wounded = rng.choice((None, rng.randint(0, 60)))
        best = killed + (wounded or 0)
        day = start + dt.timedelta(days=rng.randint(0, 400))
        end = day + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        actor = rng.choice(ACTORS)
        doc = f"doc-{i:07d}"
        text = quote.format(n=best, actor=actor, place=chosen[0].name)
        events.append(Event(
            event_id=f"ev-{i:07d}", doc_id=doc, event_date=day, event_date_end=end,
            date_precision=1 if end == day else 2, date_text="on Sunday", killed=killed, wounded=wounded,
            casualties_low=best, casualties_best=best, casualties_high=best, approximate=True,
            qualifier="At least", actor=actor, claimed_by="the regional governor", locations=chosen,
            geo_precision=1 if len(chosen) == 1 else 2, source_url=f"https://example.org/{i}",
            source_name="example.org", published=end, source_quote=text, quote_start=0, quote_end=len(text),
            sources=({"doc_id": doc, "url": f"https://example.org/{i}", "source_name": "example.org",
                      "published": end.isoformat(), "quote": text},)))
    return events


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def measured(fn, repeat: int) -> dict:
    """Wall and CPU seconds of ``repeat`` runs: the first (fresh memory) and the best."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    best = min(runs)
    return {"first": runs[0][0], "best": best[0], "best_cpu": best[1], "runs": len(runs)}


def calibration_seconds() -> float:
    """Seconds for a bare Python loop of 10 million additions: how fast this CPU is for us right now
    (about 0.4 s on an idle modern core; a shared or busy machine shows here first)."""
    t0 = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - t0


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True).stdout.strip()
    except OSError:
        rev = ""
    import pyarrow
    import pyogrio

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "gdal": pyogrio.__gdal_version_string__,
            "pyogrio": pyogrio.__version__, "pyarrow": pyarrow.__version__, "revision": rev,
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average": os.getloadavg(), "loop_10M_seconds": round(calibration_seconds(), 2)}


def main(argv=None) -> int:
    from gazetteer import PlaceIndex
    from mapper.render.export import EXPORTERS
    from mapper.render.export.gpkg import write_tables
    from mapper.render.export.gpkg_read import read_events_gpkg
    from mapper.render.export.gpkg_parquet import geopackage_to_geoparquet
    from mapper.render.export.tables import event_tables

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="events for GeoPackage and GeoParquet")
    ap.add_argument("--others", type=int, default=100_000, help="events for the other formats")
    ap.add_argument("--repeat", type=int, default=2, help="runs per figure; the first touches fresh memory")
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args(argv)

    index = PlaceIndex.open_default()
    places = theatre_places(index)
    figures: dict = {"machine": machine(), "places": len(places), "results": []}
    print(json.dumps(figures["machine"]), flush=True)
    print(f"{len(places)} real places; generating {args.events:,} events ...", flush=True)
    gc.disable()  # a million events are a lot of objects: no cyclic collection while building or exporting
    gen_s, events = timed(lambda: synthetic_events(args.events, places))
    gc.freeze()
    print(f"generated in {gen_s:.1f} s", flush=True)
    print(f"{'events':>9}  {'step':<12}  {'first':>7}  {'best':>7}  {'best CPU':>8}  {'size':>9}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        tmp = Path(tmp)
        for size, formats in ((args.events, ("gpkg", "parquet")),
                              (args.others, ("gpkg", "parquet", "fgb", "geojson", "csv", "kml", "shp"))):
            subset = events[:size]
            steps = [("tables", lambda subset=subset: event_tables(subset, index=index).layers(), None)]
            steps += [(fmt, lambda fmt=fmt, subset=subset, size=size: EXPORTERS[fmt].write(
                subset, tmp / f"events-{size}{EXPORTERS[fmt].suffix}", index=index), fmt) for fmt in formats]
            steps += [("prepare", None, None)]  # tables built once, untimed, as export_events shares them
            # `prepared` is read when the step runs: the "prepare" step above sets it first.
            steps += [(f"{fmt}*", lambda fmt=fmt, subset=subset, size=size: EXPORTERS[fmt].write(
                subset, tmp / f"events-{size}{EXPORTERS[fmt].suffix}", tables=prepared), fmt)  # noqa: B023
                for fmt in ("gpkg", "parquet")]
            source = tmp / f"source-{size}.gpkg"  # the events GeoPackage the columnar path starts from
            steps += [("gpkg>parquet", lambda source=source, size=size: geopackage_to_geoparquet(
                source, tmp / f"events-{size}.parquet"), "parquet")]
            steps += [("gpkg>events", lambda source=source: len(read_events_gpkg(source)), None)]
            for label, fn, fmt in steps:
                if fn is None:
                    prepared = event_tables(subset, index=index)
                    prepared.layers()
                    write_tables(prepared, source)
                    continue
                row = measured(fn, args.repeat)
                files = list(tmp.glob(f"events-{size}.*"))
                row.update(events=size, step=label, mb=sum(p.stat().st_size for p in files) / 1e6 if fmt else None)
                figures["results"].append(row)
                size_text = f"{row['mb']:7.1f} MB" if fmt else ""
                print(f"{size:>9,}  {label:<12}  {row['first']:6.2f}s  {row['best']:6.2f}s  {row['best_cpu']:7.2f}s  "
                      f"{size_text}", flush=True)
                for p in files:
                    p.unlink()
            prepared = None
            source.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    from mapper._internal.gc_pause import young_collections_only

    with young_collections_only():  # the collector as the conflictmap command sets it at its entry
        raise SystemExit(main())
