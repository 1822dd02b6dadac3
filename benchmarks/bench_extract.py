"""Throughput of the whole extraction pipeline on a generated corpus of ~4 KB reports.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_extract.py [--reports 10000] [--json OUT]

Reports are generated with a fixed seed from templates in the styles of the test
corpus (wire story, ministry statement, Telegram post in Russian/Ukrainian),
filled with real place names of the bundled curated table, casualty figures in
digits and words, dates, and filler paragraphs, to about 4 KB each. The timed
loop is what ``conflictmap extract`` does: documents in, events out, merged.
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gazetteer import pin_to_one_core  # noqa: E402

FILLER = (
    "Analysts said the fighting along the border had intensified in recent days, with both sides "
    "trading artillery fire and drone strikes. Officials did not give further details about the units "
    "involved, and the claims could not be independently verified. The ministry added that air defence "
    "units had been placed on alert and that residents should follow the instructions of local authorities. "
)
TEMPLATES = [
    "{place_a}, {date_words} (Wire) - {num} {side} soldiers were killed and {num2} wounded in fighting near "
    "{place_a} and {place_b} in the {oblast} region, {claimant} said on Monday.",
    "The General Staff reported that over the weekend {side} forces lost about {num} servicemen killed or "
    "wounded during assaults near the villages of {place_a}, {place_b} and {place_c}.",
    "Губернатор сообщил, что в результате обстрела {place_ru_loc} погибли {num} мирных жителей, ещё {num2} "
    "ранены. Удар был нанесён в субботу.",
    "According to Ukraine's military intelligence, at least {num} North Korean soldiers were killed near "
    "{place_a} last week, while {num2} more are missing.",
    "Officials said a strike on {place_a} killed between {num} and {num3} civilians overnight.",
]
SIDES = ["Russian", "Ukrainian", "North Korean"]
CLAIMANTS = ["Russia's Defence Ministry", "the General Staff of Ukraine", "governor Vyacheslav Gladkov", "the ISW"]


def load_places() -> list[dict]:
    path = REPO / "gazetteer" / "data" / "theatre_places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    return [r for r in rows if r["name_en"] and r["name_ru"]]


def generate(n: int, seed: int = 7) -> list:
    from mapper.ingest.documents import Document

    rng = random.Random(seed)
    places = load_places()
    start = dt.date(2024, 8, 6)
    docs = []
    for i in range(n):
        a, b, c = rng.sample(places, 3)
        num = rng.randint(2, 60)
        fields = dict(
            place_a=a["name_en"].split(" (")[0], place_b=b["name_en"].split(" (")[0],
            place_c=c["name_en"].split(" (")[0], place_ru_loc="в " + a["name_ru"],
            oblast=a["oblast"], date_words=f"Dec {rng.randint(1, 28)}", num=num, num2=rng.randint(1, 30),
            num3=num + rng.randint(2, 10), side=rng.choice(SIDES), claimant=rng.choice(CLAIMANTS),
        )
        paragraphs = [rng.choice(TEMPLATES).format(**fields)]
        while sum(len(p) for p in paragraphs) < 3900:
            paragraphs.append(FILLER if rng.random() < 0.7 else rng.choice(TEMPLATES).format(**fields))
        rng.shuffle(paragraphs[1:])
        docs.append(Document(id=f"gen-{i}", text="\n\n".join(paragraphs),
                             published=start + dt.timedelta(days=rng.randint(0, 200))))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    os.environ.setdefault("CONFLICTMAP_CACHE_DIR", tempfile.mkdtemp(prefix="cm-bench-"))
    pinned = pin_to_one_core()
    from mapper.extract.extractor import Extractor, extract_events
    from mapper.assemble.merge import merge_events
    from mapper._internal.gc_pause import young_collections_only

    docs = generate(args.reports)
    size_kb = sum(len(d.text.encode("utf-8")) for d in docs) / len(docs) / 1024
    Extractor().extract(docs[0])  # builds or opens the index, the automaton and the analysers (once per process)
    with young_collections_only():  # as `conflictmap` sets the collector at its entry (mapper.cli.main)
        t0 = time.perf_counter()
        events = extract_events(docs, merge=False)  # what `conflictmap extract` runs, its merge timed apart
        t_extract = time.perf_counter() - t0
        t1 = time.perf_counter()
        merged = merge_events(events)
        t_merge = time.perf_counter() - t1
    t2 = time.perf_counter()
    gc.collect()  # the full collection extraction and merge put off (see mapper._internal.gc_pause) is counted too
    t_gc = time.perf_counter() - t2
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "date": dt.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
        "python": platform.python_version(), "pinning": pinned, "reports": len(docs),
        "mean_report_kb": round(size_kb, 2), "events": len(events), "events_after_merge": len(merged),
        "extract_seconds": round(t_extract, 2), "merge_seconds": round(t_merge, 2),
        "final_gc_seconds": round(t_gc, 2),
        "reports_per_second": round(len(docs) / (t_extract + t_merge + t_gc), 1), "peak_rss_mb": round(peak_mb, 1),
    }
    for key, value in result.items():
        print(f"{key:22} {value}")
    print("goal >= 500 reports/s:", "MET" if result["reports_per_second"] >= 500 else "NOT MET")
    print("goal < 1 GB memory:  ", "MET" if peak_mb < 1024 else "NOT MET")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
