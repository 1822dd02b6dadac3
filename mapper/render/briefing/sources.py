"""The reports behind the claims, grouped by outlet, each once: its web address (http(s) only), date and claims.

A report is known by its URL, else its document id; copies of one report (merged events, a
claim quoted twice) are one report. Its outlet is the source name the input gave, else the
web address's host (``t.me/<channel>`` for Telegram). A report with neither outlet nor web
address is said to be so, with its input's name as the last resort, clearly labelled — never
a bare file name standing in for an outlet::

    >>> from mapper.model.events import Event
    >>> a = Event("a", "d1", killed=2, sources=({"doc_id": "d1", "url": "https://t.me/sumy_ova/512",
    ...                                           "published": "2024-12-14"},))
    >>> b = Event("b", "d1", wounded=3, sources=({"doc_id": "d1", "url": "https://t.me/sumy_ova/512"},))
    >>> c = Event("c", "seed_article", missing=3)
    >>> [(g.outlet, [(r.label, len(r.claims)) for r in g.reports]) for g in outlet_groups([a, b, c])]
    [('t.me/sumy_ova', [('https://t.me/sumy_ova/512', 2)]), ('Outlet not stated', [('report file “seed_article” (no outlet or web address given)', 1)])]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from mapper.model.events import Event, Source
from mapper.render.briefing.summary import event_sources, source_key
from mapper.render.links import web_link

__all__ = ["Report", "OutletGroup", "outlet_groups", "outlet_name", "report_text", "NO_OUTLET"]

NO_OUTLET = "Outlet not stated"
_TELEGRAM_HOSTS = ("t.me", "telegram.me")


def outlet_name(source: Source) -> str:
    """The outlet of a report: its source name, else its web address's host ("" when it has neither).

    >>> outlet_name(Source(url="https://www.example.org/a")), outlet_name(Source(url="https://t.me/s/chan/5"))
    ('example.org', 't.me/chan')
    >>> outlet_name(Source(url="javascript:alert(1)", source_name=" "))
    ''
    """
    name = str(source.source_name or "").strip()
    if name:
        return name
    link = web_link(source.url)
    if not link:
        return ""
    parts = urlsplit(link)
    host = (parts.hostname or "").removeprefix("www.")
    if host in _TELEGRAM_HOSTS:
        segments = [s for s in parts.path.split("/") if s and s != "s"]
        return f"t.me/{segments[0]}" if segments else host
    return host


@dataclass
class Report:
    """One report: where it is (``url``: a web link or None), when it was published, what it claims."""

    key: str
    outlet: str
    url: str | None
    given_url: str
    doc_id: str
    published: str
    claims: list[tuple[Source, Event]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The web address; else the input's name, labelled as such (the last resort)."""
        if self.url:
            return self.url
        what = f"report file “{self.doc_id}”" if self.doc_id else "unnamed report"
        if self.given_url:
            return what + " (the address given is not a web link: see the notes)"
        return what + (" (no web address given)" if self.outlet else " (no outlet or web address given)")


@dataclass
class OutletGroup:
    """An outlet and its reports, each once."""

    outlet: str
    reports: list[Report] = field(default_factory=list)


def outlet_groups(events: list[Event]) -> list[OutletGroup]:
    """The reports of ``events`` grouped by outlet (named outlets A–Z, then "Outlet not stated"); within an
    outlet by date. A claim merged from several reports is listed under each of them, once."""
    reports: dict[str, Report] = {}
    for ev in events:
        for source in event_sources(ev):
            key = source_key(source, ev)
            report = reports.get(key)
            if report is None:
                given = str(source.url or "").strip()
                report = reports[key] = Report(key, outlet_name(source), web_link(given), given,
                                               str(source.doc_id or ev.doc_id or "").strip(),
                                               str(source.published or "").strip())
            if not any(claimed is ev for _, claimed in report.claims):
                report.claims.append((source, ev))
    groups: dict[str, OutletGroup] = {}
    for report in reports.values():
        outlet = report.outlet or NO_OUTLET
        groups.setdefault(outlet.casefold() if report.outlet else "", OutletGroup(outlet)).reports.append(report)
    for group in groups.values():
        group.reports.sort(key=lambda r: (not r.published, r.published, r.label))
    return sorted(groups.values(), key=lambda g: (g.outlet == NO_OUTLET, g.outlet.casefold(), g.outlet))


def report_text(ev: Event) -> str:
    """The event's first report in a few words: outlet and date (``Kyiv Wire, 2024-12-16``).

    >>> report_text(Event("a", "seed", sources=({"doc_id": "seed", "published": "2024-12-16"},)))
    'report file “seed” (no outlet or web address given), 2024-12-16'
    """
    source = event_sources(ev)[0]
    outlet = outlet_name(source)
    link = web_link(source.url)
    if not outlet:
        outlet = link or Report("", "", None, "", str(source.doc_id or ev.doc_id or ""), "").label
    extra = f" (+{len(ev.sources) - 1} more)" if len(ev.sources) > 1 else ""
    return outlet + (f", {source.published}" if source.published else "") + extra
