"""The REST API over a real ingested store: filters, paging, escaping, injection, 422s, read-only vs write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from faultlines.web import create_app

from .helpers import ALPHA, BETA, GAMMA, copy_store

pytestmark = pytest.mark.slow  # the shared store is the demo corpus run through spaCy


@pytest.fixture(scope="module")
def client(web_store: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(web_store["db"])) as c:
        yield c


@pytest.fixture()
def writer(web_store: dict[str, Any], tmp_path: Path) -> Iterator[TestClient]:
    db = copy_store(web_store["db"], tmp_path / "write.db")
    with TestClient(create_app(db, write=True)) as c:
        yield c


def test_openapi_describes_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/events", "/api/actors/{ref}", "/api/state", "/api/search", "/api/contradictions"):
        assert route in paths
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/vendor/swagger-ui-dist/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text


def test_overview_counts_the_corpus(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["stats"]["documents"] == len(body["documents"]) == 14
    assert body["stats"]["events"] > 50
    assert body["stats"]["published_from"] == "2013-04-11"
    assert body["write"] is False


def test_events_page_through_the_whole_list_with_a_total(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    page = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert page["total"] == everything["total"] == len(everything["items"])
    assert [e["id"] for e in page["items"]] == [e["id"] for e in everything["items"][5:10]]


def test_events_filters_narrow_the_list(client: TestClient) -> None:
    isil = client.get("/api/events", params={"actor": "ISIL", "from": "2014-06-01", "to": "2014-06-30"}).json()
    assert isil["total"] > 0
    for event in isil["items"]:
        sides = {a["id"] for a in (event["actor1"], event["actor2"]) if a}
        assert "islamic-state-of-iraq-and-the-levant" in sides
        assert event["date"]["start"] <= "2014-06-30" and event["date"]["end"] >= "2014-06-01"
    reported = client.get("/api/events", params={"modality": "reported", "limit": 1000}).json()
    assert 0 < reported["total"] < client.get("/api/events").json()["total"]
    assert {e["modality"] for e in reported["items"]} == {"reported"}


def test_injection_through_filters_matches_nothing_and_drops_nothing(client: TestClient) -> None:
    before = client.get("/api/events").json()["total"]
    place = client.get("/api/events", params={"place": "x' OR '1'='1"})
    assert place.status_code == 200 and place.json()["total"] == 0
    actor = client.get("/api/events", params={"actor": "x'); DROP TABLE events; --"})
    assert actor.status_code == 404 and "no actor" in actor.json()["message"]
    found = client.get("/api/search", params={"q": "%' UNION SELECT 1 --"})
    assert found.status_code == 200 and found.json()["documents"] == []
    assert client.get("/api/events").json()["total"] == before


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/events?from=yesterday", "from"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?modality=rumoured", "modality"),
        ("/api/state", "at"),
        ("/api/state?at=2014-13-45", "at"),
        ("/api/relations?kind=friendship", "kind"),
        ("/api/events/abc", "event_id"),
        ("/api/search?q=", "q"),
    ],
)
def test_bad_parameters_get_422_with_a_message(client: TestClient, url: str, field: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert field in response.json()["message"]


def test_unknown_things_get_404_with_a_hint(client: TestClient) -> None:
    for url in ("/api/events/999999", "/api/documents/999999", "/api/actors/nobody-at-all"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["hint"]


def test_document_text_comes_back_verbatim_with_evidence_spans(client: TestClient, web_store: dict[str, Any]) -> None:
    doc = client.get(f"/api/documents/{web_store['script_document']}").json()
    assert "<script>window.__pwned = true</script>" in doc["text"]
    for span in doc["evidence"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_event_comes_with_the_documents_of_its_evidence(client: TestClient, web_store: dict[str, Any]) -> None:
    event = client.get(f"/api/events/{web_store['event']}").json()
    texts = {d["id"]: d["text"] for d in event["documents"]}
    assert event["evidence"]
    for span in event["evidence"]:
        assert texts[span["document"]][span["start"] : span["end"]] == span["text"]


def test_relations_and_control_follow_the_date(client: TestClient) -> None:
    early = client.get("/api/state", params={"at": "2014-05-01"}).json()
    late = client.get("/api/state", params={"at": "2014-12-01"}).json()

    def pairs(state: dict[str, Any]) -> set[tuple[str, str, str]]:
        return {(r["a"]["id"], r["b"]["id"], r["kind"]) for r in state["relations"]}

    assert {(ALPHA, BETA, "alliance"), (ALPHA, GAMMA, "affiliation")} <= pairs(early)
    assert (ALPHA, BETA, "rivalry") in pairs(late) and (ALPHA, BETA, "alliance") not in pairs(late)
    held = [{c["place"]["name"]: c["holder"]["id"] for c in s["control"] if c["holder"]} for s in (early, late)]
    assert (held[0]["Testville"], held[1]["Testville"]) == (ALPHA, BETA)
    testville = client.get("/api/control", params={"place": "Testville", "at": "2014-05-01"}).json()
    assert [c["holder"]["id"] for c in testville] == [ALPHA]


def test_actor_shows_names_relation_history_and_events(client: TestClient) -> None:
    alpha = client.get(f"/api/actors/{ALPHA}").json()
    assert [r["kind"] for r in alpha["relations"]] == ["alliance", "affiliation", "rivalry"]
    isil = client.get("/api/actors/ISIL").json()
    assert "ISIL" in isil["aliases"] and isil["events"]


def test_search_finds_documents_actors_and_events(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Mosul"}).json()
    assert any("Mosul" in d["title"] for d in found["documents"])
    assert found["events"] or found["actors"]
    assert any(a["id"] == "jabhat-al-nusra" for a in client.get("/api/search", params={"q": "Nusra"}).json()["actors"])


def test_corrections_are_refused_when_read_only(client: TestClient) -> None:
    response = client.post("/api/actors/merge", json={"keep": ALPHA, "other": BETA})
    assert response.status_code == 403
    assert "--write" in response.json()["hint"]
    assert client.get(f"/api/actors/{BETA}").json()["id"] == BETA


def test_write_mode_records_a_merge_and_an_alias_as_corrections(writer: TestClient) -> None:
    merged = writer.post("/api/actors/merge", json={"keep": ALPHA, "other": BETA})
    assert merged.status_code == 200 and BETA in merged.json()["merged"]
    assert writer.get(f"/api/actors/{BETA}").json()["id"] == ALPHA
    aliased = writer.post(f"/api/actors/{GAMMA}/aliases", json={"alias": "The Gamma Shura"})
    assert "The Gamma Shura" in aliased.json()["aliases"]
    assert writer.get("/api/actors/The Gamma Shura").json()["id"] == GAMMA
    assert writer.get("/api/overview").json()["stats"]["corrections"] == 2


def test_write_mode_rejects_bad_bodies_with_422(writer: TestClient) -> None:
    assert writer.post("/api/actors/merge", json={"keep": ALPHA}).status_code == 422
    same = writer.post("/api/actors/merge", json={"keep": ALPHA, "other": ALPHA})
    assert same.status_code == 422 and "same actor" in same.json()["message"]


def test_write_mode_rejects_an_event_through_the_python_api(writer: TestClient, web_store: dict[str, Any]) -> None:
    event_id = web_store["event"]
    before = writer.get("/api/events").json()["total"]
    response = writer.post(f"/api/events/{event_id}/reject", json={"note": "not an event"})
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    assert writer.get("/api/events").json()["total"] == before - 1
    assert writer.get("/api/overview").json()["stats"]["corrections"] == 1


def test_write_mode_edits_an_event_and_refuses_unknown_fields(writer: TestClient, web_store: dict[str, Any]) -> None:
    event_id = web_store["event"]
    edited = writer.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": 12}})
    assert edited.status_code == 200 and edited.json()["fatalities"]["best"] == 12
    bad = writer.patch(f"/api/events/{event_id}", json={"changes": {"colour": "red"}})
    assert bad.status_code == 422 and "colour" in bad.json()["message"]
    assert writer.get("/api/overview").json()["stats"]["corrections"] == 1
