"""Every benchmark in one command, each in its own interpreter, figures collected in one JSON file.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/run_all.py [--full] [--only extract,map] [--json results.json]

Without ``--full`` each benchmark runs at a size that finishes in minutes (the sizes are
below); ``--full`` uses the sizes the issues set (10k reports, 100k map events, 1M exported
events, 100k reports on Dask, 100k+ property inputs) and takes about an hour on 2 cores.
Each script prints its own table and writes its figures as JSON; this runner stores them all
under the benchmark's name, with the machine, and says which failed. Run it on an idle
machine: the figures are wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: name -> (script, quick arguments, full arguments)
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "gazetteer": ("bench_gazetteer.py", ["--quick"], []),
    "extract": ("bench_extract.py", ["--reports", "2000"], ["--reports", "10000"]),
    "map": ("bench_map.py", ["--sizes", "1000,10000"], ["--sizes", "1000,10000,100000"]),
    "export": ("bench_export.py", ["--events", "100000", "--others", "10000", "--repeat", "1"], []),
    "briefing": ("bench_briefing.py", ["--sizes", "30,1000", "--pdf-up-to", "30"], []),
    "scaleout": ("bench_scaleout.py", ["--reports", "5000", "--repeats", "1"], []),
    "peers": ("bench_peers.py", ["--reports", "200", "--rounds", "1"], []),
    "properties": ("bench_properties.py", ["--scale", "1"], []),
    "accuracy": ("bench_accuracy.py", [], []),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the sizes the issues set (about an hour)")
    parser.add_argument("--only", default=None, help="comma-separated names: " + ", ".join(BENCHMARKS))
    parser.add_argument("--json", default="benchmark_results.json")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    results: dict = {"machine": {"processor": platform.processor() or platform.machine(), "cores": os.cpu_count(),
                                 "python": platform.python_version(), "system": platform.platform()},
                     "mode": "full" if args.full else "quick", "benchmarks": {}}
    failed = []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent),
                                                                     os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            script, quick, full = BENCHMARKS[name]
            out = Path(tmp) / f"{name}.json"
            command = [sys.executable, str(HERE / script), *(full if args.full else quick), "--json", str(out)]
            print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
            t0 = time.perf_counter()
            proc = subprocess.run(command, cwd=HERE.parent, env=env)
            entry = {"seconds": round(time.perf_counter() - t0, 1), "exit_code": proc.returncode}
            if out.exists():
                entry["figures"] = json.loads(out.read_text(encoding="utf-8"))
            if proc.returncode != 0:
                failed.append(name)
            results["benchmarks"][name] = entry
    Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwrote {args.json}; " + (f"failed: {', '.join(failed)}" if failed else "all benchmarks ran"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
