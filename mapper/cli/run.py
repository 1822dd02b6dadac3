"""``conflictmap run``: the whole pipeline from the command line (see :mod:`mapper.pipeline`).

    $ conflictmap run                      # the bundled sample report -> outputs/
    $ conflictmap run reports/ -o out/ --engine dask
    $ conflictmap run ChatExport/result.json --telegram-channel @border_watch
    $ conflictmap run reports/ acled_export.csv          # the export's events mapped beside the reports'
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``run`` subcommand to the ``conflictmap`` parser."""
    from mapper.cli.common import add_published, add_telegram_channel, add_theatre

    run = sub.add_parser(
        "run", help="the whole job: reports in, map, GIS files and slides out",
        description="Read reports, find casualty claims, resolve their places, merge duplicate reports, and "
        "write map.html (offline), events.gpkg/.geojson/.kml/.csv/.parquet/.jsonl, situation_map.png and "
        "briefing.pptx (+ briefing.pdf where LibreOffice is installed). Reports are .txt, .md, .html, .json, "
        ".jsonl, Telegram Desktop exports (result.json), folders or - for stdin. An events file given as an "
        "INPUT (an ACLED or UCDP GED export, a GeoJSON, GeoPackage or any point table, an events file of ours) "
        "is not read as prose: its events are mapped as they are, with those found in the reports. With no "
        "INPUT, runs on the bundled sample report (the seed article).")
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="report files, folders, - for stdin, or events "
                     "files (default: the bundled sample report)")
    run.add_argument("-o", "--output-dir", default="outputs", metavar="DIR", help="where to write (default: outputs)")
    add_published(run)
    run.add_argument("--title", default=None, help="title of the map and the briefing")
    run.add_argument("--labels", choices=("en", "ru", "uk"), default="en",
                     help="script of the maps' place names: en (Latin, default), ru or uk")
    add_theatre(run)
    add_telegram_channel(run)
    run.add_argument("--no-pdf", action="store_true", help="do not convert the briefing to PDF")
    run.add_argument("--engine", type=_engine, default="local", metavar="ENGINE",
                     help="local: one process; dask: partitions on Dask distributed workers; or an engine an "
                     "installed package adds (see docs/EXTENDING.md)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler to use (default: a LocalCluster on this machine)")
    run.add_argument("--workers", type=int, default=None, metavar="N", help="LocalCluster workers (default: cores)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary; errors only")
    run.set_defaults(func=_cmd_run)
    return run


def _engine(name: str) -> str:
    """An engine name of :data:`mapper.engines.runner.ENGINES` (a usage error otherwise)."""
    from mapper.engines.runner import ENGINES

    if name not in ENGINES:
        raise argparse.ArgumentTypeError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    return name


def _cmd_run(args) -> int:
    from mapper.cli.common import EXIT_FAILED, EXIT_OK, print_error
    from mapper.ingest.telegram_export import channel_option
    from mapper.pipeline import run_pipeline, summarise

    if args.scheduler and args.engine != "dask":
        args.engine = "dask"
    result = run_pipeline(args.inputs, args.output_dir, published=args.published, engine=args.engine,
                          scheduler=args.scheduler, workers=args.workers, pdf=not args.no_pdf,
                          progress=not args.quiet and sys.stderr.isatty(), title=args.title, labels=args.labels,
                          stdin=sys.stdin.buffer if "-" in args.inputs else None, theatre=args.theatre,
                          telegram_channel=channel_option(args.telegram_channel or ()))
    for err in [*result.errors, *result.failed]:
        print_error(err)
    if not args.quiet:
        print("\n".join(summarise(result)), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED
