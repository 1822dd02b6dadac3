"""Event store growth: add 1,000 events to a store of 1,000,000 (goal, issue 18: at most 30 s on one core).

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_store.py [--stored 1000000] [--add 1000] [--old 100000] [--json OUT]

The store is realistic: events spread over two years and over the theatre's places (every
settlement of the bundled gazetteer inside the Kursk–Belgorod–Sumy–Kharkiv box, with their real
ids, so the ``places`` layer is read from the gazetteer), one to three places each, figures, a
side, a date span, a ~300-character quote and one source, few of them the same claim (fixed
seed). It is built by adding them all to a new store, which writes it in one go with the
GeoPackage writer of ``export`` (timed, but not the goal). The 1,000 events added are 900 new
claims and 100 second reports of stored ones (other outlet, other document), which merge.

``--old N`` also times the code before the store looked its partners up by index (the store
module at revision ``190044c``, which read and merged the whole store on every add) on a store of
N events, and checks that both leave the same events (it takes minutes per add at a million events: the issue reports more than 13 minutes for
10 events). The process is pinned to one core. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_export import ACTORS, machine, theatre_places  # noqa: E402

OLD_REVISION = "190044c"
DAYS = 730


def store_events(n: int, places, seed: int, tag: str) -> list:
    """``n`` claims over two years and the theatre's places; figures spread enough that few merge."""
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
        killed = rng.randint(0, 400)
        wounded = rng.randint(0, 600)  # two figures: two claims of one place and week rarely agree on both
        best = killed + (wounded or 0)
        day = start + dt.timedelta(days=rng.randrange(DAYS))
        end = day + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        actor = rng.choice(ACTORS)
        doc = f"{tag}-doc-{i:07d}"
        text = quote.format(n=best, actor=actor, place=chosen[0].name)
        events.append(Event(
            event_id=f"{tag}-{i:07d}", doc_id=doc, event_date=day, event_date_end=end,
            date_precision=1 if end == day else 2, date_text="on Sunday", killed=killed, wounded=wounded,
            casualties_low=best, casualties_best=best, casualties_high=best, approximate=True,
            qualifier="At least", actor=actor, claimed_by="the regional governor", locations=chosen,
            geo_precision=1 if len(chosen) == 1 else 2, source_url=f"https://example.org/{tag}/{i}",
            source_name="example.org", published=end, source_quote=text, quote_start=0, quote_end=len(text),
            sources=({"doc_id": doc, "url": f"https://example.org/{tag}/{i}", "source_name": "example.org",
                      "published": end.isoformat(), "quote": text},)))
    return events


def new_batch(stored: list, n: int, places, seed: int) -> list:
    """``n`` events: 90 % new claims, 10 % second reports of stored claims (which merge with them)."""
    rng = random.Random(seed)
    repeats = n // 10
    batch = store_events(n - repeats, places, seed, "new")
    for k, ev in enumerate(rng.sample(stored, repeats)):
        doc = f"wire-{k}"
        src = {"doc_id": doc, "url": f"https://wire.example.net/{k}", "source_name": "wire.example.net",
               "published": ev.event_date.isoformat(), "quote": f"Wire {k}: {ev.source_quote}"}
        batch.append(ev.with_updates(event_id=f"wire-{k:07d}", doc_id=doc, source_quote=src["quote"],
                                     source_name="wire.example.net", sources=(src,)))
    rng.shuffle(batch)
    return batch


def old_store_module():
    """The store module as it was before index look-ups (read from git), importable beside the new one."""
    source = subprocess.run(["git", "show", f"{OLD_REVISION}:mapper/render/export/store.py"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory(prefix="old-store-") as folder:
        path = Path(folder) / "old_store.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("old_store", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["old_store"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def run(stored_n: int, add_n: int, index, places, folder: Path, *, old: bool) -> dict:
    from mapper.render.export.store import add_to_store

    stored = store_events(stored_n, places, seed=5, tag="ev")
    path = folder / f"store-{stored_n}.gpkg"
    batch = new_batch(stored, add_n, places, seed=9)
    build, _, created = timed(partial(add_to_store, path, stored, index=index))
    del stored
    row = {"stored": stored_n, "added": add_n, "build_seconds": round(build, 2), "build": created.__dict__,
           "file_mb": round(path.stat().st_size / 1e6, 1)}
    if old:
        copy = folder / "old-copy.gpkg"
        shutil.copy(path, copy)
        module = old_store_module()
        wall, cpu, update = timed(lambda: module.add_to_store(copy, batch, index=index))
        row["old"] = {"seconds": round(wall, 2), "cpu": round(cpu, 2), "update": update.__dict__}
    wall, cpu, update = timed(lambda: add_to_store(path, batch, index=index))
    row["new"] = {"seconds": round(wall, 2), "cpu": round(cpu, 2), "update": update.__dict__}
    if old:  # both give the same store
        from mapper.render.export.store import EventStore

        row["same_events_as_old"] = EventStore(path, index=None).events() == EventStore(copy, index=None).events()
        copy.unlink()
    path.unlink()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--add", type=int, default=1000)
    parser.add_argument("--old", type=int, nargs="*", default=[100_000],
                        help="store sizes at which the earlier code is timed too")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    if not os.environ.get("CONFLICTMAP_CACHE_DIR"):  # the gazetteer index is built in a folder of its own
        os.environ["CONFLICTMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-store-cache-")
    from gazetteer import PlaceIndex

    index = PlaceIndex.open_default()
    places = theatre_places(index)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        for n in sorted(set(args.stored) | set(args.old)):
            row = run(n, args.add, index, places, Path(tmp), old=n in args.old)
            rows.append(row)
            print(json.dumps(row), flush=True)
    report = {"machine": machine(), "places": len(places), "rows": rows}
    print(f"{'stored':>10} {'build':>9} {'file':>9} {'add (new)':>10} {'add (old)':>10}")
    for row in rows:
        old = f"{row['old']['seconds']:.2f} s" if "old" in row else "-"
        print(f"{row['stored']:>10,} {row['build_seconds']:>7.1f} s {row['file_mb']:>6.0f} MB "
              f"{row['new']['seconds']:>8.2f} s {old:>10}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
