"""Benchmark the offline gazetteer: index build, CLI cold start, warm resolution throughput.

Run from the repository root (nothing is written outside a temporary directory)::

    PYTHONPATH=. python benchmarks/bench_gazetteer.py            # full run, a few minutes
    PYTHONPATH=. python benchmarks/bench_gazetteer.py --quick    # fewer repeats, ~1 minute
    PYTHONPATH=. python benchmarks/bench_gazetteer.py --json bench.json

It measures

1. building a fresh index from the bundled data (``PlaceIndex.open(path, rebuild=True)``),
   each build in a fresh interpreter;
2. the cold start of ``python -m mapper geocode Pliekhovo --format json`` against a
   prebuilt index, next to the bare interpreter start (``python -c pass``);
3. in-process ``Gazetteer.resolve`` throughput on one core over a Zipf-distributed
   workload of 200k names (warm caches, without and with a context string) and over
   20k distinct names with the per-name caches emptied. The target is >= 50,000 names/s warm.

The process is pinned to CPU 0 when the OS allows it (subprocesses inherit the pin).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.index import INDEX_FILE_NAME, PlaceIndex  # noqa: E402

TARGET_NAMES_PER_S = 50_000
CONTEXT = "in Russia's Kursk region"
SEED = 20261124
VARIANTS = [
    "Plekhovo", "Plyokhovo", "Pliekhovo", "Plehovo", "Plëkhovo", "Плёхово", "Плехово", "в Плёхове",
    "під Суджею", "у Ворожбі", "Sudzha", "Suja", "Суджа", "Korenevo", "Коренево", "L'gov", "Lgov",
    "Льгов", "Vorozhba", "Ворожба", "Martynovka", "Sumy", "Суми", "Kursk", "Курск", "Belgorod",
    "Kharkiv", "Kharkov", "Харків", "Glushkovo", "Tyotkino", "Tetkino", "Rylsk", "Ryl'sk",
    "Bolshoye Soldatskoye", "Большое Солдатское", "из Большого Солдатского", "Kupiansk", "Kupyansk",
]


def pin_to_one_core() -> str:
    try:
        os.sched_setaffinity(0, {0})
        return "pinned to CPU 0 (os.sched_setaffinity)"
    except (AttributeError, OSError) as exc:
        return f"not pinned ({exc.__class__.__name__})"


def machine_info(pinning: str) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if ln.startswith("model name")]
    cpu = models[0] if models else platform.processor() or "unknown"
    rev = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "git": rev or "unknown",
            "implementation": platform.python_implementation(), "platform": platform.platform(),
            "date": datetime.date.today().isoformat(), "pinning": pinning}


_BUILD_CHILD = """
import json, sys, time
from gazetteer.index import PlaceIndex
t0 = time.perf_counter()
index = PlaceIndex.open(sys.argv[1], rebuild=True)
dt = time.perf_counter() - t0
print(json.dumps(dict(index.info(), seconds=dt), default=str))
"""


def bench_build(tmp: Path, repeats: int, env: dict) -> dict:
    """Each build runs in a fresh interpreter: the normaliser's module-level lru caches
    would otherwise make every build after the first in one process much faster."""
    times, info, size = [], {}, 0
    for i in range(repeats):
        path = tmp / f"build{i}" / "ix.sqlite"
        proc = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(path)], env=env, capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(f"index build failed (exit {proc.returncode}):\n{proc.stderr}")
        info = json.loads(proc.stdout)
        times.append(info["seconds"])
        size = path.stat().st_size
    return {"repeats": repeats, "min_s": min(times), "median_s": statistics.median(times), "all_s": times,
            "places": info["places"], "name_keys": info["name_keys"], "size_mb": size / 1e6}


def clear_name_caches() -> None:
    """Empty the gazetteer modules' per-name lru caches; keep one-slot ones (pymorphy3 analysers)."""
    for name, mod in list(sys.modules.items()):
        if name.startswith("gazetteer"):
            for obj in vars(mod).values():
                if hasattr(obj, "cache_clear") and obj.cache_info().maxsize != 1:
                    obj.cache_clear()


def _run(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, proc


def bench_cold_start(cache: Path, repeats: int, env: dict) -> dict:
    """Bytecode goes to a temp PYTHONPYCACHEPREFIX (as for an installed package, without writing
    into the source tree); runs that compile our modules each time are reported beside it."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = dict(env, CONFLICTMAP_CACHE_DIR=str(cache), PYTHONPYCACHEPREFIX=str(cache / "pycache"))
    no_pyc = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"} | {"PYTHONDONTWRITEBYTECODE": "1"}
    cli = [sys.executable, "-m", "mapper", "geocode", "Pliekhovo", "--format", "json"]
    floor = [sys.executable, "-c", "pass"]
    _run(cli, env)  # one untimed run: page cache, .pyc files
    cli_t, floor_t, no_pyc_t = [], [], []
    for _ in range(repeats):
        no_pyc_t.append(_run(cli, no_pyc)[0])
        dt, proc = _run(cli, env)
        out = json.loads(proc.stdout) if proc.stdout.startswith("{") else {}
        if proc.returncode != 0 or out.get("resolved") is not True:
            raise SystemExit(f"conflictmap geocode failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        cli_t.append(dt)
        floor_t.append(_run(floor, env)[0])
    med, fmed = statistics.median(cli_t), statistics.median(floor_t)
    return {"repeats": repeats, "median_s": med, "min_s": min(cli_t), "python_floor_median_s": fmed,
            "python_floor_min_s": min(floor_t), "tool_share_median_s": med - fmed, "resolved_to": out.get("name"),
            "no_bytecode_median_s": statistics.median(no_pyc_t), "no_bytecode_min_s": min(no_pyc_t)}


def build_workload(index: PlaceIndex, n: int, rng: random.Random) -> tuple[list[str], list[str], set[str]]:
    """Return (zipf_workload, vocabulary, unknown names): RU/UA settlement names, variants, random strings."""
    names: set[str] = set()
    for p in index.places():
        if p.country_code in ("RU", "UA") and p.is_settlement:
            names.update(n for n in (p.name, *p.alternate_names) if n.strip() and "," not in n)
    places = sorted(names)
    rng.shuffle(places)
    unknown = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12))).capitalize()
               for _ in range(len(places) // 20)]
    rest = places + unknown
    rng.shuffle(rest)
    vocab = VARIANTS + rest  # the theatre's names are the most frequent, as in the reporting
    cum, total = [], 0.0
    for rank in range(1, len(vocab) + 1):  # Zipf, s = 1: weight of rank r is 1/r
        total += 1.0 / rank
        cum.append(total)
    return rng.choices(vocab, cum_weights=cum, k=n), vocab, set(unknown)


def throughput(gaz: Gazetteer, workload: list[str], context: str | None = None) -> tuple[float, int]:
    resolve, resolved = gaz.resolve, 0
    t0 = time.perf_counter()
    for name in workload:
        resolved += resolve(name, context).place is not None
    return len(workload) / (time.perf_counter() - t0), resolved


def cold_pass(gaz: Gazetteer, names: list[str], unknown: set[str]) -> dict:
    """Resolve distinct names once each; time names in the gazetteer and random strings apart."""
    spent, count, resolved, clock = {True: 0.0, False: 0.0}, {True: 0, False: 0}, 0, time.perf_counter
    for name in names:
        t0 = clock()
        resolved += gaz.resolve(name).place is not None
        dt = clock() - t0
        spent[name in unknown] += dt
        count[name in unknown] += 1
    rate = lambda k: count[k] / spent[k] if spent[k] else 0.0  # noqa: E731
    return {"cold_distinct_names": len(names), "cold_names_per_s": len(names) / sum(spent.values()),
            "cold_resolved_frac": resolved / len(names), "cold_known_names": count[False],
            "cold_known_names_per_s": rate(False), "cold_unknown_names": count[True],
            "cold_unknown_names_per_s": rate(True)}


def bench_resolve(index_path: Path, n: int, n_distinct: int, rng: random.Random) -> dict:
    index = PlaceIndex.open(index_path)
    gaz = Gazetteer(index)
    work, vocab, unknown = build_workload(index, n, rng)
    t0 = time.perf_counter()
    throughput(gaz, work)  # warm-up: fills the candidate, lookup and place caches
    warmup_s = time.perf_counter() - t0
    warm, ok = throughput(gaz, work)
    throughput(gaz, work, CONTEXT)
    warm_ctx, ok_ctx = throughput(gaz, work, CONTEXT)
    distinct = rng.sample(vocab, min(n_distinct, len(vocab)))
    cold_index = PlaceIndex.open(index_path)  # fresh object: empty lookup/place caches (OS page cache warm)
    clear_name_caches()
    cold = cold_pass(Gazetteer(cold_index), distinct, unknown)
    cold_index.close(), index.close()
    return {"workload_names": n, "distinct_in_workload": len(set(work)), "vocabulary": len(vocab),
            "warmup_pass_s": warmup_s,
            "warm_names_per_s": warm, "warm_resolved_frac": ok / n,
            "warm_ctx_names_per_s": warm_ctx, "warm_ctx_resolved_frac": ok_ctx / n, "context": CONTEXT,
            **cold, "target_names_per_s": TARGET_NAMES_PER_S, "target_met": warm >= TARGET_NAMES_PER_S}


def print_report(res: dict) -> None:
    m, b, c, r = res["machine"], res["build"], res["cold_start"], res["resolve"]
    rows = [
        ("machine", f"{m['cpu']}, {m['cores']} cores, {m['implementation']} {m['python']}, {m['date']}"),
        ("pinning / revision", f"{m['pinning']}; git {m['git']}"),
        (f"index build (n={b['repeats']})", f"min {b['min_s']:.2f} s, median {b['median_s']:.2f} s"),
        ("index contents", f"{b['places']} places, {b['name_keys']} name keys, {b['size_mb']:.1f} MB"),
        (f"CLI cold start (n={c['repeats']})", f"median {c['median_s']*1e3:.0f} ms, min {c['min_s']*1e3:.0f} ms"),
        ("  same, no .pyc for ours", f"median {c['no_bytecode_median_s']*1e3:.0f} ms, "
                                  f"min {c['no_bytecode_min_s']*1e3:.0f} ms"),
        ("python -c pass", f"median {c['python_floor_median_s']*1e3:.0f} ms, min {c['python_floor_min_s']*1e3:.0f} ms"),
        ("CLI own share (median)", f"{c['tool_share_median_s']*1e3:.0f} ms"),
        ("workload", f"{r['workload_names']} names, {r['distinct_in_workload']} distinct, "
                     f"vocabulary {r['vocabulary']}, Zipf s=1"),
        ("warm-up pass", f"{r['warmup_pass_s']:.2f} s"),
        ("warm, no context", f"{r['warm_names_per_s']:,.0f} names/s ({r['warm_resolved_frac']:.1%} resolved)"),
        ("warm, with context", f"{r['warm_ctx_names_per_s']:,.0f} names/s ({r['warm_ctx_resolved_frac']:.1%} resolved)"),
        (f"cold, {r['cold_distinct_names']} distinct", f"{r['cold_names_per_s']:,.0f} names/s "
                                                       f"({r['cold_resolved_frac']:.1%} resolved)"),
        ("  of which known names", f"{r['cold_known_names_per_s']:,.0f} names/s ({r['cold_known_names']} names)"),
        ("  of which unknown names", f"{r['cold_unknown_names_per_s']:,.0f} names/s "
                                     f"({r['cold_unknown_names']} random strings, fuzzy search)"),
        (f"target >= {TARGET_NAMES_PER_S:,}/s warm", "MET" if r["target_met"] else "NOT MET"),
    ]
    width = max(len(k) for k, _ in rows)
    print()
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats and a smaller workload")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON to OUT")
    args = ap.parse_args(argv)
    results = {"machine": machine_info(pin_to_one_core())}
    rng = random.Random(SEED)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    with tempfile.TemporaryDirectory(prefix="conflictmap-bench-") as tmp_s:
        tmp = Path(tmp_s)
        print("building the index ...", file=sys.stderr, flush=True)
        results["build"] = bench_build(tmp, 1 if args.quick else 2, env)
        cache = tmp / "cache"  # the first build, where the CLI looks for it
        cache.mkdir()
        shutil.copy(tmp / "build0" / "ix.sqlite", cache / INDEX_FILE_NAME)
        print("timing the CLI cold start ...", file=sys.stderr, flush=True)
        results["cold_start"] = bench_cold_start(cache, 3 if args.quick else 10, env)
        print("timing resolution ...", file=sys.stderr, flush=True)
        results["resolve"] = bench_resolve(cache / INDEX_FILE_NAME, 50_000 if args.quick else 200_000,
                                           5_000 if args.quick else 20_000, rng)
    print_report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
