// The system at a date: relation graph (cytoscape.js) and control map (Leaflet on an offline world basemap),
// both redrawn when the date slider moves.
import { actorLink, fill, el, getJSON } from "../dom.js";

const DAY = 86400000;
const COLOURS = { alliance: "#12b76a", rivalry: "#d92d20", affiliation: "#2e90fa", split: "#f79009", merger: "#7a5af8", support: "#667085" };
const toDay = (iso) => Math.floor(Date.parse(iso) / DAY);
const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
let world = null;

function dateBounds(overview, relations, control) {
  const dates = [overview.stats.published_from, overview.stats.published_until, overview.events_dates.from, overview.events_dates.until,
    ...relations.flatMap((r) => [r.from, r.until]), ...control.flatMap((c) => [c.from, c.until])].filter(Boolean).sort();
  const today = new Date().toISOString().slice(0, 10);
  return dates.length ? [dates[0], dates[dates.length - 1]] : [today, today];
}

function graphElements(relations) {
  const nodes = new Map();
  const edges = [];
  for (const r of relations) {
    if (!r.a || !r.b) continue;
    nodes.set(r.a.id, r.a.name);
    nodes.set(r.b.id, r.b.name);
    edges.push({ data: { id: `r${r.id}`, source: r.a.id, target: r.b.id, kind: r.kind, colour: COLOURS[r.kind] || "#98a2b3" } });
  }
  return [...[...nodes].map(([id, name]) => ({ data: { id, name } })), ...edges];
}

async function basemap(map) {
  world = world || (await getJSON("/vendor/world-atlas/countries-110m.json"));
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    style: { color: "#98a2b3", weight: 0.7, fillColor: "#f2efe6", fillOpacity: 1 }, interactive: false,
  }).addTo(map);
}

export async function statePage(page, params) {
  const [overview, allRelations, allControl, events] = await Promise.all([
    getJSON("/api/overview"), getJSON("/api/relations"), getJSON("/api/control"), getJSON("/api/events?limit=1000"),
  ]);
  const [first, last] = dateBounds(overview, allRelations, allControl);
  const start = params.get("at") || last;
  const slider = el("input", { type: "range", id: "date-slider", min: toDay(first), max: toDay(last), step: 1, value: toDay(start), "aria-label": "date" });
  const label = el("span", { id: "slider-date" }, start);
  const relationList = el("ul", { class: "plain", id: "relations-at" });
  const controlList = el("ul", { class: "plain", id: "control-at" });
  const graphBox = el("div", { id: "graph" });
  const mapBox = el("div", { id: "map" });
  fill(page, 
    el("h1", {}, "Relations and control at a date"),
    el("div", { class: "slider" }, el("span", { class: "muted" }, first), slider, el("span", { class: "muted" }, last), label),
    el("p", { class: "legend" }, Object.entries(COLOURS).map(([kind, colour]) => el("span", {}, el("i", { class: "swatch", style: `background:${colour}` }), kind))),
    el("div", { class: "state-grid" },
      el("section", {}, el("h2", {}, "Relation graph"), graphBox, relationList),
      el("section", {}, el("h2", {}, "Map: control and events"), mapBox, controlList)),
  );
  const cy = cytoscape({
    container: graphBox, elements: [],
    style: [
      { selector: "node", style: {
        label: "data(name)", "font-size": 12, "text-wrap": "wrap", "text-max-width": 110, "background-color": "#344054", width: 14, height: 14,
        "text-valign": "top", "text-margin-y": -3, "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
      } },
      { selector: "edge", style: { "line-color": "data(colour)", width: 3, label: "data(kind)", "font-size": 8, "curve-style": "bezier", "text-rotation": "autorotate", color: "#475467" } },
    ],
  });
  window.faultlines = { ...(window.faultlines || {}), cy }; // for scripted checks of the drawn graph
  cy.on("tap", "node", (evt) => { location.hash = `#/actor/${encodeURIComponent(evt.target.id())}`; });
  const map = L.map(mapBox, { worldCopyJump: false, zoomSnap: 0.5 }).setView([34, 40], 5);
  await basemap(map);
  const eventLayer = L.layerGroup().addTo(map);
  const controlLayer = L.layerGroup().addTo(map);

  async function redraw(at) {
    label.textContent = at;
    const state = await getJSON(`/api/state?at=${at}`);
    if (slider.value !== String(toDay(at))) return; // the slider moved on meanwhile
    cy.elements().remove();
    cy.add(graphElements(state.relations));
    cy.layout({ name: "cose", animate: false, padding: 30, nodeRepulsion: () => 300000, idealEdgeLength: () => 100, randomize: false }).run();
    graphBox.dataset.at = at;
    graphBox.dataset.edges = String(cy.edges().length);
    fill(relationList, state.relations.length ? state.relations.map((r) =>
      el("li", { dataset: { kind: r.kind } }, el("i", { class: "swatch", style: `background:${COLOURS[r.kind] || "#98a2b3"}` }),
        actorLink(r.a), ` — ${r.kind} — `, actorLink(r.b), el("span", { class: "muted" }, ` (${r.from ?? "?"} – ${r.until ?? "…"})`)))
      : el("li", { class: "muted" }, `No relation valid on ${at}.`));
    eventLayer.clearLayers();
    for (const e of events.items) {
      if (!e.place || e.place.latitude == null || !e.date.start || e.date.start > at) continue;
      L.circleMarker([e.place.latitude, e.place.longitude], { radius: 4, color: "#475467", weight: 1, fillOpacity: 0.5 })
        .bindTooltip(`${e.date.start} ${e.type} @ ${e.place.name}`).on("click", () => { location.hash = `#/event/${e.id}`; }).addTo(eventLayer);
    }
    controlLayer.clearLayers();
    for (const c of state.control) {
      if (!c.place || c.place.latitude == null) continue;
      L.circleMarker([c.place.latitude, c.place.longitude], { radius: 10, color: "#b42318", weight: 2, fillColor: "#fda29b", fillOpacity: 0.8, className: `control-marker control-place-${c.place.id}` })
        .bindTooltip(`${c.place.name}: ${c.holder ? c.holder.name : "unknown holder"}`).addTo(controlLayer);
    }
    mapBox.dataset.at = at;
    mapBox.dataset.control = String(state.control.length);
    fill(controlList, state.control.length ? state.control.map((c) =>
      el("li", {}, el("strong", {}, c.place ? c.place.name : "?"), " held by ", c.holder ? actorLink(c.holder) : "unknown",
        el("span", { class: "muted" }, ` (${c.from ?? "?"} – ${c.until ?? "…"})`)))
      : el("li", { class: "muted" }, `No control recorded on ${at}.`));
  }

  let timer = null;
  slider.addEventListener("input", () => {
    label.textContent = toIso(Number(slider.value));
    clearTimeout(timer);
    timer = setTimeout(() => redraw(toIso(Number(slider.value))), 120);
  });
  await redraw(toIso(Number(slider.value)));
}
