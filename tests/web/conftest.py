"""Fixtures for the REST API and web UI tests: one ingested demo store, a live server, a headless browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import faultlines

from .helpers import SCRIPT_REPORT, seed_facts, serving

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "reports"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo reports plus the script report, ingested once, with seeded relations/control/contradiction."""
    folder = tmp_path_factory.mktemp("web")
    report = folder / "script-report.txt"
    report.write_text(SCRIPT_REPORT, encoding="utf-8")
    db = folder / "web.db"
    with faultlines.open(db) as fl:
        fl.ingest([str(DEMO), str(report)])
        conn = fl.conn
        conn.execute("BEGIN IMMEDIATE")
        seeded = seed_facts(conn)
        conn.execute("COMMIT")
        row = conn.execute("SELECT id FROM documents WHERE text LIKE '%<script>%'").fetchone()
    return {"db": db, "script_document": row[0], **seeded}


@pytest.fixture(scope="session")
def live_server(web_store: dict[str, Any]) -> Iterator[str]:
    """The read-only server over the shared web store."""
    with serving(web_store["db"]) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (.ci/run installs `chromium`)")
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page that records console errors and requests leaving the machine."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.console_errors = []
    tab.external = []
    tab.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("request", lambda r: tab.external.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Folder for screenshots: $FAULTLINES_SCREENSHOTS or build/screenshots/."""
    folder = Path(os.environ.get("FAULTLINES_SCREENSHOTS") or ROOT / "build" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
