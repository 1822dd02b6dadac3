"""Extraction time on hostile report shapes (issue 14): it must grow with the size, not its square.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_hostile.py [--quick] [--cli] [--timeout 120] [--json OUT]

Shapes, each one paragraph (no line break at all):

* ``claims``: "N soldiers were killed near X. " repeated, N from 2 to 98 and X one of twelve places
  of the Kursk/Sumy/Belgorod theatre, so every sentence is a claim of its own;
* ``runon``: the same claims joined by commas into one run-on "sentence";
* ``wire``: ordinary generated wire and Telegram reports (benchmarks/bench_extract.py) with their
  line breaks replaced by spaces: a 5 MB one-line dump of reports.

``claims`` and ``runon`` are read at 10, 40, 100 and 300 KB, and the 5 MB line as ``claims`` and
``wire``. Goals: 40 KB of ``claims`` takes at most 6x the time of 10 KB; a 5 MB one-line report is
processed in under 30 s, extraction alone and (with ``--cli``) the command end to end. Each figure
is ``Extractor.extract`` on one document (the gazetteer is loaded and warm, the text built before
the clock starts), in a fresh interpreter that is stopped after ``--timeout`` seconds; up to 300
KB it is the best of ``--repeat`` runs (a new extractor each), the 5 MB lines are run once. With
``--cli`` the 5 MB lines also go through ``python -m mapper extract FILE -o OUT.jsonl`` (start-up,
reading, merging and writing included). With ``--quick`` the 5 MB lines are left out. The load
average is printed at the start and the end: the figures are wall-clock times, longer when other
work shares the cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

PLACES = ("Sudzha", "Plekhovo", "Sumy", "Shebekino", "Korenevo", "Martynovka", "Lgov", "Belgorod",
          "Vorozhba", "Tyotkino", "Glushkovo", "Krasnopillia")
PUBLISHED = dt.date(2024, 12, 16)
SIZES_KB = (10, 40, 100, 300)
LINE_BYTES = 5_000_000


def _repeated(unit, size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(unit(i))
        n += len(parts[-1])
        i += 1
    return "".join(parts)


def make_text(shape: str, size: int) -> str:
    """``size`` characters (about) of a shape, on one line."""
    if shape == "claims":
        return _repeated(lambda i: f"{i % 97 + 2} soldiers were killed near {PLACES[i * 7 % 12]}. ", size).rstrip()
    if shape == "runon":
        return _repeated(lambda i: f"{i % 97 + 2} soldiers were killed near {PLACES[i * 7 % 12]}, ", size).rstrip()
    if shape == "wire":
        from bench_extract import generate

        text, n = "", max(4, size // 3500)
        while len(text) < size:
            text = " ".join(" ".join(d.text.split()) for d in generate(n))
            n *= 2
        return text[:size].rstrip()
    raise ValueError(f"unknown shape {shape!r}")


def one(shape: str, size: int, repeat: int = 1) -> dict:
    """Time one extraction, the best of ``repeat`` runs with a new extractor each (run in a child
    interpreter by :func:`measure`)."""
    from gazetteer import Gazetteer
    from mapper.ingest.documents import Document
    from mapper.extract.extractor import Extractor

    gazetteer = Gazetteer.default()
    Extractor(gazetteer).extract(Document("warm-up", "On Saturday, 5 soldiers were killed near Sudzha.",
                                          published=PUBLISHED))
    text = make_text(shape, size)
    doc = Document(f"{shape}-{size}", text, published=PUBLISHED)
    times = []
    for _ in range(repeat):
        extractor = Extractor(gazetteer)  # its spotter remembers the runs it read
        start = time.perf_counter()
        events, mentions = extractor.extract(doc)
        times.append(time.perf_counter() - start)
    return {"seconds": min(times), "runs": times, "chars": len(text), "events": len(events),
            "mentions": len(mentions)}


def measure(shape: str, size: int, timeout: float, repeat: int = 1) -> dict:
    """:func:`one` in a fresh interpreter; ``{"timeout": seconds}`` when it runs past ``timeout``."""
    cmd = [sys.executable, __file__, "--one", shape, str(size), str(repeat)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure_cli(shape: str, size: int, timeout: float) -> dict:
    """``python -m mapper extract`` on a one-line file of the shape: wall time of the whole run."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{shape}.txt"
        path.write_text(make_text(shape, size) + "\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "mapper", "extract", str(path), "--published", PUBLISHED.isoformat(),
               "-o", str(Path(tmp) / "events.jsonl")]
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
        except subprocess.TimeoutExpired:
            return {"timeout": timeout}
        seconds = time.perf_counter() - start
        if proc.returncode:
            return {"seconds": seconds, "error": proc.stderr.strip().splitlines()[-1]}
        events = sum(1 for _ in open(Path(tmp) / "events.jsonl", encoding="utf-8"))
        return {"seconds": seconds, "chars": path.stat().st_size, "events": events}


def _show(result: dict) -> str:
    if "timeout" in result:
        return f"> {result['timeout']:.0f} s (stopped)"
    extra = f", {result['error']}" if "error" in result else ""
    return f"{result['seconds']:8.2f} s  {result.get('events', 0):7d} events{extra}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 5 MB lines")
    parser.add_argument("--cli", action="store_true", help="also time the 5 MB lines through the CLI")
    parser.add_argument("--timeout", type=float, default=120.0, help="stop a measurement after this (s)")
    parser.add_argument("--json", default=None, metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs up to 300 KB (default 3)")
    parser.add_argument("--one", nargs=3, metavar=("SHAPE", "SIZE", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), int(args.one[2]))))
        return 0
    rev = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()
    print(f"# bench_hostile  {dt.datetime.now():%Y-%m-%d %H:%M}  git {rev or '?'}  Python "
          f"{platform.python_version()}  {os.cpu_count()} cores  load {os.getloadavg()[0]:.2f}")
    figures: dict = {"shapes": {}, "line": {}}
    ok = True
    for shape in ("claims", "runon"):
        rows = figures["shapes"][shape] = {}
        for kb in SIZES_KB:
            rows[kb] = measure(shape, kb * 1000, args.timeout, args.repeat)
            print(f"{shape:7s} {kb:4d} KB  {_show(rows[kb])}", flush=True)
        small, large = rows[10], rows[40]
        if "seconds" in small and "seconds" in large:
            ratio = large["seconds"] / small["seconds"]
            print(f"{shape:7s} 40 KB / 10 KB = {ratio:.1f}x (goal <= 6x for claims)")
            figures["shapes"][shape]["ratio_40_10"] = ratio
            ok &= shape != "claims" or ratio <= 6
        else:
            ok = False
    if not args.quick:
        for shape in ("claims", "wire"):
            result = figures["line"][shape] = measure(shape, LINE_BYTES, args.timeout)
            print(f"5 MB one-line {shape:6s} extract  {_show(result)}  (goal < 30 s)", flush=True)
            ok &= result.get("seconds", float("inf")) < 30
            if args.cli:
                result = figures["line"][f"{shape}_cli"] = measure_cli(shape, LINE_BYTES, args.timeout)
                print(f"5 MB one-line {shape:6s} CLI      {_show(result)}  (goal < 30 s)", flush=True)
                ok &= "error" not in result and result.get("seconds", float("inf")) < 30
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    print("goals met" if ok else "goals NOT met")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
