import { fill, docLink, el, getJSON, table } from "../dom.js";

const COUNTS = [
  ["documents", "documents"],
  ["sources", "sources"],
  ["events", "events"],
  ["actors_seen", "actors seen"],
  ["actors_discovered", "actors discovered"],
  ["places_seen", "places"],
  ["relations", "relations"],
  ["control_intervals", "control intervals"],
  ["contradictions", "contradictions"],
];

export async function overviewPage(page) {
  const data = await getJSON("/api/overview");
  const s = data.stats;
  fill(page, 
    el("h1", {}, "Overview"),
    el("p", { class: "muted" }, `Store ${data.store}: reports published ${s.published_from ?? "?"} to ${s.published_until ?? "?"}; `,
      `events dated ${data.events_dates.from ?? "?"} to ${data.events_dates.until ?? "?"}.`),
    el("div", { class: "cards", id: "counts" }, COUNTS.map(([key, label]) =>
      el("div", { class: "card", dataset: { count: key } }, el("div", { class: "value" }, s[key] ?? 0), el("div", { class: "label" }, label)))),
    el("h2", {}, "Corpus"),
    table(["id", "published", "source", "title"], data.documents.map((d) => [String(d.id), d.published ?? "undated", d.source ?? "", docLink(d)])),
  );
}
