import { fill, el, getJSON } from "../dom.js";

const show = (value) => (typeof value === "string" ? value : JSON.stringify(value));

function subjectLink(subject) {
  const label = subject.label ?? `${subject.kind} ${subject.id}`;
  return subject.kind === "event" ? el("a", { href: `#/event/${subject.id}` }, `event #${subject.id} (${label})`) : label;
}

export async function contradictionsPage(page) {
  const items = await getJSON("/api/contradictions");
  fill(page, el("h1", {}, "Contradictions between sources"),
    items.length ? "" : el("p", { class: "muted" }, "No contradictions recorded."),
    items.map((c) => el("section", { class: "contradiction", dataset: { id: c.id } },
      el("h2", {}, subjectLink(c.subject), ` — ${c.field}`),
      c.claims.map((claim) => el("div", { class: `claim${show(claim.value) === show(c.chosen) ? " chosen" : ""}` },
        el("strong", {}, show(claim.value)),
        show(claim.value) === show(c.chosen) ? el("span", { class: "tag" }, `chosen: ${c.rule ?? ""}`) : "",
        el("ul", { class: "plain" }, claim.evidence.map((ev) => el("li", {},
          el("a", { href: `#/document/${ev.document}` }, `document ${ev.document}`), ": ", el("mark", { class: "evidence" }, ev.text)))))))));
}
