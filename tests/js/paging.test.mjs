// Pager arithmetic (theme/assets/lib/paging.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { clampPage, pageCount, pageItems, parsePage } from "../../theme/assets/lib/paging.js";

test("a page parameter is a positive integer, anything else is page 1", () => {
  assert.equal(parsePage("3"), 3);
  for (const value of [null, "", "0", "-2", "2.5", "abc", "1e400", "9007199254740993"]) assert.equal(parsePage(value), 1, value);
});

test("an empty list still has one page, and a partly filled last page counts", () => {
  assert.equal(pageCount(0, 20), 1);
  assert.equal(pageCount(20, 20), 1);
  assert.equal(pageCount(21, 20), 2);
  assert.equal(pageCount(61, 20), 4);
});

test("a page past either end moves to the nearest page there is", () => {
  assert.equal(clampPage(9, 41, 20), 3);
  assert.equal(clampPage(0, 41, 20), 1);
  assert.equal(clampPage(2, 0, 20), 1);
  assert.equal(clampPage(2, 41, 20), 2);
});

test("a page shows its own slice of the list, the last one what is left", () => {
  const list = Array.from({ length: 45 }, (_, i) => i);
  assert.deepEqual(pageItems(list, 1, 20), list.slice(0, 20));
  assert.deepEqual(pageItems(list, 3, 20), [40, 41, 42, 43, 44]);
  assert.deepEqual(pageItems(list, 4, 20), []);
});
