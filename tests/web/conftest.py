"""The offline page built once, served on 127.0.0.1, and a real headless Chromium (Debian's
/usr/bin/chromium driven by Playwright's Python package; never `playwright install`)."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need(what: str, why: str):
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI ({why})")
    pytest.skip(f"{what} not available ({why})")


@pytest.fixture(scope="session")
def built_page(tmp_path_factory) -> Path:
    """`perfxl web build` into a temporary folder (npm's pyodide and pip's wheels from the cache
    that `make web-deps` fills)."""
    from perfxl.web.build import build_page, pyodide_dir

    if shutil.which("npm") is None and not os.environ.get("PERFXL_PYODIDE_DIR"):
        try:
            pyodide_dir()
        except Exception:
            _need("npm", "the page's Pyodide comes from the npm package; run make sysdeps")
    out = tmp_path_factory.mktemp("page") / "perfxl-web"
    build_page(out)
    return out


@pytest.fixture(scope="session")
def node() -> str:
    return shutil.which("node") or _need("node", "make sysdeps installs nodejs")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(built_page):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(built_page)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium and Playwright's Python package, or a skip (a failure in CI)."""
    if not Path(CHROMIUM).exists():
        _need(CHROMIUM, "make sysdeps installs Debian's chromium")
    pytest.importorskip("playwright.sync_api")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory, chromium):
    """A fresh Chromium profile; ``context.requests`` lists every URL the browser asked for."""
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=chromium,
            headless=True, args=CHROMIUM_ARGS, locale="zh-CN", accept_downloads=True,
            viewport={"width": 1280, "height": 900})
        context.requests = []
        context.on("request", lambda r: context.requests.append(r.url))
        yield context
        context.close()


@pytest.fixture(scope="module")
def ready_page(browser_context, page_url):
    """The page opened and Python loaded (the cold start, once per session)."""
    page = browser_context.new_page()
    page.goto(page_url)
    page.wait_for_function("window.perfxlReady || document.body.dataset.state === 'failed'",
                           timeout=180_000)
    assert page.evaluate("document.body.dataset.state") != "failed", page.text_content("#status")
    return page
