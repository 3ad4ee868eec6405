import { actorLink, canWrite, fill, dateText, el, eventLink, getJSON, placeName, sendJSON, table } from "../dom.js";

export async function actorsPage(page) {
  const actors = await getJSON("/api/actors?limit=500");
  fill(page, el("h1", {}, "Actors"),
    table(["name", "kind", "country", "mentions", "first seen", "last seen"], actors.map((a) => [
      actorLink(a), a.kind ?? "", a.country ?? "", String(a.mentions), a.first_seen ?? "", a.last_seen ?? ""])));
}

const span = (r) => `${r.from ?? "?"} – ${r.until ?? "…"}`;

export async function actorPage(page, ref) {
  const a = await getJSON(`/api/actors/${encodeURIComponent(ref)}`);
  const other = (r) => (r.a && r.a.id === a.id ? r.b : r.a);
  fill(page, 
    el("h1", { id: "actor-name" }, a.name),
    el("dl", { class: "facts" },
      el("dt", {}, "id"), el("dd", {}, a.id),
      el("dt", {}, "kind"), el("dd", {}, a.kind ?? "–"),
      el("dt", {}, "country"), el("dd", {}, a.country ?? "–"),
      el("dt", {}, "parent"), el("dd", {}, a.parent ? actorLink(a.parent) : "–"),
      el("dt", {}, "active"), el("dd", {}, `${a.active_from ?? "?"} – ${a.active_until ?? "…"}`),
      el("dt", {}, "mentions"), el("dd", {}, `${a.mentions} in ${a.documents} documents (${a.first_seen ?? "?"} to ${a.last_seen ?? "?"})`),
      el("dt", {}, "origin"), el("dd", {}, a.provisional ? `${a.origin} (provisional)` : a.origin)),
    el("h2", {}, "Names"),
    el("p", { id: "actor-aliases" }, a.aliases.map((n) => el("span", { class: "tag" }, n))),
    (await canWrite()) ? aliasForm(a) : "",
    el("h2", {}, "Relation history"),
    a.relations.length
      ? table(["relation", "with", "from – until"], a.relations.map((r) => [r.kind, actorLink(other(r)), span(r)]))
      : el("p", { class: "muted" }, "No relations recorded."),
    el("h2", {}, `Events (${a.events.length})`),
    table(["id", "date", "type", "actor 1", "actor 2", "place"], a.events.map((e) => [
      eventLink(e), dateText(e.date), e.type, actorLink(e.actor1), actorLink(e.actor2), placeName(e.place)])),
  );
}

// Write mode only: add a name the actor is known by; recorded as an analyst correction.
function aliasForm(a) {
  const alias = el("input", { name: "alias", placeholder: "another name", "aria-label": "new alias" });
  const status = el("span", { class: "muted", id: "alias-status" });
  const form = el("form", { class: "filters", id: "alias-form" }, alias, el("button", { type: "submit" }, "Add alias"), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const updated = await sendJSON("POST", `/api/actors/${encodeURIComponent(a.id)}/aliases`, { alias: alias.value });
      fill(document.getElementById("actor-aliases"), updated.aliases.map((n) => el("span", { class: "tag" }, n)));
      status.textContent = "Alias added.";
    } catch (error) {
      status.textContent = error.message;
      status.className = "error";
    }
  });
  return form;
}
