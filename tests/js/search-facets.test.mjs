// Which values the search page's facets list (theme/assets/lib/search-facets.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { countOf, tagFacet, yearFacet } from "../../theme/assets/lib/search-facets.js";

const names = { a: "Alpha", b: "beta", c: "Gamma", d: "Delta", e: "Epsilon" };
const nameOf = (key) => names[key] ?? key;
const all = { a: 9, b: 9, c: 9, d: 9, e: 9 };

test("tags with results come in the catalogue's order, most papers first, then by name; tags without results are left out", () => {
  const catalogue = { a: 2, b: 7, c: 7, d: 9 };
  const counts = { a: 1, b: 3, c: 3, d: 0 };
  assert.deepEqual(tagFacet({ all: catalogue, counts, selected: [], showAll: true, limit: 2, nameOf }), { shown: ["b", "c", "a"], total: 3 });
});

test("the order stays put as a search's counts change, so no option moves under the pointer", () => {
  const catalogue = { a: 5, b: 4, c: 3 };
  const before = tagFacet({ all: catalogue, counts: { a: 1, b: 2, c: 3 }, selected: [], showAll: true, limit: 9, nameOf });
  const after = tagFacet({ all: catalogue, counts: { a: 3, b: 2, c: 1 }, selected: ["a"], showAll: true, limit: 9, nameOf });
  assert.deepEqual(before.shown, ["a", "b", "c"]);
  assert.deepEqual(after.shown, ["a", "b", "c"]);
});

test("only the first few are shown until all are asked for, but a ticked tag always stays", () => {
  const counts = { a: 5, b: 4, c: 3 };
  assert.deepEqual(tagFacet({ all, counts, selected: [], showAll: false, limit: 2, nameOf }).shown, ["a", "b"]);
  assert.deepEqual(tagFacet({ all, counts, selected: ["e"], showAll: false, limit: 2, nameOf }), { shown: ["a", "b", "e"], total: 4 });
  assert.deepEqual(tagFacet({ all, counts, selected: ["e"], showAll: true, limit: 2, nameOf }).shown, ["a", "b", "e", "c"]);
});

test("counts that are not numbers, or inherited names, count as none", () => {
  assert.equal(countOf({ a: "3" }, "a"), 0);
  assert.equal(countOf({}, "constructor"), 0);
  assert.equal(countOf(null, "a"), 0);
  assert.equal(countOf({ a: 2 }, "a"), 2);
  assert.deepEqual(tagFacet({ all: null, counts: null, selected: [], showAll: false, limit: 2, nameOf }), { shown: [], total: 0 });
});

test("years are listed newest first", () => {
  assert.deepEqual(yearFacet({ 2023: 1, 2025: 2, 2024: 3 }), ["2025", "2024", "2023"]);
  assert.deepEqual(yearFacet(undefined), []);
});
