"""Time to write the briefing deck (situation map, slides, save; optionally the PDF) for 30, 1k and 10k events.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_briefing.py [--sizes 30,1000,10000] [--pdf-up-to 1000] [--json OUT]
                                                     [--pdf-timeout SECONDS]

Events are synthetic but placed only at real places of the bundled curated table (one to
three per claim), with random figures, sides, dates over 300 days, ~200-character quotes
and one of ``n // 2`` reports as their source (fixed seed). Each size runs in this process
after one warm-up deck of 5 events (boundaries read, gazetteer index opened, fonts
loaded), so the figures are the per-deck cost a user pays after start-up. Peak memory is
the process's maximum resident set size at the end of each size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIDES = ["Russian forces", "Ukrainian forces", "North Korean forces", "Civilians"]
CLAIMANTS = ["General Staff of the Armed Forces of Ukraine", "Russian Ministry of Defence",
             "Ukraine's military intelligence (GUR)", "Sumy Oblast military administration",
             "Belgorod Oblast governor (Vyacheslav Gladkov)", "Institute for the Study of War (ISW)"]


def synthetic_events(n: int, seed: int = 11):
    from mapper.model.events import Event, EventLocation

    with gzip.open(REPO / "gazetteer" / "data" / "theatre_places.tsv.gz", "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    rng = random.Random(seed)
    reports = max(1, n // 2)
    events = []
    for i in range(n):
        chosen = rng.sample(rows, rng.choice([1, 1, 1, 2, 3]))
        locs = tuple(EventLocation(r["name_en"], r["name_en"], float(r["lat"]), float(r["lon"]), r["country"],
                                   r["oblast"], r["district"], f"curated:{r['name_en']}", 1, True, "")
                     for r in chosen)
        best = rng.randint(1, 60)
        day = dt.date(2024, 8, 6) + dt.timedelta(days=rng.randint(0, 300))
        doc = f"report-{rng.randrange(reports):05d}"
        quote = f"At least {best} were killed near {locs[0].name}, officials said on Telegram. " * 2
        events.append(Event(event_id=f"ev-{i:06d}", doc_id=doc, event_date=day, event_date_end=day,
                            date_precision=1, killed=best, casualties_low=best, casualties_best=best,
                            casualties_high=best, actor=rng.choice(SIDES), claimed_by=rng.choice(CLAIMANTS),
                            locations=locs, geo_precision=1 if len(locs) == 1 else 2, source_quote=quote,
                            published=day + dt.timedelta(days=1),
                            sources=({"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": doc,
                                      "published": (day + dt.timedelta(days=1)).isoformat(), "quote": quote},)))
    return events


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(n: int, work: Path, index, *, pdf: bool, pdf_timeout: float) -> dict:
    from pptx import Presentation

    from mapper.render.briefing.pdf import convert_to_pdf
    from mapper.exc import OutputError
    from mapper.render.briefing.situation_map import save_situation_map
    from mapper.render.briefing.slides import build_deck
    from mapper.render.briefing.summary import summarise

    events = synthetic_events(n)
    out = work / f"deck-{n}"
    out.mkdir()
    t0 = time.perf_counter()
    summary = summarise(events)
    t1 = time.perf_counter()
    save_situation_map(events, out / "situation_map.png", index=index)
    t2 = time.perf_counter()
    prs = build_deck(events, summary, map_png=out / "situation_map.png", title="Benchmark")
    t3 = time.perf_counter()
    prs.save(str(out / "briefing.pptx"))
    t4 = time.perf_counter()
    row = {"events": n, "slides": len(prs.slides), "summary_s": t1 - t0, "map_s": t2 - t1, "slides_s": t3 - t2,
           "save_s": t4 - t3, "total_s": t4 - t0, "pptx_mb": (out / "briefing.pptx").stat().st_size / 1e6,
           "map_kb": (out / "situation_map.png").stat().st_size / 1e3}
    t5 = time.perf_counter()
    Presentation(str(out / "briefing.pptx"))
    row["reopen_s"] = time.perf_counter() - t5
    row["peak_mb"] = peak_mb()
    print(f"{n:>6} events: {row['slides']:>5} slides, map {row['map_s']:.1f} s, slides {row['slides_s']:.1f} s, "
          f"save {row['save_s']:.1f} s, total {row['total_s']:.1f} s; pptx {row['pptx_mb']:.1f} MB, "
          f"map {row['map_kb']:.0f} kB; reopen {row['reopen_s']:.1f} s; peak {row['peak_mb']:.0f} MB", flush=True)
    if pdf:
        t6 = time.perf_counter()
        try:
            convert_to_pdf(out / "briefing.pptx", timeout=pdf_timeout)
        except OutputError as exc:
            row["pdf_error"] = str(exc)
            print(f"        PDF: {exc}", flush=True)
        else:
            row["pdf_s"] = time.perf_counter() - t6
            row["pdf_mb"] = (out / "briefing.pdf").stat().st_size / 1e6
            print(f"        PDF (LibreOffice): {row['pdf_s']:.1f} s, {row['pdf_mb']:.1f} MB", flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,1000,10000")
    parser.add_argument("--pdf-up-to", type=int, default=1000, help="convert decks of up to this many events")
    parser.add_argument("--pdf-timeout", type=float, default=1800.0, help="seconds LibreOffice may take per deck")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    from gazetteer import Gazetteer
    from mapper.render.briefing import write_briefing

    index = Gazetteer.default().index
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d} UTC, revision {rev.strip()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-briefing-") as tmp:
        work = Path(tmp)
        write_briefing(synthetic_events(5), work / "warm" / "warm.pptx", index=index)  # warm-up
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(run_size(n, work, index, pdf=n <= args.pdf_up_to, pdf_timeout=args.pdf_timeout))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
