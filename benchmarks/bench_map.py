"""Write time, size and browser load time of the offline map for 1k, 10k (and more) events.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_map.py [--sizes 1000,10000,100000] [--no-browser] [--json OUT]

Events are synthetic but placed only at real places of the bundled curated table
(one to three per event), with random figures, actors, dates and ~300-character
quotes, fixed seed. Browser load time is the time for headless Chromium
(Playwright, Debian's chromium, every request blocked) to open the file, run its
scripts and draw two frames.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def synthetic_events(n: int, seed: int = 3):
    from mapper.model.events import Event, EventLocation

    with gzip.open(REPO / "gazetteer" / "data" / "theatre_places.tsv.gz", "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    rng = random.Random(seed)
    actors = ["Russian forces", "Ukrainian forces", "North Korean forces", "Civilians"]
    events = []
    for i in range(n):
        chosen = rng.sample(rows, rng.choice([1, 1, 2, 3]))
        locs = tuple(EventLocation(r["name_en"], r["name_en"], float(r["lat"]), float(r["lon"]), r["country"],
                                   r["oblast"], r["district"], f"curated:{r['code'] or r['name_en']}", 1, True, "")
                     for r in chosen)
        best = rng.randint(1, 60)
        day = dt.date(2024, 8, 6) + dt.timedelta(days=rng.randint(0, 300))
        events.append(Event(event_id=f"ev-{i:06d}", doc_id=f"doc-{i}", event_date=day, event_date_end=day,
                            date_precision=1, killed=best, casualties_low=best, casualties_best=best,
                            casualties_high=best, actor=rng.choice(actors), claimed_by="test claimant",
                            locations=locs, geo_precision=1 if len(locs) == 1 else 2,
                            source_quote=_quote(rng, i, best, [r["name_en"] for r in chosen]),
                            sources=({"doc_id": f"doc-{i}", "url": f"https://example.org/{i}",
                                      "source_name": "example.org"},)))
    return events


_WORDS = ("shelling", "drone", "strike", "assault", "artillery", "village", "officials", "regional", "governor",
          "ministry", "reported", "overnight", "morning", "attack", "positions", "according", "said", "forces")


def _quote(rng: random.Random, i: int, best: int, places: list[str]) -> str:
    """A ~300-character quote unique to each event (so the map cannot share quotes between events)."""
    words = " ".join(rng.choice(_WORDS) for _ in range(34))
    return (f"Report {i}: at least {best} people were killed near {', '.join(places)}, officials said. "
            f"{words.capitalize()}.")[:320]


def browser_load_seconds(path: Path, expected: int) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                   else r.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri(), timeout=120_000)
        # Loaded, scripts run, and two frames drawn (SVG or canvas, depending on the event count).
        page.wait_for_function("typeof window.L !== 'undefined' && !!document.querySelector('.leaflet-container')")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        elapsed = time.perf_counter() - t0
        browser.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    from mapper.render.web.webmap import write_map

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            events = synthetic_events(n)
            path = Path(tmp) / f"map_{n}.html"
            t0 = time.perf_counter()
            result = write_map(events, path, offline=True)
            write_s = time.perf_counter() - t0
            load_s = None if args.no_browser else browser_load_seconds(path, n)
            row = {"events": n, "write_seconds": round(write_s, 2), "megabytes": round(result.bytes / 1e6, 1),
                   "browser_load_seconds": None if load_s is None else round(load_s, 2)}
            results.append(row)
            print(row, flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    from mapper._internal.gc_pause import young_collections_only

    with young_collections_only():  # the collector as the conflictmap command sets it at its entry
        raise SystemExit(main())
