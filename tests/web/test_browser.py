"""The web UI in headless Chromium over a live server: overview, date slider, evidence, escaping.

Screenshots go to $FAULTLINES_SCREENSHOTS (default build/screenshots/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from .helpers import ALPHA, GAMMA, copy_store, serving

pytestmark = pytest.mark.slow  # the live server reads the demo corpus run through spaCy

TIMEOUT = 15_000


def _open(page: Any, base: str, route: str) -> None:
    """Open a UI page and wait until it has rendered."""
    page.goto(f"{base}/#{route}")
    page.wait_for_selector(f"body[data-ready='{route.split('?')[0]}']", timeout=TIMEOUT)


def _offline(page: Any) -> None:
    assert page.external == [], f"the UI fetched from outside the machine: {page.external}"
    assert page.console_errors == []


def test_overview_shows_counts_and_the_corpus(page: Any, live_server: str, screenshots: Path) -> None:
    _open(page, live_server, "/")
    assert page.locator("[data-count=documents] .value").inner_text() == "14"
    assert int(page.locator("[data-count=events] .value").inner_text()) > 50
    assert page.get_by_role("link", name="Tikrit falls a day after Mosul as Iraqi army crumbles").is_visible()
    page.screenshot(path=screenshots / "overview.png", full_page=True)
    _offline(page)


def _slide_to(page: Any, iso: str) -> None:
    """Move the date slider to ``iso`` as a user dragging it would (input events), then wait for the redraw."""
    day = page.evaluate("(iso) => Math.floor(Date.parse(iso) / 86400000)", iso)
    page.locator("#date-slider").fill(str(day))
    page.wait_for_selector(f"#graph[data-at='{iso}'][data-edges]", timeout=TIMEOUT)
    page.wait_for_selector(f"#map[data-at='{iso}']", timeout=TIMEOUT)


def _alpha_edges(page: Any) -> list[str]:
    """Kinds of the edges the graph draws from Alpha Brigade."""
    script = f"faultlines.cy.edges('[source = \"{ALPHA}\"]').map(e => e.data('kind')).sort()"
    return list(page.evaluate(script))


def test_date_slider_redraws_the_graph_and_the_control_map(
    page: Any, live_server: str, web_store: dict[str, Any], screenshots: Path
) -> None:
    _open(page, live_server, "/state")
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached", timeout=TIMEOUT)
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the offline basemap's countries
    assert page.locator(".leaflet-tile").count() == 0

    _slide_to(page, "2014-05-01")
    relations = page.locator("#relations-at").inner_text()
    assert "Alpha Brigade — alliance — Beta Front" in relations
    assert "Alpha Brigade — affiliation — Gamma Council" in relations
    assert "Testville held by Alpha Brigade" in page.locator("#control-at").inner_text()
    assert _alpha_edges(page) == ["affiliation", "alliance"]
    page.screenshot(path=screenshots / "state-2014-05-01.png", full_page=True)

    _slide_to(page, "2014-12-01")
    relations = page.locator("#relations-at").inner_text()
    assert "Alpha Brigade — rivalry — Beta Front" in relations
    assert "alliance — Beta Front" not in relations and "Gamma Council" not in relations
    assert "Testville held by Beta Front" in page.locator("#control-at").inner_text()
    assert _alpha_edges(page) == ["rivalry"]
    page.locator(f".control-place-{web_store['place']}").hover()
    assert "Testville: Beta Front" in page.locator(".leaflet-tooltip").inner_text()
    page.screenshot(path=screenshots / "state-2014-12-01.png", full_page=True)
    _offline(page)


def test_event_page_highlights_the_evidence_in_its_document(
    page: Any, live_server: str, web_store: dict[str, Any], screenshots: Path
) -> None:
    event = httpx.get(f"{live_server}/api/events/{web_store['event']}").json()
    _open(page, live_server, f"/event/{event['id']}")
    marks = page.locator("section.evidence-doc mark.evidence")
    assert marks.count() == len(event["evidence"])
    assert marks.first.inner_text().strip() == event["evidence"][0]["text"].strip()
    assert marks.first.is_visible()
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=screenshots / "event.png", full_page=True)
    _offline(page)


def test_script_in_a_document_is_shown_as_text_never_run(
    page: Any, live_server: str, web_store: dict[str, Any], screenshots: Path
) -> None:
    _open(page, live_server, f"/document/{web_store['script_document']}")
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = true</script>" in text
    assert '<img src=x onerror="window.__pwned = true">' in text
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    page.screenshot(path=screenshots / "document-with-script.png", full_page=True)


def test_timeline_draws_events_and_filters_by_actor(page: Any, live_server: str, screenshots: Path) -> None:
    _open(page, live_server, "/timeline")
    page.wait_for_selector(".vis-item", timeout=TIMEOUT)
    everything = int(page.locator("#timeline").get_attribute("data-items"))
    page.get_by_label("actor").fill("Naqshbandi Army")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_function("location.hash.includes('actor=')", timeout=TIMEOUT)
    page.wait_for_selector("body[data-ready='/timeline'] #timeline-count", timeout=TIMEOUT)
    fewer = f"(t => t && Number(t.dataset.items) < {everything})(document.querySelector('#timeline'))"
    page.wait_for_function(fewer, timeout=TIMEOUT)
    assert "Naqshbandi" in page.locator("table").inner_text()
    page.screenshot(path=screenshots / "timeline.png", full_page=True)
    _offline(page)


def test_contradictions_page_shows_both_claims_and_the_choice(page: Any, live_server: str) -> None:
    _open(page, live_server, "/contradictions")
    # the store's own contradictions (from demo/reports, a fatalities dispute among them) are listed too;
    # the fixture's is the one chosen by its own rule
    section = page.locator("section.contradiction", has_text="most specific source")
    assert section.count() == 1
    assert section.locator(".claim").count() == 2
    assert "25" in section.locator(".claim.chosen").inner_text()
    assert section.locator("mark.evidence").count() == 1


def test_actor_page_shows_names_and_relation_history(page: Any, live_server: str) -> None:
    _open(page, live_server, f"/actor/{ALPHA}")
    assert page.locator("#actor-name").inner_text() == "Alpha Brigade"
    history = page.locator("table").first.inner_text()
    for kind, other in (("alliance", "Beta Front"), ("affiliation", "Gamma Council"), ("rivalry", "Beta Front")):
        assert kind in history and other in history
    page.get_by_role("link", name="Gamma Council").click()
    page.wait_for_function("document.querySelector('#actor-name')?.innerText === 'Gamma Council'", timeout=TIMEOUT)


def test_api_docs_render_offline(page: Any, live_server: str, screenshots: Path) -> None:
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=TIMEOUT)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/state" in paths
    page.screenshot(path=screenshots / "api-docs.png")
    assert page.external == []


def test_corrections_from_the_ui_only_in_write_mode(
    page: Any, live_server: str, web_store: dict[str, Any], tmp_path: Path
) -> None:
    _open(page, live_server, f"/actor/{GAMMA}")
    assert page.locator("#alias-form").count() == 0  # read-only server: no correction forms
    with serving(copy_store(web_store["db"], tmp_path / "write.db"), write=True) as writer:
        _open(page, writer, f"/actor/{GAMMA}")
        page.get_by_label("new alias").fill("Gamma Shura <b>Council</b>")
        page.get_by_role("button", name="Add alias").click()
        page.wait_for_selector("#alias-status:text('Alias added.')", timeout=TIMEOUT)
        assert "Gamma Shura <b>Council</b>" in page.locator("#actor-aliases").inner_text()
        assert page.locator("#actor-aliases b").count() == 0
        stats = httpx.get(f"{writer}/api/overview").json()["stats"]
        assert stats["corrections"] == 1
