// The paper table's URL state and rows (theme/assets/lib/table-state.js, table-rows.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { compareRows, filterRows, parseTable, tagChoices, tagCounts } from "../../theme/assets/lib/table-rows.js";
import { DEFAULTS, parseTableState, sortedBy, tableQuery } from "../../theme/assets/lib/table-state.js";

test("an empty query is the default state, and the default state writes no parameters", () => {
  assert.deepEqual(parseTableState(""), { ...DEFAULTS });
  assert.equal(tableQuery(DEFAULTS), "");
});

test("every parameter the table writes reads back as the same state", () => {
  const state = { q: "saliency maps", tag: "vision-transformers", sort: "title", dir: "asc", page: 3 };
  const query = tableQuery(state);
  assert.equal(query, "?q=saliency+maps&tag=vision-transformers&sort=title&dir=asc&page=3");
  assert.deepEqual(parseTableState(query), state);
});

test("a sort without a direction starts at that column's own; a bad sort or direction falls back", () => {
  assert.equal(parseTableState("?sort=title").dir, "asc");
  assert.equal(parseTableState("?sort=listed").dir, "desc");
  assert.deepEqual(parseTableState("?sort=tags&dir=up&page=-1"), { ...DEFAULTS });
  assert.deepEqual(parseTableState("?sort=__proto__"), { ...DEFAULTS });
});

test("writing the state keeps parameters the table does not own and drops stale ones it does", () => {
  assert.equal(tableQuery({ ...DEFAULTS, q: "  x  " }, "?utm=1&page=4&dir=asc"), "?utm=1&q=x");
});

test("a header click flips its own column's direction, starts another at its first, and goes back to page 1", () => {
  const state = { ...DEFAULTS, page: 5 };
  assert.deepEqual(sortedBy(state, "listed"), { ...DEFAULTS, dir: "asc", page: 1 });
  assert.deepEqual(sortedBy(state, "title"), { ...DEFAULTS, sort: "title", dir: "asc", page: 1 });
  assert.equal(sortedBy(sortedBy(state, "title"), "title").dir, "desc");
});

const table = parseTable({
  tags: { vit: "Vision Transformers", sal: "Saliency" },
  rows: [
    ["b-paper", "Beta", "", "2024-02-01", ["vit"]],
    ["a-paper", "alpha", "AL", "2024-03-01", ["sal", "vit", 7]],
    ["c-paper", "Gamma", "GA", "2023-01-01", "not a list"],
    ["", "no slug", "", "", []],
    "not a row",
    ["d-paper", 42, null, "2024-02-01", []],
  ],
});

test("table.json's rows are read as strings; rows without a slug and values of other types are dropped", () => {
  assert.deepEqual(
    table.rows.map((r) => [r.slug, r.title, r.short, r.tags]),
    [
      ["b-paper", "Beta", "", ["vit"]],
      ["a-paper", "alpha", "AL", ["sal", "vit"]],
      ["c-paper", "Gamma", "GA", []],
      ["d-paper", "", "", []],
    ],
  );
  assert.equal(table.tags.name("vit"), "Vision Transformers");
  assert.deepEqual(parseTable(null).rows, []);
});

test("rows sort by title ignoring case, by date with ties by title then slug, blank short names last", () => {
  const order = (sort, dir) => table.rows.slice().sort(compareRows(sort, dir)).map((r) => r.slug);
  assert.deepEqual(order("title", "asc"), ["d-paper", "a-paper", "b-paper", "c-paper"]);
  assert.deepEqual(order("listed", "desc"), ["a-paper", "d-paper", "b-paper", "c-paper"]);
  assert.deepEqual(order("short", "asc"), ["a-paper", "c-paper", "d-paper", "b-paper"]);
  assert.deepEqual(order("short", "desc"), ["c-paper", "a-paper", "d-paper", "b-paper"]);
});

test("the filter keeps rows with the tag key and every word, matching tag names too", () => {
  assert.deepEqual(filterRows(table.rows, "", "vit").map((r) => r.slug), ["b-paper", "a-paper"]);
  assert.deepEqual(filterRows(table.rows, "ALPHA transformers", "").map((r) => r.slug), ["a-paper"]);
  assert.deepEqual(filterRows(table.rows, "saliency", "vit").map((r) => r.slug), ["a-paper"]);
  assert.deepEqual(filterRows(table.rows, "alpha gamma", ""), []);
});

test("the tag menu lists each tag once with its count, in order of name", () => {
  assert.deepEqual(tagChoices(tagCounts(table.rows), table.tags.name), [
    ["sal", "Saliency", 1],
    ["vit", "Vision Transformers", 2],
  ]);
});
