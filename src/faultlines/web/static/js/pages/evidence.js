import { actorLink, canWrite, fill, dateText, docLink, el, getJSON, highlighted, placeName, sendJSON } from "../dom.js";

export async function eventPage(page, id) {
  const e = await getJSON(`/api/events/${id}`);
  const facts = [
    ["type", `${e.type}${e.acled_sub_event_type ? ` (ACLED: ${e.acled_event_type} / ${e.acled_sub_event_type})` : ""}`],
    ["actor 1", actorLink(e.actor1)],
    ["actor 2", actorLink(e.actor2)],
    ["place", e.place ? `${e.place.name}${e.place.admin1 ? ", " + e.place.admin1 : ""} (${e.place.country ?? "?"})` : "–"],
    ["date", `${dateText(e.date)}${e.date.precision ? ` (${e.date.precision})` : ""}`],
    ["fatalities", e.fatalities ? `${e.fatalities.best}${e.fatalities.low !== e.fatalities.high ? ` (${e.fatalities.low}–${e.fatalities.high})` : ""}` : "–"],
    ["modality", `${e.modality}${e.attribution ? ` — ${e.attribution}` : ""}`],
    ["status", e.canonical_id ? el("span", {}, `${e.status}, merged into `, el("a", { href: `#/event/${e.canonical_id}` }, `#${e.canonical_id}`)) : e.status],
    ["reported by", `${e.source_count ?? 1} source${e.source_count === 1 ? "" : "s"}`],
  ];
  fill(page, 
    el("h1", {}, `Event #${e.id}: ${e.type}`, e.place ? ` in ${placeName(e.place)}` : ""),
    el("dl", { class: "facts" }, facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h2", {}, `Evidence (${e.evidence.length} sentence${e.evidence.length === 1 ? "" : "s"})`),
    e.documents.map((doc) => {
      const spans = e.evidence.filter((ev) => ev.document === doc.id).map((ev) => ({ start: ev.start, end: ev.end, title: "evidence for this event" }));
      return el("section", { class: "evidence-doc", dataset: { document: doc.id } },
        el("h3", {}, docLink(doc), el("span", { class: "muted" }, ` — ${doc.source ?? "unknown source"}, ${doc.published ?? "undated"}`)),
        el("div", { class: "doc-text" }, highlighted(doc.text, spans)));
    }),
  );
  if (e.status === "active" && (await canWrite())) page.querySelector("dl.facts").after(rejectForm(e));
  const first = page.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "center" });
}

export async function documentPage(page, id) {
  const doc = await getJSON(`/api/documents/${id}`);
  const spans = doc.evidence.map((ev) => ({
    start: ev.start, end: ev.end, cls: ev.subject_kind === "event" ? "" : "other",
    title: `${ev.subject_kind} ${ev.subject_id} (${ev.role})`,
    href: ev.subject_kind === "event" ? `#/event/${ev.subject_id}` : null,
  }));
  fill(page, 
    el("h1", { id: "doc-title" }, doc.title || `Document ${doc.id}`),
    el("p", { class: "muted" }, `${doc.source ?? "unknown source"} — published ${doc.published ?? "undated"}`,
      doc.published_method ? ` (found by ${doc.published_method})` : "", ` — ${doc.sources.length} cop${doc.sources.length === 1 ? "y" : "ies"}`),
    el("p", { class: "muted" }, `${doc.evidence.length} evidence spans highlighted; click one to open its event.`),
    el("div", { class: "doc-text", id: "doc-text" }, highlighted(doc.text, spans)),
  );
}

// Write mode only: reject the event, with an optional note; recorded as an analyst correction.
function rejectForm(e) {
  const note = el("input", { name: "note", placeholder: "why (optional)", "aria-label": "rejection note" });
  const status = el("span", { class: "muted", id: "reject-status" });
  const form = el("form", { class: "filters", id: "reject-form" }, note, el("button", { type: "submit" }, "Reject this event"), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const updated = await sendJSON("POST", `/api/events/${e.id}/reject`, { note: note.value || null });
      status.textContent = `Event ${updated.status}; the correction is recorded.`;
      form.querySelector("button").disabled = true;
    } catch (error) {
      status.textContent = error.message;
      status.className = "error";
    }
  });
  return form;
}
