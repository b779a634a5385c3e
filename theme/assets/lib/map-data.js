/* The map's data and geometry, without the DOM: map/points.json parsed defensively, the view's
   zoom and pan, a grid index to find the point under the pointer, and title matching. */
import { str } from "./untrusted.js";

const CELL = 64; // grid units per index cell

function integers(value, length) {
  const out = new Int32Array(length);
  if (Array.isArray(value)) value.slice(0, length).forEach((v, i) => { out[i] = Number.isInteger(v) ? v : 0; });
  return out;
}

/** Return the parsed points file: grid size, piece size, tags [{key, name, root}], x, y, tags per point. */
export function parsePoints(data) {
  const object = data && typeof data === "object" ? data : {};
  const grid = Number.isInteger(object.grid) && object.grid > 0 ? object.grid : 4095;
  const piece = Number.isInteger(object.piece) && object.piece > 0 ? object.piece : 1000;
  const tags = (Array.isArray(object.tags) ? object.tags : []).map((t) => {
    const row = Array.isArray(t) ? t : [];
    return { key: str(row[0]), name: str(row[1]) || str(row[0]), root: Number.isInteger(row[2]) ? row[2] : -1 };
  });
  const count = Array.isArray(object.x) ? object.x.length : 0;
  const pointTags = (Array.isArray(object.t) ? object.t : []).slice(0, count).map((list) =>
    (Array.isArray(list) ? list : []).filter((n) => Number.isInteger(n) && n >= 0 && n < tags.length));
  while (pointTags.length < count) pointTags.push([]);
  return { grid, piece, tags, x: integers(object.x, count), y: integers(object.y, count), pointTags, count };
}

/** Return the top-level tags used for colours, in order of first use by tag list, and each point's colour index. */
export function colourGroups(points) {
  const roots = [];
  const slot = new Map();
  const colour = new Int32Array(points.count).fill(-1);
  points.pointTags.forEach((list, i) => {
    if (!list.length) return;
    const root = points.tags[list[0]].root;
    if (root < 0 || root >= points.tags.length) return;
    if (!slot.has(root)) { slot.set(root, roots.length); roots.push(root); }
    colour[i] = slot.get(root);
  });
  const order = roots.map((root, n) => [points.tags[root].name, n]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rank = new Int32Array(roots.length);
  order.forEach(([, n], r) => { rank[n] = r; });
  return { roots: order.map(([, n]) => roots[n]), colour: colour.map((c) => (c < 0 ? -1 : rank[c])) };
}

/** Return a distinct hue for colour group `n` (golden-angle steps, so neighbours differ). */
export function hue(n) {
  return Math.round((n * 137.508 + 210) % 360);
}

/** Return which points carry the tag `key` (all points when `key` is empty or unknown). */
export function tagFilter(points, key) {
  const index = points.tags.findIndex((t) => t.key === key);
  const shown = new Uint8Array(points.count).fill(index < 0 ? 1 : 0);
  if (index >= 0) points.pointTags.forEach((list, i) => { if (list.includes(index)) shown[i] = 1; });
  return shown;
}

/** A view of the grid on a screen: screen = (world - origin) * scale. */
export class View {
  constructor(grid, width, height, margin = 12) {
    this.grid = grid;
    this.resize(width, height, margin);
    this.reset();
  }

  resize(width, height, margin = 12) {
    this.width = width;
    this.height = height;
    this.margin = margin;
  }

  /** Show the whole grid, centred. */
  reset() {
    this.scale = Math.max(1e-6, Math.min(this.width - 2 * this.margin, this.height - 2 * this.margin) / this.grid);
    this.ox = this.grid / 2 - this.width / 2 / this.scale;
    this.oy = this.grid / 2 - this.height / 2 / this.scale;
  }

  toScreen(x, y) { return [(x - this.ox) * this.scale, (y - this.oy) * this.scale]; }

  toWorld(sx, sy) { return [sx / this.scale + this.ox, sy / this.scale + this.oy]; }

  /** Zoom by `factor` keeping the world point under (sx, sy) where it is; zoom stays within 1x..200x of fit. */
  zoomAt(factor, sx, sy) {
    const fit = Math.min(this.width - 2 * this.margin, this.height - 2 * this.margin) / this.grid;
    const scale = Math.min(fit * 200, Math.max(fit, this.scale * factor));
    const [wx, wy] = this.toWorld(sx, sy);
    this.scale = scale;
    this.ox = wx - sx / scale;
    this.oy = wy - sy / scale;
  }

  pan(dx, dy) {
    this.ox -= dx / this.scale;
    this.oy -= dy / this.scale;
  }

  /** Centre the view on world point (x, y) at `zoom` times the fitted scale. */
  centreOn(x, y, zoom) {
    this.reset();
    this.scale *= zoom;
    this.ox = x - this.width / 2 / this.scale;
    this.oy = y - this.height / 2 / this.scale;
  }
}

/** Return a grid index of the points: cell key -> point indexes. */
export function spatialIndex(points) {
  const cells = new Map();
  for (let i = 0; i < points.count; i += 1) {
    const key = Math.floor(points.x[i] / CELL) * 65536 + Math.floor(points.y[i] / CELL);
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(i);
  }
  return cells;
}

/** Return the shown point nearest world (wx, wy) within `radius` world units, or -1. */
export function nearestPoint(points, cells, shown, wx, wy, radius) {
  let best = -1;
  let bestDistance = radius * radius;
  const low = [Math.floor((wx - radius) / CELL), Math.floor((wy - radius) / CELL)];
  const high = [Math.floor((wx + radius) / CELL), Math.floor((wy + radius) / CELL)];
  for (let cx = low[0]; cx <= high[0]; cx += 1) {
    for (let cy = low[1]; cy <= high[1]; cy += 1) {
      for (const i of cells.get(cx * 65536 + cy) || []) {
        if (!shown[i]) continue;
        const d = (points.x[i] - wx) ** 2 + (points.y[i] - wy) ** 2;
        if (d <= bestDistance) { best = i; bestDistance = d; }
      }
    }
  }
  return best;
}

/** Return the piece number holding point `i`, and its place in the piece. */
export function pieceOf(points, i) {
  return [Math.floor(i / points.piece), i % points.piece];
}

/** Return a titles piece as [[slug, title], ...], keeping only well-formed rows (as empty rows otherwise). */
export function parsePiece(data) {
  return (Array.isArray(data) ? data : []).map((row) => (Array.isArray(row) ? [str(row[0]), str(row[1])] : ["", ""]));
}

/** Return the words of a search, lower-cased. */
export function queryWords(query) {
  return str(query).toLowerCase().split(/\s+/).filter(Boolean);
}

/** Return whether every word of the search occurs in the title. */
export function titleMatches(title, words) {
  const text = str(title).toLowerCase();
  return words.length > 0 && words.every((w) => text.includes(w));
}
