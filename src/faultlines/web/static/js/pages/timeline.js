import { actorLink, fill, dateText, el, eventLink, getJSON, placeName, table } from "../dom.js";

function eventLabel(e) {
  const who = [e.actor1, e.actor2].filter(Boolean).map((a) => a.name).join(" vs ");
  return `${e.type}${who ? ": " + who : ""}${e.place ? " @ " + e.place.name : ""}`;
}

function item(e) {
  // Content as a DOM node: vis-timeline would read a string as HTML.
  const content = el("span", { dataset: { event: e.id } }, eventLabel(e));
  const start = e.date.start;
  const end = e.date.end && e.date.end !== e.date.start ? e.date.end : null;
  return { id: e.id, content, start, end, type: end ? "range" : "box", title: null };
}

export async function timelinePage(page, params) {
  const filters = { actor: params.get("actor") || "", type: params.get("type") || "", place: params.get("place") || "" };
  const query = new URLSearchParams({ limit: "1000" });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const form = el("form", { class: "filters", id: "timeline-filters" },
    el("input", { name: "actor", placeholder: "actor", value: filters.actor, "aria-label": "actor" }),
    el("input", { name: "type", placeholder: "type (e.g. armed_clash)", value: filters.type, "aria-label": "type" }),
    el("input", { name: "place", placeholder: "place", value: filters.place, "aria-label": "place" }),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim()) next.set(key, String(value).trim());
    location.hash = `#/timeline?${next}`;
  });
  const data = await getJSON(`/api/events?${query}`);
  const dated = data.items.filter((e) => e.date.start);
  const container = el("div", { id: "timeline", dataset: { items: dated.length } });
  fill(page, el("h1", {}, "Timeline of events"), form,
    el("p", { class: "muted", id: "timeline-count" }, `${data.total} events match (${dated.length} dated shown).`), container,
    el("h2", {}, "Events"),
    table(["id", "date", "type", "actor 1", "actor 2", "place", "deaths", "modality"], data.items.map((e) => [
      eventLink(e), dateText(e.date), e.type, actorLink(e.actor1), actorLink(e.actor2), placeName(e.place),
      e.fatalities ? String(e.fatalities.best) : "", e.modality])));
  if (!dated.length) return;
  const timeline = new vis.Timeline(container, new vis.DataSet(dated.map(item)), { stack: true, maxHeight: 480, zoomMin: 86400000 });
  timeline.on("select", ({ items }) => { if (items.length) location.hash = `#/event/${items[0]}`; });
}
