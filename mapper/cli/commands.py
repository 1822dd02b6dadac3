"""The ``conflictmap`` command line: a thin layer over the Python API.

Exit codes: 0 ok, 1 some inputs failed (or a name stayed unresolved), 2 usage
error. Errors are one line naming the file or query and the reason; user
errors never print a traceback.

    $ conflictmap geocode Pliekhovo
    Plyokhovo, Kursk Oblast, RU  51.10000 35.33000  precision 1  score 0.500  [curated:ru-kursk-plyokhovo]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mapper import __version__

__all__ = ["main", "build_parser"]

from mapper.cli.common import (EVENTS_HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_events_input, add_inputs,
                               add_theatre, gazetteer_of, print_error, read_inputs)


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors and a one-line message."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="conflictmap", description="Map casualty events from conflict reporting, offline.")
    parser.add_argument("--version", action="version", version=f"conflictmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    from mapper.cli import export as cli_export, run as cli_run

    cli_run.register(sub)
    cli_export.register(sub)

    geo = sub.add_parser("geocode", help="resolve one place name with the offline gazetteer",
                         description="Resolve a place name (any spelling, Latin or Cyrillic, inflected "
                         "forms) to a sourced place, using optional context text.")
    geo.add_argument("name", help='place name; text after a comma is context ("Vorozhba, Sumy Oblast")')
    geo.add_argument("--context", default=None, help="text around the name (co-mentioned places, oblast, country)")
    geo.add_argument("--country", action="append", default=None, metavar="ISO2",
                     help="only places in this country (repeatable)")
    geo.add_argument("--all", action="store_true", help="list every candidate with its score")
    geo.add_argument("--format", choices=("text", "json"), default="text")
    add_theatre(geo)
    online = geo.add_argument_group("online fallback (opt-in; needs internet)")
    online.add_argument("--online", action="store_true",
                        help="ask Nominatim for names the offline gazetteer does not know (1 request/s, cached)")
    online.add_argument("--user-agent", default=None, help="your application name and contact, required with --online")
    online.add_argument("--nominatim-url", default="https://nominatim.openstreetmap.org",
                        help="Nominatim server to ask (default: the public one)")
    geo.set_defaults(func=_cmd_geocode)

    ext = sub.add_parser("extract", help="casualty events from reports (JSON Lines or GeoJSON)",
                         description="Read reports (.txt, .md, .html, .json, .jsonl, folders, - for stdin), "
                         "find casualty claims, resolve their places, merge duplicates, and write one event "
                         "record per claim.")
    add_inputs(ext)
    ext.add_argument("--format", choices=("jsonl", "geojson"), default="jsonl")
    ext.add_argument("--no-merge", action="store_true", help="keep duplicate reports of one event apart")
    ext.set_defaults(func=_cmd_extract)

    gp = sub.add_parser("geoparse", help="every place mention in reports, with its resolution",
                        description="List every toponym mention (span, resolution or the reason it stayed "
                        "unresolved), one JSON line per mention.")
    add_inputs(gp)
    gp.add_argument("--format", choices=("jsonl",), default="jsonl")
    gp.set_defaults(func=_cmd_geoparse)

    mp = sub.add_parser("map", help="the layered interactive map (HTML) of an events file",
                        description="Draw events (from extract or export, or another tool's file: ACLED, "
                        "UCDP GED, any point table) on a layered Leaflet map.")
    mp.add_argument("events", metavar="EVENTS", help=EVENTS_HELP)
    add_events_input(mp)
    mp.add_argument("-o", "--output", required=True, metavar="FILE", help="HTML file to write")
    mp.add_argument("--offline", action="store_true",
                    help="no external URL at all: assets inlined, no web tiles (works air-gapped)")
    mp.add_argument("--title", default="Casualty claims")
    mp.add_argument("--labels", choices=("en", "ru", "uk", "none"), default="en",
                    help="settlement labels from the gazetteer in one script: en (Latin, default), ru, uk, or none")
    add_theatre(mp)
    mp.add_argument("--png", default=None, metavar="FILE",
                    help="also save a screenshot of the (offline) map from headless Chromium")
    mp.set_defaults(func=_cmd_map)

    from mapper.cli import brief as cli_brief

    cli_brief.register(sub)

    gaz = sub.add_parser("gazetteer", help="manage the offline gazetteer index")
    gsub = gaz.add_subparsers(dest="gazetteer_command", metavar="ACTION", parser_class=_Parser)
    gsub.required = True
    from mapper.cli import gazetteer_import

    gazetteer_import.register(gsub)
    info = gsub.add_parser("info", help="show the index location, sources and counts")
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.set_defaults(func=_cmd_gazetteer_info)
    rebuild = gsub.add_parser("rebuild", help="rebuild the index from the bundled data and imported files")
    rebuild.set_defaults(func=_cmd_gazetteer_rebuild)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from gazetteer.exc import ConflictMapError, QueryError
    from mapper._internal.gc_pause import young_collections_only

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with young_collections_only():  # a command keeps what it makes: no full collections until it ends
            return args.func(args)
    except QueryError as exc:
        print_error(exc)
        return EXIT_USAGE
    except ConflictMapError as exc:
        print_error(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("conflictmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=None))


def _cmd_geocode(args) -> int:
    from mapper.extract.geocoding import geocode, online_gazetteer

    gaz = gazetteer_of(args)
    if args.online:
        from gazetteer.online import check_server_url

        try:
            url = check_server_url(args.nominatim_url)
        except ValueError as exc:
            print_error(f"--nominatim-url: {exc}")
            return EXIT_USAGE
        gaz = online_gazetteer(user_agent=args.user_agent or "", url=url, base=gaz)
    res = geocode(args.name, context=args.context, country_codes=args.country, gazetteer=gaz)
    if args.format == "json":
        out = res.to_dict()
        if args.all:
            out["alternatives"] = [dict(c.to_dict(), contradiction=c.contradiction or None)
                                   for c in res.alternatives]
        _print_json(out)
    else:
        if res.resolved:
            p = res.place
            print(f"{p.label}  {p.latitude:.5f} {p.longitude:.5f}  precision {res.geo_precision}  "
                  f"{res.match} match ({res.similarity:.2f} alike)  score {res.score:.3f}  [{p.id}]")
            print(f"  why: {res.reason}")
        else:
            print(f"unresolved: {res.query}: {res.reason}")
            for c in () if args.all else res.alternatives[:1]:
                print(f"  nearest: {c.place.label} ({c.match} match, {c.similarity:.2f} alike)")
        if args.all:
            for c in res.alternatives:
                flag = f"  (ruled out: {c.contradiction})" if c.contradiction else ""
                print(f"  alt {c.score:.3f}  {c.place.label}  {c.place.latitude:.5f} {c.place.longitude:.5f}  "
                      f"[{c.place.id}]{flag}")
    return EXIT_OK if res.resolved else EXIT_FAILED


def _cmd_extract(args) -> int:
    from mapper.model.event_io import write_events
    from mapper.extract.extractor import extract_events

    docs, status = read_inputs(args)
    if not docs and status != EXIT_OK:
        return status  # every input failed: an earlier output file stays as it was
    gazetteer = gazetteer_of(args)
    events = extract_events(docs, merge=not args.no_merge, gazetteer=gazetteer)
    write_events(events, args.output, fmt=args.format)
    from mapper.pipeline import outside_theatre

    for line in outside_theatre(events, gazetteer.theatre if gazetteer is not None else None):
        print(line, file=sys.stderr)
    return status


def _cmd_geoparse(args) -> int:
    from mapper._internal.atomic import atomic_write
    from mapper.extract.geoparse import Geoparser

    docs, status = read_inputs(args)
    if not docs and status != EXIT_OK:
        return status  # every input failed: an earlier output file stays as it was
    parser = Geoparser(gazetteer_of(args))
    lines = [json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for doc in docs for m in parser.parse(doc.text, doc_id=doc.id)]
    if args.output in (None, "-"):
        sys.stdout.writelines(lines)
    else:
        with atomic_write(args.output) as f:
            f.writelines(lines)
    return status


def _cmd_map(args) -> int:
    from mapper.render.export import read_any_events
    from mapper.render.web.webmap import write_map

    events = read_any_events(args.events, kind=args.events_kind, columns=args.columns)
    labels = None if args.labels == "none" else args.labels
    result = write_map(events, args.output, offline=args.offline, title=args.title, theatre=args.theatre, labels=labels)
    note = f"; left out offline: {', '.join(result.dropped)}" if result.dropped else ""
    print(f"wrote {result.path} ({result.events} events, {result.bytes / 1e6:.1f} MB){note}", file=sys.stderr)
    if args.png:
        import tempfile

        from mapper.render.web.screenshot import screenshot

        with tempfile.TemporaryDirectory() as tmp:  # the screenshot needs no network: use an offline copy
            source = result.path if args.offline else write_map(events, Path(tmp) / "map.html", offline=True,
                                                                 title=args.title, theatre=args.theatre,
                                                                 labels=labels).path
            screenshot(source, args.png)
        print(f"wrote {args.png}", file=sys.stderr)
    return EXIT_OK


def _cmd_gazetteer_info(args) -> int:
    from gazetteer import Gazetteer

    info = Gazetteer.default().index.info()
    if args.format == "json":
        _print_json(info)
        return EXIT_OK
    print(f"index: {info['index_path']}")
    print(f"built: {info['built_at']}  schema {info['schema_version']}")
    print(f"places: {info['places']}  name keys: {info['name_keys']}  folded duplicates: {info['aliases']}")
    for source, n in info["places_by_source"].items():
        print(f"  {n:>8}  {source}")
    print("files:")
    for src in info["sources"]:
        print(f"  {src['path']} [{src['kind']}]: {src['loaded']} loaded, {src['skipped']} skipped")
    return EXIT_OK


def _cmd_gazetteer_rebuild(args) -> int:
    from gazetteer import Gazetteer

    info = Gazetteer.default(rebuild=True).index.info()
    print(f"rebuilt {info['index_path']}: {info['places']} places")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
