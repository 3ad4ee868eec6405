import { actorLink, fill, dateText, docLink, el, eventLink, getJSON, placeName } from "../dom.js";

export async function searchPage(page, params) {
  const q = params.get("q") || "";
  const r = await getJSON(`/api/search?q=${encodeURIComponent(q)}`);
  fill(page, el("h1", {}, `Search: ${r.query}`),
    el("h2", {}, `Documents (${r.documents.length})`),
    el("ul", { class: "plain" }, r.documents.map((d) => el("li", {}, docLink(d), el("div", { class: "muted" }, d.snippet)))),
    el("h2", {}, `Actors (${r.actors.length})`),
    el("ul", { class: "plain" }, r.actors.map((a) => el("li", {}, actorLink(a), ` — ${a.kind ?? ""}, ${a.mentions} mentions`))),
    el("h2", {}, `Events (${r.events.length})`),
    el("ul", { class: "plain" }, r.events.map((e) => el("li", {}, eventLink(e), ` ${dateText(e.date)} ${e.type} @ ${placeName(e.place)}`))));
}
