/* The map page's canvas (see map.js): every paper a point, coloured by its top-level tag. Wheel, drag,
   pinch and the buttons zoom and pan; hovering or tapping a point shows its title; clicking it (or the
   title a tap shows) opens the paper. `?tag=<key>` filters, the Find box highlights matching titles,
   `?p=<slug>` marks one paper. The page loads map/points.json only; titles, the title-word index, the
   tag filter's lists and the slugs' places come in pieces when first needed (see
   generator/render/map_page.py). The data and geometry are in lib/map-data.js. */
import {
  drawOrder, everyOne, hue, nearestPoint, parsePiece, parsePoints, pieceOf, placeBucket, pointList, pointsWithWord,
  queryWords, spatialIndex, tagFilter, View, wordFiles,
} from "../lib/map-data.js";
import { el } from "./dom.js";
import { fetchJson } from "./site.js";

const HIT_PX = 14;
const FIND_DELAY_MS = 200;

class CatalogueMap {
  constructor(root, points) {
    this.root = root;
    this.points = points;
    this.cells = spatialIndex(points);
    this.order = drawOrder(points.count);
    this.files = new Map();
    this.canvas = root.querySelector(".map-canvas");
    this.tip = root.querySelector(".map-tip");
    this.status = root.querySelector(".map-status");
    this.select = root.querySelector(".map-tag");
    this.find = root.querySelector(".map-find");
    this.papers = new URL(root.getAttribute("data-papers") || "../papers/", window.location.href);
    const params = new URLSearchParams(window.location.search);
    this.select.value = points.tags.some((t) => t.key === params.get("tag")) ? params.get("tag") : "";
    this.shown = tagFilter(points.count, null);
    this.matches = null;
    this.hover = -1;
    this.marked = -1;
    this.pointers = new Map();
    this.view = new View(points.grid, 1, 1);
    this.frame = 0;
    this.wanted = params.get("p") || "";
  }

  mount() {
    this.legend();
    this.resize();
    new ResizeObserver(() => this.resize()).observe(this.canvas.parentNode);
    this.select.addEventListener("change", () => this.filter());
    let timer = 0;
    this.find.addEventListener("input", () => { window.clearTimeout(timer); timer = window.setTimeout(() => this.search(), FIND_DELAY_MS); });
    this.root.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => this.zoomButton(b.getAttribute("data-zoom"))));
    const c = this.canvas;
    c.addEventListener("wheel", (e) => { e.preventDefault(); this.view.zoomAt(Math.exp(-e.deltaY / 400), ...this.local(e)); this.draw(); }, { passive: false });
    c.addEventListener("pointerdown", (e) => this.down(e));
    c.addEventListener("pointermove", (e) => this.move(e));
    c.addEventListener("pointerup", (e) => this.up(e));
    c.addEventListener("pointercancel", (e) => this.pointers.delete(e.pointerId));
    c.addEventListener("pointerleave", (e) => { if (e.pointerType === "mouse") this.showTip(-1); });
    if (this.wanted) this.markWanted();
    this.summary();
  }

  local(e) {
    const box = this.canvas.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  }

  resize() {
    const width = Math.max(200, this.canvas.parentNode.clientWidth);
    const height = Math.round(Math.min(Math.max(320, window.innerHeight * 0.7), width * 1.1));
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = width + "px";
    this.canvas.style.height = height + "px";
    const first = this.view.width === 1;
    this.view.resize(width, height);
    if (first) this.view.reset();
    this.draw();
  }

  legend() {
    const list = this.root.querySelector(".map-legend");
    list.replaceChildren(...this.points.roots.map((root, n) => {
      const item = el("li");
      const swatch = el("span", { class: "map-swatch", "aria-hidden": "true" });
      swatch.style.setProperty("--map-hue", String(hue(n)));
      item.append(swatch, document.createTextNode(this.points.tags[root].name));
      return item;
    }));
  }

  colours() {
    const style = window.getComputedStyle(this.root);
    const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return {
      light: dark ? 62 : 45,
      faint: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "rgba(128,128,128,0.3)",
      ink: style.getPropertyValue("--md-default-fg-color").trim() || "#000",
      ground: style.getPropertyValue("--md-default-bg-color").trim() || "#fff",
    };
  }

  draw() {
    window.cancelAnimationFrame(this.frame);
    this.frame = window.requestAnimationFrame(() => this.paint());
  }

  paint() {
    const ctx = this.canvas.getContext("2d");
    const ratio = this.canvas.width / this.view.width;
    const { light, faint, ink } = this.colours();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.view.width, this.view.height);
    // The view, so a test (or a curious reader) can tell where each point is drawn.
    this.canvas.setAttribute("data-view", [this.view.scale, this.view.ox, this.view.oy].join(" "));
    // Points grow as the map is zoomed in, and are larger when there are few of them.
    const base = this.points.count < 2000 ? 5 : this.points.count < 20000 ? 3 : 2;
    const zoom = this.view.scale * this.points.grid / Math.max(1, Math.min(this.view.width, this.view.height));
    const size = Math.min(base + 6, base + Math.log2(Math.max(1, zoom)) * 1.5);
    const { x, y } = this.points;
    const layers = [[], []]; // filtered-out points first, so shown points are drawn over them
    for (const i of this.order) layers[this.shown[i]].push(i);
    ctx.fillStyle = faint;
    for (const i of layers[0]) {
      const [sx, sy] = this.view.toScreen(x[i], y[i]);
      if (sx >= -size && sy >= -size && sx <= this.view.width + size && sy <= this.view.height + size) ctx.fillRect(sx - size / 2, sy - size / 2, size, size);
    }
    const dim = this.matches !== null;
    for (const i of layers[1]) {
      const [sx, sy] = this.view.toScreen(x[i], y[i]);
      if (sx < -size || sy < -size || sx > this.view.width + size || sy > this.view.height + size) continue;
      const group = this.points.colour[i];
      const alpha = dim && !this.matches.has(i) ? 0.25 : 1;
      ctx.fillStyle = group < 0 ? `hsla(0, 0%, 50%, ${alpha})` : `hsla(${hue(group)}, 70%, ${light}%, ${alpha})`;
      ctx.fillRect(sx - size / 2, sy - size / 2, size, size);
    }
    ctx.strokeStyle = ink;
    ctx.lineWidth = 1.5;
    const rings = dim ? [...this.matches].filter((i) => this.shown[i]) : [];
    for (const i of [...rings, this.marked, this.hover]) {
      if (i < 0) continue;
      const [sx, sy] = this.view.toScreen(x[i], y[i]);
      ctx.beginPath();
      ctx.arc(sx, sy, size + (i === this.hover || i === this.marked ? 5 : 2), 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  pointAt(sx, sy) {
    const [wx, wy] = this.view.toWorld(sx, sy);
    return nearestPoint(this.points, this.cells, this.shown, wx, wy, HIT_PX / this.view.scale);
  }

  down(e) {
    this.canvas.setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, { at: this.local(e), start: this.local(e), moved: false });
  }

  move(e) {
    const here = this.local(e);
    const pointer = this.pointers.get(e.pointerId);
    if (!pointer) {
      if (e.pointerType === "mouse") this.showTip(this.pointAt(...here));
      return;
    }
    if (Math.hypot(here[0] - pointer.start[0], here[1] - pointer.start[1]) > 4) pointer.moved = true;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const before = Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]);
      pointer.at = here;
      const after = Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]);
      if (before > 0) this.view.zoomAt(after / before, (a.at[0] + b.at[0]) / 2, (a.at[1] + b.at[1]) / 2);
    } else {
      this.view.pan(here[0] - pointer.at[0], here[1] - pointer.at[1]);
      pointer.at = here;
    }
    if (pointer.moved) this.draw();
  }

  up(e) {
    const pointer = this.pointers.get(e.pointerId);
    this.pointers.delete(e.pointerId);
    if (!pointer || pointer.moved) return;
    const i = this.pointAt(...this.local(e));
    if (i < 0) { this.showTip(-1); return; }
    if (e.pointerType === "mouse") this.open(i);
    else this.showTip(i); // a tap shows the title, with a link to open the paper
  }

  /** Return the data file `name` (beside points.json), fetched once; `empty` if it cannot be had (tried again next time). */
  file(name, empty) {
    if (!this.files.has(name)) {
      const url = new URL(name, window.location.href);
      this.files.set(name, fetchJson(url).catch(() => { this.files.delete(name); return empty; }));
    }
    return this.files.get(name);
  }

  async title(i) {
    const [n, place] = pieceOf(this.points, i);
    return parsePiece(await this.file(`titles-${n}.json`, []))[place] || ["", ""];
  }

  async showTip(i) {
    this.hover = i;
    this.draw();
    if (i < 0) { this.tip.hidden = true; return; }
    const [slug, title] = await this.title(i);
    if (this.hover !== i || !slug) return;
    const link = el("a", { href: new URL(encodeURIComponent(slug) + "/", this.papers).href }, title || slug);
    this.tip.replaceChildren(link);
    const [sx, sy] = this.view.toScreen(this.points.x[i], this.points.y[i]);
    this.tip.style.left = Math.min(Math.max(0, sx + 10), Math.max(0, this.view.width - 260)) + "px";
    this.tip.style.top = Math.min(sy + 12, this.view.height - 40) + "px";
    this.tip.hidden = false;
  }

  async open(i) {
    const [slug] = await this.title(i);
    if (slug) window.location.assign(new URL(encodeURIComponent(slug) + "/", this.papers).href);
  }

  zoomButton(kind) {
    if (kind === "reset") this.view.reset();
    else this.view.zoomAt(kind === "in" ? 1.5 : 1 / 1.5, this.view.width / 2, this.view.height / 2);
    this.draw();
  }

  /** Show only the papers of the chosen tag (all for none), fetching its list of points. */
  async applyTag() {
    const key = this.select.value;
    const n = this.points.tags.findIndex((t) => t.key === key);
    const tagged = n < 0 ? null : pointList(await this.file(`tagged-${n}.json`, []), this.points.count);
    if (this.select.value !== key) return; // another tag was chosen meanwhile
    this.shown = tagFilter(this.points.count, tagged);
  }

  async filter() {
    const url = new URL(window.location.href);
    if (this.select.value) url.searchParams.set("tag", this.select.value);
    else url.searchParams.delete("tag");
    window.history.replaceState(window.history.state, "", url.href);
    this.showTip(-1);
    await this.applyTag();
    this.summary();
  }

  /** Return the points whose title has a word starting with `word`, from the word files that may hold it. */
  async withWord(word) {
    const names = wordFiles(this.points.words, word).map((n) => `words-${n}.json`);
    return pointsWithWord(await Promise.all(names.map((name) => this.file(name, {}))), word, this.points.count);
  }

  /** Highlight the papers whose title has, for every word of the Find box, a word starting with it. */
  async search() {
    const words = queryWords(this.find.value);
    if (!words.length) { this.matches = null; this.summary(); this.draw(); return; }
    const found = everyOne(await Promise.all(words.map((w) => this.withWord(w))));
    if (queryWords(this.find.value).join(" ") !== words.join(" ")) return; // a newer search is on its way
    this.matches = found;
    this.summary();
    this.draw();
  }

  /** Mark and centre the paper named by `?p=<slug>`, found in its bucket of places. */
  async markWanted() {
    const places = await this.file(`places-${placeBucket(this.wanted, this.points.places)}.json`, {});
    const i = Object.prototype.hasOwnProperty.call(places, this.wanted) ? places[this.wanted] : -1;
    if (!Number.isInteger(i) || i < 0 || i >= this.points.count) return;
    this.marked = i;
    this.view.centreOn(this.points.x[i], this.points.y[i], 4);
    this.showTip(i);
  }

  summary() {
    const shown = this.shown.reduce((a, b) => a + b, 0);
    const found = this.matches === null ? "" : `; ${[...this.matches].filter((i) => this.shown[i]).length} match “${this.find.value.trim()}”`;
    this.status.textContent = `${shown} of ${this.points.count} papers shown${found}. Hover or tap a point for its title; click it to open the paper.`;
    this.draw();
  }
}

/** Draw the map in `root` (a .catalogue-map element) once its points are loaded. */
export async function setUp(root) {
  if (root.hasAttribute("data-map")) return;
  root.setAttribute("data-map", "loading");
  try {
    const points = parsePoints(await fetchJson(new URL(root.getAttribute("data-points") || "points.json", window.location.href)));
    const map = new CatalogueMap(root, points);
    await map.applyTag(); // the URL's ?tag=, before the first count is shown
    map.mount();
    root.setAttribute("data-map", "ready");
  } catch {
    root.setAttribute("data-map", "error");
    root.querySelector(".map-status").textContent = "The map could not be loaded.";
  }
}
