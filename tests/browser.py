"""Headless-Chromium harness: open the HTML we write as a user would, with the network cut off.

Tests use Debian's ``chromium`` (``/usr/bin/chromium``) driven by Playwright for Python. Playwright
never downloads a browser here: the executable is always given explicitly. The fixtures reach
every test module through ``pytest_plugins`` in ``tests/conftest.py``; import the helpers::

    from browser import open_offline, wait_for_leaflet

- ``browser`` (session): one Chromium for the whole run. Skipped with a reason when Chromium or
  Playwright is missing on a developer machine; a *failure* when ``CI`` is set, so CI can never
  pass by skipping every browser test.
- ``page`` (function): a fresh browser context (no shared cookies/storage/cache) and page, closed
  after the test.
- ``open_offline(page_or_browser, path) -> (page, errors, requests)``: loads ``path`` via
  ``file://`` with every request except the file itself (and ``data:``/``blob:``, which never reach
  the network) aborted and recorded.
- ``wait_for_leaflet(page)``: waits until ``window.L`` and a ``.leaflet-container`` exist and
  returns the names of the global ``L.Map`` objects (Folium's ``map_<hex>`` variables).
- ``colour_count(png_bytes)``: how many distinct colours a screenshot has (1 = blank).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

if TYPE_CHECKING:  # playwright is optional at import time: the module must import without it
    from playwright.sync_api import Browser, BrowserContext, Page

#: Debian's package installs the launcher here; ``CONFLICTMAP_CHROMIUM`` overrides it.
DEFAULT_CHROMIUM = "/usr/bin/chromium"

#: Flags for headless Chromium as root on a machine whose only network is the package registries.
#: Playwright itself adds ``--headless`` (the new headless mode) and a fresh temporary
#: ``--user-data-dir`` for every launch. The background-networking flags stop Chromium's own
#: start-up traffic; ``--host-resolver-rules`` makes every host name outside this machine
#: unresolvable, so even a connection that bypassed request routing (e.g. a preconnect hint) or
#: Chromium's own update/sign-in lookups cannot reach DNS, let alone the internet.
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root
    "--disable-gpu",
    "--disable-dev-shm-usage",  # small /dev/shm in containers
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
]

#: Same page geometry and locale every run, so screenshots are comparable.
CONTEXT_OPTIONS = {
    "viewport": {"width": 1024, "height": 768},
    "device_scale_factor": 1,
    "locale": "en-US",
    "timezone_id": "UTC",
    "service_workers": "block",  # a service worker's fetches would bypass routing
}

DEFAULT_TIMEOUT_MS = 15_000

#: The oldest Playwright verified with Debian's Chromium 156 (see browser_unavailable).
MIN_PLAYWRIGHT = (1, 49)


def chromium_executable() -> str:
    return os.environ.get("CONFLICTMAP_CHROMIUM") or DEFAULT_CHROMIUM


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _playwright_version() -> tuple[int, ...]:
    from importlib.metadata import version

    return tuple(int(part) for part in version("playwright").split(".")[:2] if part.isdigit())


def browser_unavailable(executable: str | None = None) -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    executable = executable or chromium_executable()
    missing = []
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        missing.append(f"Chromium not found at {executable} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package is not installed (pip install -e '.[test]')")
    else:
        version = _playwright_version()
        if version < MIN_PLAYWRIGHT:
            # Older Playwright starts Chromium with --headless=old, which Chromium >= 132 dropped:
            # the browser starts but the test run hangs.
            missing.append(
                f"playwright {'.'.join(map(str, version))} is too old for Debian's Chromium "
                f"(need >= {'.'.join(map(str, MIN_PLAYWRIGHT))})"
            )
    return "; ".join(missing) or None


def skip_or_fail(reason: str) -> None:
    """Skip on a developer machine; fail under CI, where the browser must have been installed."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests need Chromium and Playwright: {reason}")


#: One Playwright and one Chromium per test process. Each test module that imports the
#: ``browser`` fixture gets its own copy of the fixture definition, and Playwright's sync API
#: cannot be started twice at once, so the copies share this state (counted, closed by the last).
_SESSION: dict = {}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, via Playwright) for the whole test session."""
    reason = browser_unavailable()
    if reason:
        skip_or_fail(reason)
    if not _SESSION:
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        try:
            # A launch error (missing libraries, bad flags) propagates: a failure, not a skip.
            _SESSION["browser"] = pw.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True,
            )
        except BaseException:
            pw.stop()
            raise
        _SESSION.update(playwright=pw, users=0)
    _SESSION["users"] += 1
    try:
        yield _SESSION["browser"]
    finally:
        _SESSION["users"] -= 1
        if _SESSION["users"] == 0:
            chromium, pw = _SESSION["browser"], _SESSION["playwright"]
            _SESSION.clear()
            try:
                chromium.close()
            finally:
                pw.stop()


def new_context(browser: "Browser") -> "BrowserContext":
    """A fresh, isolated context with the harness's fixed viewport, locale and timeouts."""
    context = browser.new_context(**CONTEXT_OPTIONS)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


@pytest.fixture
def page(browser):
    """A page in its own fresh context, closed after the test."""
    context = new_context(browser)
    try:
        yield context.new_page()
    finally:
        context.close()


def _file_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(url2pathname(unquote(parts.path)))


def open_offline(
    page_or_browser: "Page | Browser",
    path: str | os.PathLike,
    *,
    allow_files: Iterable[str | os.PathLike] = (),
    wait_until: str = "load",
) -> tuple["Page", list[str], list[str]]:
    """Open the local HTML file ``path`` with the network cut off; return ``(page, errors, requests)``.

    Every request of the page's context (page, frames, workers, pop-ups, WebSockets) is routed: the
    file itself, any of ``allow_files``, and ``data:``/``blob:`` URLs (which never reach the
    network) load; everything else -- http(s), ws(s), and other ``file://`` paths such as a
    ``leaflet.js`` beside the map -- is aborted and its URL appended to ``requests`` (a WebSocket
    is left unconnected: the page sees a socket that never delivers anything). ``errors``
    collects uncaught JS exceptions (``pageerror: ...``) and ``console.error`` messages
    (``console.error: ... (url:line)``); a blocked resource also shows up there as
    ``net::ERR_BLOCKED_BY_CLIENT``. Both lists keep filling after this returns, as events arrive.

    Given a ``Browser``, a fresh context is made: close it with ``page.context.close()``. Given a
    ``Page``, the routes go on its context; a later call on the same page takes precedence.
    Navigation waits for ``wait_until`` (default: the ``load`` event).
    """
    target = Path(path).resolve()
    if not target.is_file():
        raise FileNotFoundError(target)
    allowed = {target, *(Path(p).resolve() for p in allow_files)}

    if hasattr(page_or_browser, "goto"):
        pg = page_or_browser
    else:
        pg = new_context(page_or_browser).new_page()
    context = pg.context

    errors: list[str] = []
    requests: list[str] = []

    def route(route):
        url = route.request.url
        scheme = urlsplit(url).scheme
        local = _file_path(url)
        if scheme in ("data", "blob") or (local is not None and local.resolve() in allowed):
            route.continue_()
        else:
            requests.append(url)
            route.abort("blockedbyclient")

    def websocket(ws):
        # Not connecting to the server is what blocks it: the page gets a mock socket that goes
        # nowhere. (Calling ws.close() here deadlocks the sync API in Playwright 1.49.)
        requests.append(ws.url)

    def console(msg):
        if msg.type == "error":
            where = msg.location or {}
            url = where.get("url") or ""
            line = where.get("lineNumber", 0)
            errors.append(f"console.error: {msg.text}" + (f" ({url}:{line})" if url else ""))

    context.route("**/*", route)
    context.route_web_socket("**/*", websocket)
    pg.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    pg.on("console", console)
    pg.goto(target.as_uri(), wait_until=wait_until)
    return pg, errors, requests


_LEAFLET_READY = "() => typeof window.L !== 'undefined' && !!document.querySelector('.leaflet-container')"

_LEAFLET_MAPS = """() => Object.keys(window).filter(name => {
    try { return typeof L.Map === 'function' && window[name] instanceof L.Map; }
    catch (e) { return false; }
})"""


def wait_for_leaflet(page: "Page", timeout: float = 10_000) -> list[str]:
    """Wait for Leaflet (``window.L``) and a ``.leaflet-container``; return global ``L.Map`` names.

    Raises AssertionError naming what is missing after ``timeout`` milliseconds.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(_LEAFLET_READY, timeout=timeout)
    except PlaywrightTimeout:
        state = page.evaluate(
            "() => ({L: typeof window.L, containers: document.querySelectorAll('.leaflet-container').length})"
        )
        raise AssertionError(
            f"Leaflet not ready after {timeout:.0f} ms: typeof window.L = {state['L']!r}, "
            f"{state['containers']} .leaflet-container element(s) in {page.url}"
        ) from None
    return page.evaluate(_LEAFLET_MAPS)


def colour_count(png: bytes, limit: int = 1 << 16) -> int:
    """Distinct colours in a PNG (e.g. ``page.screenshot()``), counted up to ``limit``; 1 = blank."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        colours = image.convert("RGB").getcolors(maxcolors=limit)
    return limit + 1 if colours is None else len(colours)
