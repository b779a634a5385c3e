/* The map's data and geometry, without the DOM: map/points.json and its pieces parsed defensively
   (generator/render/map_page.py writes them), the view's zoom and pan, a grid index to find the point
   under the pointer, and the Find box's word lookups. */
import { str } from "./untrusted.js";

const CELL = 64; // grid units per index cell
const WORD = /[\p{L}\p{N}]+/gu; // letters and digits, as the generator splits titles (map_page.py title_words)

/** Return the bytes of base64 `text`, or none if it is not base64. */
function bytesOf(text) {
  try {
    return Uint8Array.from(atob(str(text)), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}

/** Return the parsed points file: grid size, piece size, tags [{key, name, root}], x, y, colour groups
    (roots: the tag index of each group, -1 for untagged; colour: each point's group), word prefixes, place buckets. */
export function parsePoints(data) {
  const object = data && typeof data === "object" ? data : {};
  const whole = (value, fallback) => (Number.isInteger(value) && value > 0 ? value : fallback);
  const tags = (Array.isArray(object.tags) ? object.tags : []).map((t) => {
    const row = Array.isArray(t) ? t : [];
    return { key: str(row[0]), name: str(row[1]) || str(row[0]), root: Number.isInteger(row[2]) ? row[2] : -1 };
  });
  const packed = bytesOf(object.xy);
  const count = Math.floor(packed.length / 3);
  const x = new Int32Array(count);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const v = (packed[3 * i] << 16) | (packed[3 * i + 1] << 8) | packed[3 * i + 2];
    x[i] = v >> 12;
    y[i] = v & 4095;
  }
  const roots = [];
  const colour = new Int32Array(count).fill(-1);
  let at = 0;
  for (const run of Array.isArray(object.groups) ? object.groups : []) {
    const [root, size] = Array.isArray(run) ? run : [];
    if (!Number.isInteger(size) || size < 0) continue;
    const known = Number.isInteger(root) && root >= 0 && root < tags.length;
    if (known) roots.push(root);
    colour.fill(known ? roots.length - 1 : -1, at, Math.min(count, at + size));
    at += size;
  }
  const words = (Array.isArray(object.words) ? object.words : []).map(str);
  return { grid: whole(object.grid, 4095), piece: whole(object.piece, 250), tags, x, y, roots, colour, words, places: whole(object.places, 1), count };
}

/** Return a distinct hue for colour group `n` (golden-angle steps, so neighbours differ). */
export function hue(n) {
  return Math.round((n * 137.508 + 210) % 360);
}

/** Return the point numbers of a list of differences (map_page.py `_deltas`), keeping those below `count`. */
export function pointList(data, count) {
  const out = [];
  let at = 0;
  for (const step of Array.isArray(data) ? data : []) {
    if (!Number.isInteger(step) || step < 0) continue;
    at += step;
    if (at < count) out.push(at);
  }
  return out;
}

/** Return which points are shown: those of `tagged` (a point list), or all points for null. */
export function tagFilter(count, tagged) {
  const shown = new Uint8Array(count).fill(tagged === null ? 1 : 0);
  if (tagged !== null) tagged.forEach((i) => { shown[i] = 1; });
  return shown;
}

/** Return the order to draw `count` points in: a fixed stride through them, so that no colour group
    (the points file lists them group by group) is always drawn over the others. */
export function drawOrder(count) {
  const gcd = (a, b) => (b ? gcd(b, a % b) : a);
  let stride = Math.max(1, Math.round(count * 0.618));
  while (count > 1 && gcd(stride, count) !== 1) stride += 1;
  const order = new Int32Array(count);
  for (let i = 0, at = 0; i < count; i += 1, at = (at + stride) % count) order[i] = at;
  return order;
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

/** Return the words of a search as the generator splits titles: runs of letters and digits, lower-cased. */
export function queryWords(query) {
  const words = str(query).toLowerCase().match(WORD) || [];
  return words.filter((w, i) => words.indexOf(w) === i);
}

/** Return the numbers of the word files that may hold words starting with `word`: the file of the longest
    prefix `word` starts with, and the files of every longer prefix that starts with `word`. */
export function wordFiles(prefixes, word) {
  let longest = -1;
  const files = [];
  prefixes.forEach((p, n) => {
    if (p.length > word.length && p.startsWith(word)) files.push(n);
    else if (word.startsWith(p) && (longest < 0 || p.length > prefixes[longest].length)) longest = n;
  });
  return longest < 0 ? files : [longest, ...files];
}

/** Return the points whose title has a word starting with `word`, from word files ({word: point list}). */
export function pointsWithWord(files, word, count) {
  const found = new Set();
  for (const file of files) {
    if (!file || typeof file !== "object" || Array.isArray(file)) continue;
    for (const [w, list] of Object.entries(file)) if (w.startsWith(word)) pointList(list, count).forEach((i) => found.add(i));
  }
  return found;
}

/** Return the points in every one of `sets` (none for no sets). */
export function everyOne(sets) {
  if (!sets.length) return new Set();
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((i) => others.every((s) => s.has(i))));
}

/** Return which `places-<n>.json` holds `slug`: its 32-bit FNV-1a hash (of UTF-8 bytes) modulo `buckets` (map_page.py `place_bucket`). */
export function placeBucket(slug, buckets) {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(str(slug))) value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  return value % Math.max(1, buckets);
}
