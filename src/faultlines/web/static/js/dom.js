// DOM helpers. Every piece of user text goes into the page as a text node: never as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `${response.status} ${response.statusText}`);
    error.hint = body.hint;
    throw error;
  }
  return body;
}

// POST or PATCH a JSON body; throws with the server's message on an error status.
export async function sendJSON(method, url, body) {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer.message || `${response.status} ${response.statusText}`);
    error.hint = answer.hint;
    throw error;
  }
  return answer;
}

let writeMode = null;
// True when the server accepts corrections (started with --write).
export async function canWrite() {
  if (writeMode === null) writeMode = (await getJSON("/api/overview")).write;
  return writeMode;
}

export function table(headers, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c ?? ""))))));
}

export const actorLink = (actor) => (actor ? el("a", { href: `#/actor/${encodeURIComponent(actor.id)}` }, actor.name) : "–");
export const eventLink = (event, label) => el("a", { href: `#/event/${event.id}` }, label ?? `#${event.id}`);
export const docLink = (doc) => el("a", { href: `#/document/${doc.id}` }, doc.title || `document ${doc.id}`);
export const placeName = (place) => (place ? place.name : "–");
export const dateText = (d) => (d && d.start ? (d.start === d.end || !d.end ? d.start : `${d.start} – ${d.end}`) : "undated");

// The text with each span {start, end, cls, title, href} wrapped in <mark>; overlapping spans are merged.
export function highlighted(text, spans) {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    const mark = el("mark", { class: `evidence ${span.cls || ""}`.trim(), title: span.title || null }, text.slice(start, span.end));
    out.push(span.href ? el("a", { href: span.href }, mark) : mark);
    at = span.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function showError(page, error) {
  fill(page, el("p", { class: "error" }, error.message), error.hint ? el("p", { class: "muted" }, error.hint) : "");
}

// Replace the children of node with children (strings become text nodes; arrays are flattened).
export function fill(node, ...children) {
  clear(node);
  return append(node, children);
}
