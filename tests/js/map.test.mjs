// The map's data and geometry (theme/assets/lib/map-data.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  colourGroups, nearestPoint, parsePiece, parsePoints, queryWords, spatialIndex, tagFilter, titleMatches, View,
} from "../../theme/assets/lib/map-data.js";

const data = {
  grid: 1000, piece: 2,
  tags: [["vision", "Vision", 0], ["saliency", "Saliency", 0], ["code", "Code", 2]],
  x: [10, 500, 990], y: [10, 500, 990], t: [[1], [0, 1], [2]],
};

test("points are parsed defensively: bad values become empty, never an error", () => {
  const p = parsePoints({ x: [1, "2", null], y: [3], t: [[0, 9, "x"]], tags: [["a", 5, "z"]] });
  assert.equal(p.count, 3);
  assert.deepEqual([...p.x], [1, 0, 0]);
  assert.deepEqual([...p.y], [3, 0, 0]);
  assert.deepEqual(p.pointTags, [[0], [], []]);
  assert.deepEqual(p.tags, [{ key: "a", name: "a", root: -1 }]);
  assert.equal(parsePoints(null).count, 0);
  assert.deepEqual(parsePiece([["s", "T"], 7, [1]]), [["s", "T"], ["", ""], ["", ""]]);
});

test("points are coloured by the top-level tag above their first tag", () => {
  const groups = colourGroups(parsePoints(data));
  assert.deepEqual(groups.roots, [2, 0]); // Code, Vision: sorted by name
  assert.deepEqual([...groups.colour], [1, 1, 0]);
});

test("the tag filter keeps the papers with that tag, all of them for no or an unknown tag", () => {
  const p = parsePoints(data);
  assert.deepEqual([...tagFilter(p, "saliency")], [1, 1, 0]);
  assert.deepEqual([...tagFilter(p, "")], [1, 1, 1]);
  assert.deepEqual([...tagFilter(p, "constructor")], [1, 1, 1]);
});

test("zooming keeps the point under the pointer in place, and never zooms out past the whole map", () => {
  const view = new View(1000, 400, 300);
  const before = view.toWorld(120, 80);
  view.zoomAt(3, 120, 80);
  const after = view.toWorld(120, 80);
  assert.ok(Math.abs(before[0] - after[0]) < 1e-9 && Math.abs(before[1] - after[1]) < 1e-9);
  const fitted = new View(1000, 400, 300).scale;
  view.zoomAt(1e-6, 0, 0);
  assert.equal(view.scale, fitted);
  const [sx, sy] = view.toScreen(...view.toWorld(33, 44));
  assert.ok(Math.abs(sx - 33) < 1e-9 && Math.abs(sy - 44) < 1e-9);
});

test("the nearest shown point within the radius is found, across index cells", () => {
  const p = parsePoints(data);
  const cells = spatialIndex(p);
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 1, 1]), 505, 495, 20), 1);
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 0, 1]), 505, 495, 20), -1);
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 1, 1]), 70, 70, 100), 0);
});

test("a title matches when it holds every word of the search, in any case", () => {
  assert.ok(titleMatches("Saliency Maps for ViT", queryWords("  vit SALIENCY ")));
  assert.ok(!titleMatches("Saliency Maps", queryWords("vit saliency")));
  assert.ok(!titleMatches("anything", queryWords("   ")));
});
