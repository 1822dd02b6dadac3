"""Run the property tests of ``tests/test_properties.py`` at scale and time them.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_properties.py [--scale 15] [--json OUT]

``--scale`` multiplies every test's example count (``CONFLICTMAP_PROPERTY_SCALE``); the default
gives just over 100,000 generated inputs. Each test runs in this process, one after the other,
and the examples it really ran are counted (Hypothesis stops early when it has tried every
value of a small input space). The gazetteer index is built first, untimed, in a temporary
cache directory unless ``CONFLICTMAP_CACHE_DIR`` is set. Any failing property stops the run
with Hypothesis' minimal failing example.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def load_property_tests(scale: float):
    """The test module, imported with the given scale."""
    os.environ["CONFLICTMAP_PROPERTY_SCALE"] = str(scale)
    spec = importlib.util.spec_from_file_location("test_properties", REPO / "tests" / "test_properties.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=17.0, help="multiply every example count (default 17)")
    parser.add_argument("--json", default=None, metavar="OUT", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if not os.environ.get("CONFLICTMAP_CACHE_DIR"):
        os.environ["CONFLICTMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="conflictmap-bench-properties-")

    from gazetteer import Gazetteer

    started = time.perf_counter()
    Gazetteer.default()
    build_seconds = time.perf_counter() - started
    module = load_property_tests(args.scale)
    tests = [(name, fn) for name, fn in vars(module).items() if name.startswith("test_") and hasattr(fn, "hypothesis")]
    rows = []
    print(f"{'property test':<76} {'inputs':>8} {'seconds':>8} {'per s':>8}")
    for name, fn in tests:
        before = module.RUNS[name]
        t0 = time.perf_counter()
        fn()
        seconds = time.perf_counter() - t0
        n = module.RUNS[name] - before
        rows.append({"test": name, "inputs": n, "seconds": round(seconds, 2)})
        print(f"{name:<76} {n:>8,} {seconds:>8.1f} {n / seconds:>8,.0f}", flush=True)
    total = sum(r["inputs"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    print(f"{'total':<76} {total:>8,} {seconds:>8.1f} {total / seconds:>8,.0f}")
    print(f"(gazetteer index opened or built before the run, not counted: {build_seconds:.1f} s)")
    revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True).stdout.strip()
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "revision": revision,
              "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
              "scale": args.scale, "total_inputs": total, "total_seconds": round(seconds, 1), "tests": rows}
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
