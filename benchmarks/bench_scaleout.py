"""Scale-out: the whole pipeline on 1 and 2 Dask workers over a 100,000-report corpus.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_scaleout.py [--reports 100000] [--workers 1,2] [--repeats 2] [--json OUT]
    PYTHONPATH=. python benchmarks/bench_scaleout.py --reports 4000 --repeats 1       # a quick run

The corpus is ``bench_extract.generate`` (fixed seed, ~4 KB reports in wire, ministry
and Telegram styles), written as JSON-lines files of 1,000 reports (``{"id", "text",
"published"}``) to a temporary folder, the way a scraper's output arrives. Each run
is ``mapper.engines.runner.extract_inputs(folder, engine="dask", client=...)`` on a fresh
``LocalCluster`` of N single-threaded worker processes: reading, geoparsing and
extraction on the workers, gathering and merging on the client. Runs alternate
(1, 2, 1, 2 …) so that load from other users of the machine falls on both.

Reported per run: cluster start (processes up, gazetteer opened in every worker; not
counted in throughput) and the parallel phase (read + geoparse + extract on the workers,
gather on the client) with the CPU seconds the workers used and the share of their
cores they got (below 1.0 when other work competes for the cores). The duplicate merge
runs on the client on one core and does the same work whatever the number of workers,
so it runs once, after all runs (every run must give the same events; the script
checks it). Speed-up: the ratio of the parallel phase's reports/s (median over repeats)
of 2 workers to 1 worker; end to end (parallel phase + merge) beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

REPORTS_PER_FILE = 250


def write_corpus(folder: Path, n: int) -> int:
    """``n`` generated reports as JSON-lines files of REPORTS_PER_FILE; returns the bytes written."""
    from bench_extract import generate

    docs = generate(n)
    total = 0
    for start in range(0, n, REPORTS_PER_FILE):
        lines = [json.dumps({"id": d.id, "text": d.text, "published": d.published.isoformat()},
                            ensure_ascii=False) + "\n" for d in docs[start:start + REPORTS_PER_FILE]]
        path = folder / f"reports_{start // REPORTS_PER_FILE:04d}.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        total += path.stat().st_size
    return total


def one_run(folder: Path, workers: int) -> tuple[dict, list]:
    """The parallel phase on a fresh cluster of ``workers`` processes: figures and unmerged events."""
    from distributed import Client, LocalCluster

    from mapper.engines.runner import extract_inputs, prepare_workers

    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as client:
        prepare_workers(client)            # what extract_inputs does first; timed here as start-up
        cpu_before = client.run(time.process_time)
        client_cpu = time.process_time()
        t1 = time.perf_counter()
        errors: list = []
        events = extract_inputs([folder], engine="dask", client=client, errors=errors, merge=False)
        t2 = time.perf_counter()
        client_cpu = time.process_time() - client_cpu
        cpu_after = client.run(time.process_time)
    assert not errors, errors
    worker_cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
    return {"workers": workers, "cluster_start_s": round(t1 - t0, 2), "parallel_s": round(t2 - t1, 2),
            "worker_cpu_s": round(worker_cpu, 2), "client_cpu_s": round(client_cpu, 2),
            # the share of their cores the workers got: 1.0 on an idle machine, less when others compete
            "worker_cpu_share": round(worker_cpu / ((t2 - t1) * workers), 2), "events": len(events),
            "load_avg_1min_before": round(load_before, 2), "load_avg_1min_after": round(os.getloadavg()[0], 2),
            }, events


def machine() -> dict:
    def run(*cmd: str) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    model = next((line.split(":", 1)[1].strip() for line in run("lscpu").splitlines()
                  if line.startswith("Model name")), platform.processor())
    return {"cpu": model, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(os.sysconf("SC_PAGE_SIZE")
                                                                     * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "git_revision": run("git", "-C", str(REPO), "rev-parse", "--short", "HEAD")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    os.environ.setdefault("CONFLICTMAP_CACHE_DIR", tempfile.mkdtemp(prefix="cm-bench-"))
    from gazetteer import PlaceIndex

    PlaceIndex.open_default().close()                      # build the index once, before any cluster
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="cm-scaleout-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        size = write_corpus(folder, args.reports)
        print(f"corpus: {args.reports:,} reports, {size / 1e6:.0f} MB in {len(list(folder.iterdir()))} "
              f"JSON-lines files, generated in {time.perf_counter() - t:.0f} s", flush=True)
        runs, kept, fingerprints = [], None, set()
        for repeat in range(args.repeats):
            for workers in counts:
                run, events = one_run(folder, workers)
                run["repeat"] = repeat + 1
                runs.append(run)
                fingerprints.add(hash(tuple(e.event_id for e in events)))
                kept = kept or events
                print(f"  {workers} worker(s), run {repeat + 1}: start {run['cluster_start_s']} s, "
                      f"{args.reports / run['parallel_s']:.1f} reports/s ({run['parallel_s']} s; worker CPU share "
                      f"{run['worker_cpu_share']}; load {run['load_avg_1min_before']} -> "
                      f"{run['load_avg_1min_after']})", flush=True)
                del events
    from mapper.assemble.merge import merge_events

    t = time.perf_counter()
    merged = merge_events(kept)
    merge_s = time.perf_counter() - t
    print(f"  merge on the client (once; the same events every run): {merge_s:.1f} s, "
          f"{len(kept):,} -> {len(merged):,} events", flush=True)
    summary = {}
    for workers in counts:
        mine = [r for r in runs if r["workers"] == workers]
        parallel = statistics.median(r["parallel_s"] for r in mine)
        summary[workers] = {
            "parallel_reports_per_s": round(args.reports / parallel, 1),
            "best_parallel_reports_per_s": round(args.reports / min(r["parallel_s"] for r in mine), 1),
            "end_to_end_reports_per_s": round(args.reports / (parallel + merge_s), 1),
            "reports_per_worker_cpu_s": round(args.reports / statistics.median(r["worker_cpu_s"] for r in mine), 1),
            "median_worker_cpu_share": statistics.median(r["worker_cpu_share"] for r in mine),
        }
    result = {"date": dt.date.today().isoformat(), "machine": machine(), "reports": args.reports,
              "mean_report_kb": round(size / args.reports / 1024, 2), "runs": runs, "merge_s": round(merge_s, 2),
              "events": len(kept), "events_after_merge": len(merged), "summary": summary,
              "identical_events_every_run": len(fingerprints) == 1}
    print(json.dumps(result["machine"]))
    for workers, figures in summary.items():
        print(f"{workers} worker(s): {figures}")
    if len(counts) >= 2:
        lo, hi = summary[counts[0]], summary[counts[-1]]
        for key in ("parallel_reports_per_s", "best_parallel_reports_per_s", "end_to_end_reports_per_s",
                    "reports_per_worker_cpu_s"):
            result[f"ratio_{key}"] = round(hi[key] / lo[key], 2)
            print(f"{counts[-1]} vs {counts[0]} workers, {key}: {hi[key] / lo[key]:.2f}x")
        verdict = "MET" if result["ratio_parallel_reports_per_s"] >= 1.7 else "NOT MET"
        print(f"goal >= 1.7x (parallel phase, median runs): {verdict}")
    print("identical events in every run:", result["identical_events_every_run"])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    logging.getLogger("distributed").setLevel(logging.ERROR)
    raise SystemExit(main())
