// Hash router: #/, #/timeline, #/state, #/actors, #/actor/ID, #/event/ID, #/document/ID, #/contradictions, #/search?q=
import { fill, el, showError } from "./dom.js";
import { overviewPage } from "./pages/overview.js";
import { timelinePage } from "./pages/timeline.js";
import { statePage } from "./pages/state.js";
import { actorsPage, actorPage } from "./pages/actors.js";
import { eventPage, documentPage } from "./pages/evidence.js";
import { contradictionsPage } from "./pages/contradictions.js";
import { searchPage } from "./pages/search.js";

const routes = [
  [/^\/?$/, overviewPage],
  [/^\/timeline$/, timelinePage],
  [/^\/state$/, statePage],
  [/^\/actors$/, actorsPage],
  [/^\/actor\/(.+)$/, actorPage],
  [/^\/event\/(\d+)$/, eventPage],
  [/^\/document\/(\d+)$/, documentPage],
  [/^\/contradictions$/, contradictionsPage],
  [/^\/search$/, searchPage],
];

async function render() {
  const page = document.getElementById("page");
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  const params = new URLSearchParams(query || "");
  for (const [pattern, show] of routes) {
    const match = path.match(pattern);
    if (!match) continue;
    fill(page, el("p", { class: "muted" }, "Loading…"));
    try {
      await show(page, ...match.slice(1).map(decodeURIComponent), params);
    } catch (error) {
      showError(page, error);
    }
    document.body.dataset.ready = path;
    return;
  }
  fill(page, el("p", { class: "error" }, "No such page."));
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", render);
render();
