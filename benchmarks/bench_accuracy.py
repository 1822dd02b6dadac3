"""Geoparsing and casualty-extraction accuracy on the development corpus kept in ``benchmarks/corpus``.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_accuracy.py [--langs en,ru,uk] [--json out.json]

For each language it feeds the passages to ``conflictmap geoparse`` and ``conflictmap extract``
(``--format jsonl``, in a child interpreter, as a user would) and prints:

* toponym accuracy: of the annotated settlement/oblast/district mentions whose place is in the
  shipped data, the share whose every resolution lies within 10 km (settlements) or 60 km or inside
  the polygon (admin areas); a missed or unresolved mention fails;
* toponym recall: annotated mentions (one per document and mention string) some predicted mention
  overlaps;
* homonyms right/total: the same two checks on the mentions tagged ``homonym`` (a same-name place
  exists elsewhere in the theatre's countries), which must also be found; places absent from the
  data pass when left unresolved or placed inside their oblast;
* event points outside the theatre box (49–54.5 N, 30–41 E), of the events with a point;
* figure recall and precision: annotated casualty figures (per document, field and value) matched
  by a predicted event, and predicted figures that match one; the scored annotations leave running
  totals out, so precision is also given on incidents: the figures of predicted events the tool does
  not flag ``cumulative`` (its running totals set aside as the annotated ones are; an incident it
  wrongly flags is counted under "incidents flagged as totals");
* false figures: unmatched predicted figures equal to a number the annotation says is not a
  casualty figure (ages, drones, distances...);
* event type right: of the annotated events matched to a predicted one (most shared figures), the
  share whose ACLED ``event_type`` and ``sub_event_type`` both equal the annotation's, on incidents
  (running totals left out, as for the figures) and on every matched event;
* running totals flagged: of the matched annotated running totals (``cumulative``), the share the
  tool flags ``cumulative``; and how many matched incidents it flags wrongly.

The definitions are those of the corpus's own scorer, so the figures equal its ``run.sh``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from shapely import affinity
from shapely.geometry import Point, shape

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
FIELDS = ("killed", "wounded", "missing", "killed_or_wounded", "captured")
BOX = (49.0, 54.5, 30.0, 41.0)  # south, north, west, east: the corpus's "absurd placement" box


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class Region:
    """An annotated area with a buffer in km (kilometres measured on a local flat projection)."""

    def __init__(self, feature: dict):
        self.geom = shape(feature["geometry"])
        self.buffer_km = float(feature["properties"].get("buffer_km", 0))

    def contains(self, lat: float, lon: float) -> bool:
        if self.geom.contains(Point(lon, lat)):
            return True
        flat = affinity.scale(self.geom, xfact=111.320 * math.cos(math.radians(lat)), yfact=110.574,
                              origin=(lon, lat))
        return flat.boundary.distance(Point(lon, lat)) <= self.buffer_km


# ------------------------------------------------------------------------------------------- numbers
_EN_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
            if i > 1}
_EN_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _cyr(words: str, value: int) -> dict[str, int]:
    return {w: value for w in words.split()}


_CYR_WORDS: dict[str, int] = {}
for _value, _words in [
    (1, "один одна одно одного одной одному одну одним одном одне одній одною одних"),
    (2, "два две двух двум двумя дві двох двом двома двое двоих двоє"),
    (3, "три трех трёх трем трём тремя трьох трьом трьома трое троих троє"),
    (4, "четыре четырех четырёх четырем четырём четырьмя чотири чотирьох чотирьом чотирма четверо четверых"),
    (5, "пять пяти пятью п'ять п'яти п'ятьох п'ятьом п'ятьма пятеро пятерых п'ятеро"),
    (6, "шесть шести шестью шість шістьох шістьом шістьма шестеро шестерых"),
    (7, "семь семи семью сім сімох сімом сьомох семеро семерых"),
    (8, "восемь восьми восемью вісім вісьмох вісьмом вісьма восьмеро вісьмеро"),
    (9, "девять девяти девятью дев'ять дев'яти дев'ятьох дев'ятьма девятеро дев'ятеро"),
    (10, "десять десяти десятью десятьох десятьма десятеро"), (11, "одиннадцать одиннадцати одинадцять одинадцяти"),
    (12, "двенадцать двенадцати дванадцять дванадцяти"), (13, "тринадцать тринадцати тринадцять тринадцяти"),
    (14, "четырнадцать четырнадцати чотирнадцять чотирнадцяти"), (15, "пятнадцать пятнадцати п'ятнадцять п'ятнадцяти"),
    (16, "шестнадцать шестнадцати шістнадцять шістнадцяти"), (17, "семнадцать семнадцати сімнадцять сімнадцяти"),
    (18, "восемнадцать восемнадцати вісімнадцять вісімнадцяти"),
    (19, "девятнадцать девятнадцати дев'ятнадцять дев'ятнадцяти"),
    (20, "двадцать двадцати двадцять двадцяти"), (30, "тридцать тридцати тридцять тридцяти"), (40, "сорок сорока"),
    (50, "пятьдесят пятидесяти п'ятдесят п'ятдесяти"), (60, "шестьдесят шестидесяти шістдесят шістдесяти"),
    (70, "семьдесят семидесяти сімдесят сімдесяти"), (80, "восемьдесят восьмидесяти вісімдесят вісімдесяти"),
    (90, "девяносто дев'яносто"), (100, "сто ста"), (200, "двести двухсот двісті двохсот"),
    (300, "триста трехсот трьохсот"), (400, "четыреста четырехсот чотириста чотирьохсот"),
    (500, "пятьсот пятисот п'ятсот п'ятисот"), (600, "шестьсот шестисот шістсот"), (700, "семьсот семисот сімсот"),
    (800, "восемьсот восьмисот вісімсот"), (900, "девятьсот девятисот дев'ятсот"),
]:
    _CYR_WORDS.update(_cyr(_words, _value))
_CYR_SCALE = re.compile(r"^(тысяч|тисяч|миллион|мільйон)")
_CYR_DIGIT_SCALE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(тыс\.?|тысяч\w*|тис\.?|тисяч\w*|млн\.?|миллион\w*|мільйон\w*)")


class _Run:
    """A running number read word by word ("two hundred and five", "двадцять три")."""

    def __init__(self, out: set[int]):
        self.out, self.total, self.current, self.active = out, 0, 0, False

    def add(self, value: int) -> None:
        self.current += value
        self.active = True

    def times(self, factor: int) -> None:
        self.current = (self.current or 1) * factor
        self.active = True

    def scale(self, factor: int) -> None:
        self.total += (self.current or 1) * factor
        self.current, self.active = 0, True

    def flush(self) -> None:
        if self.active and self.total + self.current > 0:
            self.out.add(self.total + self.current)
        self.total = self.current = 0
        self.active = False


def numbers_in(text: str) -> set[int]:
    """Every whole number a phrase states, in digits or in English, Russian or Ukrainian words."""
    out: set[int] = set()
    low = text.lower()
    for m in re.finditer(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|thousand|billion))?", low):
        value = float(m.group(1).replace(",", "")) * _EN_SCALES.get((m.group(2) or "").strip(), 1)
        if value.is_integer() and value > 0:
            out.add(int(value))
    run = _Run(out)
    for w in re.findall(r"[a-z]+", low):
        if w in _EN_UNITS or w in _EN_TENS:
            run.add(_EN_UNITS.get(w, _EN_TENS.get(w, 0)))
        elif w == "hundred" and run.active:
            run.times(100)
        elif w in _EN_SCALES and run.active:
            run.scale(_EN_SCALES[w])
        elif w == "dozen":
            run.times(12)
        elif not (w == "and" and run.active):
            run.flush()
    run.flush()
    if re.search(r"[а-яёіїєґ]", low):
        low = low.replace("’", "'").replace("ʼ", "'").replace("‘", "'")
        for m in re.finditer(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", low):
            out.add(int(re.sub(r"\D", "", m.group(0))))
        for m in _CYR_DIGIT_SCALE.finditer(low):
            value = float(m.group(1).replace(",", ".")) * (1_000_000 if m.group(2)[0] == "м" else 1000)
            if value.is_integer() and value > 0:
                out.add(int(value))
        for w in re.findall(r"[а-яёіїєґ']+", _CYR_DIGIT_SCALE.sub(" ", low)):
            w = w.strip("'")
            if w in _CYR_WORDS:
                run.add(_CYR_WORDS[w])
            elif _CYR_SCALE.match(w):
                run.scale(1_000_000 if w[0] == "м" else 1000)
            elif re.fullmatch(r"десят(ок|ка|ков|ку|ке|ках|ком)", w):
                run.times(10)
            else:
                run.flush()
        run.flush()
    return out


def as_int(value) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


# ------------------------------------------------------------------------------------------- corpus
def load_language(lang: str) -> tuple[list[dict], list[dict], list[dict]]:
    """(passages with the scored events, toponym truth rows, event location truth) of one language.

    Scored events leave out running totals and sub-counts of a kept event, as the corpus scorer does."""
    passages = []
    for line in open(CORPUS / f"{lang}.jsonl", encoding="utf-8"):
        p = json.loads(line)
        events = p["events"]
        kept = [e for e in events if not e.get("cumulative")
                and not (e.get("subset_of") is not None and not events[e["subset_of"]].get("cumulative"))]
        passages.append({**p, "events": kept})
    truth = [json.loads(line) for line in open(CORPUS / "scoring" / lang / "truth.jsonl", encoding="utf-8")]
    events_truth = [json.loads(line) for line in open(CORPUS / "scoring" / lang / "events_truth.jsonl",
                                                      encoding="utf-8")]
    return passages, truth, events_truth


def run_tool(command: str, passages: list[dict]) -> list[dict]:
    """``conflictmap COMMAND passages --format jsonl`` in a child interpreter, its JSON lines."""
    with tempfile.TemporaryDirectory(prefix="bench-accuracy-") as tmp:
        path = Path(tmp) / "passages.jsonl"
        path.write_text("".join(json.dumps({"id": p["id"], "text": p["text"], "published": p.get("published"),
                                            "url": None}, ensure_ascii=False) + "\n" for p in passages),
                        encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "mapper", command, str(path), "--format", "jsonl"],
                              capture_output=True, text=True, timeout=600)
    if done.returncode:
        raise SystemExit(f"conflictmap {command} failed ({done.returncode}): {done.stderr[-400:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------- scoring
def _occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text)]


def annotated_spans(text: str, mentions: list[tuple[int, str]]) -> dict[int, list[tuple[int, int]]]:
    """Where each truth row's mention string occurs; longer mentions claim overlapping text first."""
    claimed: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for i, mention in sorted(mentions, key=lambda x: -len(x[1])):
        got = [s for s in _occurrences(text, mention) if not any(s[0] < e and b < s[1] for b, e in claimed)]
        spans[i] = got or _occurrences(text, mention) or [m.span() for m in re.finditer(re.escape(mention), text)]
        claimed.extend(spans[i])
    return spans


def _span(text: str, rec: dict) -> tuple[int, int] | None:
    start, end, mention = rec.get("start"), rec.get("end"), rec.get("mention")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and (
            not isinstance(mention, str) or text[start:end] == mention):
        return start, end
    if isinstance(mention, str) and mention:
        found = [m.span() for m in re.finditer(re.escape(mention), text)]
        if found:
            return min(found, key=lambda sp: abs(sp[0] - start)) if isinstance(start, int) else found[0]
    return None


def _place_ok(row: dict, lat: float, lon: float, regions: dict[str, Region]) -> bool:
    inside = any(regions[r].contains(lat, lon) for r in row.get("regions", []) if r in regions)
    if row["expect"] == "within_tolerance":
        return (haversine_km(row["lat"], row["lon"], lat, lon) <= row["tolerance_km"]
                or (row["kind"] in ("admin1", "admin2") and inside))
    return inside


def score_toponyms(passages, truth, regions, mentions) -> dict:
    texts = {p["id"]: p["text"] for p in passages}
    predicted: dict[str, list[tuple[tuple[int, int], tuple[float, float] | None]]] = defaultdict(list)
    for rec in mentions:
        doc = _doc(rec)
        if doc in texts and (span := _span(texts[doc], rec)) is not None:
            coord = (float(rec["latitude"]), float(rec["longitude"])) if rec.get("resolved", True) and \
                rec.get("latitude") is not None and rec.get("longitude") is not None else None
            predicted[doc].append((span, coord))
    rows_by_doc = defaultdict(list)
    for i, row in enumerate(truth):
        rows_by_doc[row["doc"]].append(i)
    spans: dict[int, list[tuple[int, int]]] = {}
    for doc, idxs in rows_by_doc.items():
        spans.update(annotated_spans(texts[doc], [(i, truth[i]["mention"]) for i in idxs]))
    found = acc_ok = acc_n = hom_ok = hom_n = 0
    for i, row in enumerate(truth):
        over = [c for sp, c in predicted.get(row["doc"], []) if any(sp[0] < e and b < sp[1] for b, e in spans[i])]
        checks = [_place_ok(row, lat, lon, regions) for lat, lon in (c for c in over if c is not None)]
        passed = (bool(checks) and all(checks)) if row["expect"] == "within_tolerance" else all(checks)
        found += bool(over)
        if row["expect"] == "within_tolerance" and row["kind"] in ("settlement", "admin1", "admin2"):
            acc_n += 1
            acc_ok += passed
        if "homonym" in row.get("hard_cases", []):
            hom_n += 1
            hom_ok += passed and bool(over)
    return {"toponym_accuracy": _ratio(acc_ok, acc_n), "toponym_accuracy_k_n": [acc_ok, acc_n],
            "toponym_recall": _ratio(found, len(truth)), "toponym_recall_k_n": [found, len(truth)],
            "homonyms_k_n": [hom_ok, hom_n]}


def score_figures(passages, events) -> dict:
    annotated = {(p["id"], f, int(e[f])) for p in passages for e in p["events"] for f in FIELDS
                 if e.get(f) is not None}
    annotated_rows = [(p["id"], f, int(e[f])) for p in passages for e in p["events"] for f in FIELDS
                      if e.get(f) is not None]
    values = defaultdict(set)
    for doc, _, v in annotated_rows:
        values[doc].add(v)
    not_figures = {p["id"]: set().union(*(numbers_in(s) for s in p.get("not_casualty_numbers", [])))
                   for p in passages}
    docs = set(not_figures)
    predicted = [(_doc(e), f, as_int(e.get(f))) for e in events for f in FIELDS]
    predicted = [(d, f, v) for d, f, v in predicted if v is not None and d in docs]
    keys = set(predicted)
    recalled = sum((d, f, v) in keys for d, f, v in annotated_rows)
    matched = sum(k in annotated for k in predicted)
    incidents = [(_doc(e), f, as_int(e.get(f))) for e in events if not e.get("cumulative") for f in FIELDS]
    incidents = [(d, f, v) for d, f, v in incidents if v is not None and d in docs]
    incidents_matched = sum(k in annotated for k in incidents)
    false = sum(k not in annotated and k[2] in not_figures[k[0]] and k[2] not in values[k[0]] for k in predicted)
    return {"figure_recall": _ratio(recalled, len(annotated_rows)), "figure_recall_k_n": [recalled, len(annotated_rows)],
            "figure_precision": _ratio(matched, len(predicted)), "figure_precision_k_n": [matched, len(predicted)],
            "figure_precision_incidents": _ratio(incidents_matched, len(incidents)),
            "figure_precision_incidents_k_n": [incidents_matched, len(incidents)], "false_figures": false}


def _figure_set(event: dict) -> set[tuple[str, int]]:
    return {(f, v) for f in FIELDS if (v := as_int(event.get(f))) is not None}


def match_events(annotated: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Each annotated event with the predicted event of its document sharing most figures (ties: one
    not matched yet, then the first), as the corpus scorer matches them; unmatched ones left out."""
    pairs, used = [], set()
    for e in annotated:
        figs = _figure_set(e)
        best, best_key = None, None
        for k, pe in enumerate(predicted):
            n = len(figs & _figure_set(pe))
            key = (n, k not in used, -k)
            if n and (best_key is None or key > best_key):
                best, best_key = k, key
        if best is not None:
            used.add(best)
            pairs.append((e, predicted[best]))
    return pairs


def score_kinds(lang: str, events: list[dict]) -> dict:
    """Event type right and running totals flagged, on the matched annotated events (all of them,
    running totals included: :func:`load_language` leaves those out)."""
    by_doc = defaultdict(list)
    for e in events:
        by_doc[_doc(e)].append(e)
    pairs = []
    for line in open(CORPUS / f"{lang}.jsonl", encoding="utf-8"):
        p = json.loads(line)
        pairs.extend(match_events(p["events"], by_doc.get(p["id"], [])))
    kind = [(e.get("event_type"), e.get("sub_event_type")) == (pe.get("event_type"), pe.get("sub_event_type"))
            for e, pe in pairs]
    incidents = [ok for ok, (e, _) in zip(kind, pairs) if not e.get("cumulative")]
    totals = [bool(pe.get("cumulative")) for e, pe in pairs if e.get("cumulative")]
    wrong = sum(bool(pe.get("cumulative")) for e, pe in pairs if not e.get("cumulative"))
    return {"event_type_k_n": [sum(incidents), len(incidents)], "event_type_all_k_n": [sum(kind), len(kind)],
            "totals_flagged_k_n": [sum(totals), len(totals)], "incidents_flagged_as_totals": wrong}


def score_dates(passages, events) -> dict:
    """Annotated events with a date whose matched predicted event (most shared figures, then one not
    matched yet, as the corpus scorer matches) has the same ``event_date``."""
    by_doc = defaultdict(list)
    for e in events:
        by_doc[_doc(e)].append(e)
    right = total = 0
    for p in passages:
        used: set[int] = set()
        for e in p["events"]:
            figures = {(f, int(e[f])) for f in FIELDS if e.get(f) is not None}
            shared = [(len(figures & {(f, as_int(x.get(f))) for f in FIELDS}), k not in used, -k)
                      for k, x in enumerate(by_doc[p["id"]])]
            best = max(shared, default=(0,))
            if best[0] == 0:
                continue
            used.add(-best[2])
            if e.get("event_date"):
                total += 1
                right += by_doc[p["id"]][-best[2]].get("event_date") == e["event_date"]
    return {"event_date_right_k_n": [right, total]}


def outside_box(events) -> dict:
    points = [(float(e["latitude"]), float(e["longitude"])) for e in events
              if e.get("latitude") is not None and e.get("longitude") is not None]
    out = [pt for pt in points if not (BOX[0] <= pt[0] <= BOX[1] and BOX[2] <= pt[1] <= BOX[3])]
    return {"event_points_outside_box_k_n": [len(out), len(points)]}


def _doc(rec: dict) -> str | None:
    return next((rec[k] for k in ("doc", "doc_id", "id", "document") if isinstance(rec.get(k), str)), None)


def _ratio(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def _fraction(k_n: list[int]) -> str:
    return f"{_ratio(*k_n):.3f} ({k_n[0]}/{k_n[1]})"


def score_language(lang: str) -> dict:
    passages, truth, events_truth = load_language(lang)
    regions = {f["properties"]["id"]: Region(f) for f in
               json.load(open(CORPUS / "scoring" / "regions.geojson", encoding="utf-8"))["features"]}
    mentions, events = run_tool("geoparse", passages), run_tool("extract", passages)
    return {**score_toponyms(passages, truth, regions, mentions), **score_figures(passages, events),
            **score_dates(passages, events), **outside_box(events), **score_kinds(lang, events),
            "passages": len(passages)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default="en,ru,uk")
    parser.add_argument("--json", default=None, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    results = {lang: score_language(lang) for lang in args.langs.split(",")}
    print("| lang | toponym accuracy | recall | homonyms | event points outside the box "
          "| figure recall | figure precision | precision on incidents | false figures |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang, r in results.items():
        print(f"| {lang} | {r['toponym_accuracy']:.3f} | {r['toponym_recall']:.3f} | "
              f"{'/'.join(map(str, r['homonyms_k_n']))} | "
              f"{r['event_points_outside_box_k_n'][0]} of {r['event_points_outside_box_k_n'][1]} | "
              f"{r['figure_recall']:.3f} | {r['figure_precision']:.3f} | "
              f"{_fraction(r['figure_precision_incidents_k_n'])} | {r['false_figures']} |")
    print()
    print("| lang | event type right (incidents) | event type right (all matched) | running totals flagged "
          "| incidents flagged as totals |")
    print("| --- | --- | --- | --- | --- |")
    for lang, r in results.items():
        print(f"| {lang} | {_fraction(r['event_type_k_n'])} | {_fraction(r['event_type_all_k_n'])} | "
              f"{_fraction(r['totals_flagged_k_n'])} | {r['incidents_flagged_as_totals']} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"accuracy": results}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
