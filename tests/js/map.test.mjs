// The map's data and geometry (theme/assets/lib/map-data.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  drawOrder, everyOne, nearestPoint, parsePiece, parsePoints, placeBucket, pointList, pointsWithWord, queryWords,
  spatialIndex, tagFilter, View, wordFiles,
} from "../../theme/assets/lib/map-data.js";

/** Return base64 of the positions as the generator packs them: x in the high 12 bits of three bytes, y in the low. */
const packed = (xy) => Buffer.from(xy.flatMap(([x, y]) => { const v = (x << 12) | y; return [v >> 16, (v >> 8) & 255, v & 255]; })).toString("base64");

const data = {
  grid: 1000, piece: 2,
  tags: [["vision", "Vision", 0], ["saliency", "Saliency", 0], ["code", "Code", 2]],
  groups: [[2, 1], [0, 2]], xy: packed([[990, 990], [10, 10], [500, 500]]), words: ["a", "s"], places: 2,
};

test("points are parsed defensively: bad values become empty, never an error", () => {
  const p = parsePoints({ xy: "not base64!", groups: [[0, "x"]], tags: [["a", 5, "z"]] });
  assert.equal(p.count, 0);
  assert.deepEqual(p.tags, [{ key: "a", name: "a", root: -1 }]);
  assert.equal(parsePoints(null).count, 0);
  const odd = parsePoints({ xy: packed([[1, 2]]), groups: [[7, 5]], tags: [] });
  assert.deepEqual([...odd.colour], [-1]); // an unknown tag colours nothing
  assert.deepEqual(parsePiece([["s", "T"], 7, [1]]), [["s", "T"], ["", ""], ["", ""]]);
  assert.deepEqual(pointList([0, 2, "x", -1, 5], 4), [0, 2]);
});

test("coordinates unpack from three bytes a point, and colour groups from runs of points", () => {
  const p = parsePoints(data);
  assert.equal(p.count, 3);
  assert.deepEqual([...p.x], [990, 10, 500]);
  assert.deepEqual([...p.y], [990, 10, 500]);
  assert.deepEqual(p.roots, [2, 0]);
  assert.deepEqual([...p.colour], [0, 1, 1]);
});

test("the tag filter keeps the papers of the tag's list, all of them for no tag", () => {
  assert.deepEqual([...tagFilter(3, pointList([1, 1], 3))], [0, 1, 1]);
  assert.deepEqual([...tagFilter(3, null)], [1, 1, 1]);
});

test("points are drawn in an order that visits each once and mixes the groups", () => {
  for (const n of [0, 1, 2, 10, 1000]) assert.deepEqual([...drawOrder(n)].sort((a, b) => a - b), [...Array(n).keys()]);
  assert.notDeepEqual([...drawOrder(10)], [...Array(10).keys()]);
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
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 1, 1]), 505, 495, 20), 2);
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 1, 0]), 505, 495, 20), -1);
  assert.equal(nearestPoint(p, cells, new Uint8Array([1, 1, 1]), 70, 70, 100), 1);
});

test("a search is split into words as titles are: letters and digits, lower-cased, once each", () => {
  assert.deepEqual(queryWords("  ViT, saliency-MAPS vit 3D "), ["vit", "saliency", "maps", "3d"]);
  assert.deepEqual(queryWords("   "), []);
});

test("a word is looked up in the file of its longest prefix and in those of longer prefixes it starts", () => {
  const prefixes = ["a", "c", "co", "con", "cor", "d"];
  assert.deepEqual(wordFiles(prefixes, "cont"), [3]);
  assert.deepEqual(wordFiles(prefixes, "co"), [2, 3, 4]);
  assert.deepEqual(wordFiles(prefixes, "c"), [1, 2, 3, 4]);
  assert.deepEqual(wordFiles(prefixes, "cat"), [1]);
  assert.deepEqual(wordFiles(prefixes, "x"), []);
  assert.deepEqual(wordFiles([""], "x"), [0]); // a small catalogue's index is one file, of prefix ""
});

test("a title matches when, for every word of the search, one of its words starts with it", () => {
  const files = [{ saliency: [0, 2], salt: [1] }, { vit: [2], vital: [0] }];
  assert.deepEqual([...pointsWithWord(files, "sal", 9)].sort(), [0, 1, 2]);
  assert.deepEqual([...everyOne([pointsWithWord(files, "saliency", 9), pointsWithWord(files, "vit", 9)])].sort(), [0, 2]);
  assert.deepEqual([...everyOne([pointsWithWord(files, "salt", 9), pointsWithWord(files, "vital", 9)])], []);
  assert.deepEqual([...everyOne([])], []);
  assert.deepEqual([...pointsWithWord([null, [], { w: "x" }], "w", 9)], []);
});

test("a slug's bucket of places is its FNV-1a hash, as the generator computes it", () => {
  // Values from generator/render/map_page.py place_bucket (tests/test_map.py checks the same ones).
  assert.equal(placeBucket("salun", 1000003), 379958);
  assert.equal(placeBucket("calm", 2 ** 32), 3002172182);
  assert.equal(placeBucket("", 7), 0x811c9dc5 % 7);
});
