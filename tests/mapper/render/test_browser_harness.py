"""The headless-Chromium harness itself: each check here fails if the harness stops catching it."""

from __future__ import annotations

import html
import time

import pytest

from browser import (
    browser_unavailable,
    colour_count,
    open_offline,
    skip_or_fail,
    wait_for_leaflet,
)


def write_page(tmp_path, body: str, head: str = "", name: str = "page.html"):
    path = tmp_path / name
    path.write_text(
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>',
        encoding="utf-8",
    )
    return path


def eventually(pg, predicate, timeout_ms: float = 5_000):
    """Poll ``predicate`` while letting Playwright deliver events (async fetches, WebSockets)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pg.wait_for_timeout(50)
    return True


# (a) a local page with inline JS runs, offline, and the result can be read back ---------------

@pytest.mark.browser
@pytest.mark.parametrize("via", ["page", "browser"])
def test_inline_script_runs_offline(via, request, tmp_path):
    # A Cyrillic file name with a space: the harness must still recognise "the file itself".
    path = write_page(
        tmp_path,
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'
        '<script>document.title = "карта " + (2 + 3);</script>',
        name="карта событий.html",
    )
    pg, errors, requests = open_offline(request.getfixturevalue(via), path)
    try:
        assert pg.title() == "карта 5"
        assert errors == []
        assert requests == []  # neither the file itself nor a data: URL counts as a request
    finally:
        if via == "browser":
            pg.context.close()


def test_missing_file_is_an_error(page, tmp_path):
    with pytest.raises(FileNotFoundError):
        open_offline(page, tmp_path / "no-such-map.html")


# (b) any online (or off-file) dependency is blocked and recorded -----------------------------

ONLINE_DEPENDENCIES = {
    "script": ('<script src="https://example.org/x.js"></script>', "", "https://example.org/x.js"),
    "stylesheet": ("", '<link rel="stylesheet" href="https://cdn.example.org/leaflet.css">',
                   "https://cdn.example.org/leaflet.css"),
    "tile image": ('<img src="https://tile.example.org/5/17/10.png">', "",
                   "https://tile.example.org/5/17/10.png"),
    "fetch": ('<script>fetch("http://127.0.0.1:9/events.json").catch(() => {});</script>', "",
              "http://127.0.0.1:9/events.json"),
    "websocket": ('<script>new WebSocket("wss://example.org/live");</script>', "",
                  "wss://example.org/live"),
    "worker fetch": ('<script>new Worker(URL.createObjectURL(new Blob('
                     '["fetch(\'https://example.org/w\').catch(() => {})"])));</script>', "",
                     "https://example.org/w"),
    "local file beside the map": ('<script src="leaflet.js"></script>', "", "leaflet.js"),
}


@pytest.mark.parametrize("kind", list(ONLINE_DEPENDENCIES))
def test_online_dependency_is_blocked_and_recorded(kind, page, tmp_path):
    body, head, url = ONLINE_DEPENDENCIES[kind]
    (tmp_path / "leaflet.js").write_text("window.__loaded = 'leaflet.js';", encoding="utf-8")
    path = write_page(tmp_path, body, head)
    if url == "leaflet.js":
        url = (tmp_path / "leaflet.js").as_uri()
    pg, errors, requests = open_offline(page, path)
    assert eventually(pg, lambda: requests), f"the {kind} request was not recorded"
    assert requests == [url]
    assert pg.evaluate("window.__loaded") is None  # nothing was actually loaded


def test_external_script_is_blocked_with_a_console_error(page, tmp_path):
    path = write_page(
        tmp_path,
        '<script src="https://example.org/x.js"></script>'
        '<script>document.title = typeof window.fromExample;</script>',
    )
    pg, errors, requests = open_offline(page, path)
    assert requests == ["https://example.org/x.js"]
    assert pg.title() == "undefined"  # the page ran on without the script
    assert any("ERR_BLOCKED_BY_CLIENT" in e and "https://example.org/x.js" in e for e in errors), errors


def test_allow_files_lets_a_named_local_file_load(page, tmp_path):
    (tmp_path / "leaflet.js").write_text("window.__loaded = 'leaflet.js';", encoding="utf-8")
    path = write_page(tmp_path, '<script src="leaflet.js"></script>')
    pg, errors, requests = open_offline(page, path, allow_files=[tmp_path / "leaflet.js"])
    assert pg.evaluate("window.__loaded") == "leaflet.js"
    assert (errors, requests) == ([], [])


# (c) JS errors are reported ------------------------------------------------------------------

def test_uncaught_exception_is_reported(page, tmp_path):
    path = write_page(tmp_path, '<script>throw new Error("boom from the map");</script>')
    pg, errors, requests = open_offline(page, path)
    assert eventually(pg, lambda: errors)
    assert [e for e in errors if e.startswith("pageerror:")] == ["pageerror: boom from the map"]
    assert requests == []


def test_console_error_and_late_error_are_reported(page, tmp_path):
    path = write_page(
        tmp_path,
        '<script>console.error("no events to plot");'
        'setTimeout(() => { undefinedFunction(); }, 100);</script>',
    )
    pg, errors, _ = open_offline(page, path)
    assert eventually(pg, lambda: len(errors) >= 2)
    assert errors[0].startswith("console.error: no events to plot")
    assert errors[1].startswith("pageerror:") and "undefinedFunction" in errors[1]


# (d) script execution from an injected payload is detectable ---------------------------------

PAYLOAD = '<img src=x onerror="window.__pwned=1">'
# A broken image whose onerror always runs: once it has, the payload had its chance too.
SENTINEL = '<img src="missing.png" onerror="window.__sentinel=1">'


def test_escaped_payload_is_text_and_does_not_run(page, tmp_path):
    path = write_page(tmp_path, f"<p id=popup>{html.escape(PAYLOAD)}</p>{SENTINEL}")
    pg, errors, requests = open_offline(page, path)
    pg.wait_for_function("() => window.__sentinel === 1")
    assert pg.evaluate("window.__pwned") is None
    assert pg.inner_text("#popup") == PAYLOAD  # shown to the reader as text
    assert requests == [(tmp_path / "missing.png").as_uri()]  # only the sentinel, not "x"


def test_unescaped_payload_runs_and_is_detected(page, tmp_path):
    path = write_page(tmp_path, f"<p id=popup>{PAYLOAD}</p>{SENTINEL}")
    pg, errors, requests = open_offline(page, path)
    pg.wait_for_function("() => window.__sentinel === 1")
    assert pg.evaluate("window.__pwned") == 1
    assert (tmp_path / "x").as_uri() in requests


# (e) screenshots show what was rendered ------------------------------------------------------

def test_screenshot_of_a_rendered_page_is_not_blank(page, tmp_path):
    path = write_page(
        tmp_path,
        '<div style="width:300px;height:200px;background:#c0392b"></div>'
        '<p style="font:24px sans-serif">Плехово, Курская область</p>',
    )
    pg, errors, _ = open_offline(page, path)
    png = pg.screenshot()
    assert png.startswith(b"\x89PNG")
    assert colour_count(png) > 2  # white, red, and anti-aliased glyphs
    assert errors == []


def test_screenshot_of_an_empty_page_is_blank(page, tmp_path):
    pg, _, _ = open_offline(page, write_page(tmp_path, ""))
    assert colour_count(pg.screenshot()) == 1  # the check above can fail


# Leaflet readiness ---------------------------------------------------------------------------

def test_wait_for_leaflet_returns_the_global_maps(page, tmp_path):
    # A stand-in for Leaflet, created late as a slow script would: the wait must poll.
    path = write_page(
        tmp_path,
        '<div id="map_0a1b"></div><script>setTimeout(() => {'
        "window.L = {Map: function Map() {}};"
        'document.getElementById("map_0a1b").className = "leaflet-container";'
        "window.map_0a1b = new L.Map();}, 200);</script>",
    )
    pg, errors, _ = open_offline(page, path)
    assert wait_for_leaflet(pg) == ["map_0a1b"]
    assert errors == []


def test_wait_for_leaflet_fails_clearly_without_leaflet(page, tmp_path):
    path = write_page(tmp_path, '<div class="leaflet-container"></div>')
    pg, _, _ = open_offline(page, path)
    with pytest.raises(AssertionError, match=r"window\.L = 'undefined', 1 \.leaflet-container"):
        wait_for_leaflet(pg, timeout=300)


def test_wait_for_leaflet_with_real_leaflet(page, tmp_path):
    xstatic = pytest.importorskip(
        "xstatic.pkg.leaflet", reason="a real Leaflet build needs XStatic-Leaflet (optional)"
    )
    from pathlib import Path

    leaflet_js = (Path(xstatic.BASE_DIR) / "leaflet.js").read_text(encoding="utf-8")
    path = write_page(
        tmp_path,
        '<div id="map_ff" style="width:400px;height:300px"></div>'
        "<script>var map_ff = L.map('map_ff').setView([51.3, 35.2], 9);</script>",
        head=f"<script>{leaflet_js}</script>",
    )
    pg, errors, requests = open_offline(page, path)
    assert wait_for_leaflet(pg) == ["map_ff"]
    assert pg.evaluate("map_ff.getZoom()") == 9
    assert (errors, requests) == ([], [])


# skip / fail policy (no browser needed) ------------------------------------------------------

def test_missing_chromium_is_named():
    reason = browser_unavailable("/nonexistent/chromium")
    assert reason and "/nonexistent/chromium" in reason


def test_missing_browser_skips_on_a_developer_machine(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        skip_or_fail("Chromium not found at /nonexistent/chromium")


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_missing_browser_fails_in_ci(ci, monkeypatch):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        skip_or_fail("Chromium not found at /nonexistent/chromium")


# several test modules importing the fixture share one browser -------------------------------

@pytest.mark.browser
def test_fixture_imported_by_two_modules_shares_one_browser(tmp_path):
    """Each importing module gets its own copy of the session fixture; both must work."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    for name in ("test_one.py", "test_two.py"):
        (tmp_path / name).write_text(
            "from browser import browser, page  # noqa: F401\n"
            "def test_it(browser, page, tmp_path):\n"
            "    page.goto('data:text/html,<title>ok</title>')\n"
            "    assert page.title() == 'ok'\n"
            "    with open('ids.txt', 'a') as f:\n"
            "        f.write(str(id(browser)) + '\\n')\n",
            encoding="utf-8",
        )
    tests_dir = str(Path(__file__).resolve().parents[2])
    pythonpath = os.pathsep.join(filter(None, [tests_dir, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": pythonpath}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", os.devnull,
         "--rootdir", str(tmp_path), "test_one.py", "test_two.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed" in run.stdout
    ids = (tmp_path / "ids.txt").read_text().split()
    assert len(ids) == 2 and ids[0] == ids[1]  # the same Chromium, launched once
