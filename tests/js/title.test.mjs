// Titles with TeX as the generator sends them (theme/assets/lib/title.js) and the shared orders (lib/orders.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { ORDERS, legacyOrder, orderOf } from "../../theme/assets/lib/orders.js";
import { titleParts, titleText } from "../../theme/assets/lib/title.js";

test("a title's TeX sits at the odd places of its parts; empty parts and other values are dropped", () => {
  assert.deepEqual(titleParts(["Sparse ", "k", "-NN", "O(n^2)", ""]), [
    { text: "Sparse ", tex: false },
    { text: "k", tex: true },
    { text: "-NN", tex: false },
    { text: "O(n^2)", tex: true },
  ]);
  assert.deepEqual(titleParts('["a ","x"]'), [{ text: "a ", tex: false }, { text: "x", tex: true }]);
  assert.deepEqual(titleParts("[not json"), [{ text: "[not json", tex: false }]);
  assert.deepEqual(titleParts("Plain"), [{ text: "Plain", tex: false }]);
  assert.deepEqual(titleParts([1, { x: 1 }, "z"]), [{ text: "z", tex: false }]);
  assert.deepEqual(titleParts(null), []);
  assert.equal(titleText(titleParts(["Sparse ", "k", "-NN"])), "Sparse k-NN");
});

test("one vocabulary of orders; old table columns map onto it", () => {
  assert.deepEqual(ORDERS.map(([value]) => value), ["relevance", "newest", "oldest", "published", "title"]);
  assert.equal(orderOf("title"), "title");
  assert.equal(orderOf("constructor"), "");
  assert.equal(legacyOrder("listed", "asc"), "oldest");
  assert.equal(legacyOrder("listed", "desc"), "");
  assert.equal(legacyOrder("short", "asc"), "title");
  assert.equal(legacyOrder(null, null), "");
});
