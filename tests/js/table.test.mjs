// The paper table's URL state and rows (theme/assets/lib/table-state.js, table-rows.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { compareRows, filterRows, hasAuthors, parseTable, tagChoices, tagCounts } from "../../theme/assets/lib/table-rows.js";
import { DEFAULTS, ariaSort, parseTableState, sortedBy, tableQuery } from "../../theme/assets/lib/table-state.js";

test("an empty query is the default state, and the default state writes no parameters", () => {
  assert.deepEqual(parseTableState(""), { ...DEFAULTS });
  assert.equal(tableQuery(DEFAULTS), "");
});

test("every parameter the table writes reads back as the same state", () => {
  const state = { q: "saliency maps", tag: "vision-transformers", sort: "title", page: 3 };
  const query = tableQuery(state);
  assert.equal(query, "?q=saliency+maps&tag=vision-transformers&sort=title&page=3");
  assert.deepEqual(parseTableState(query), state);
});

test("the table reads the search page's orders; relevance, which needs Pagefind, and unknown orders fall back", () => {
  for (const order of ["newest", "oldest", "published", "title"]) assert.equal(parseTableState("?sort=" + order).sort, order);
  assert.deepEqual(parseTableState("?sort=relevance"), { ...DEFAULTS });
  assert.deepEqual(parseTableState("?sort=tags&dir=up&page=-1"), { ...DEFAULTS });
  assert.deepEqual(parseTableState("?sort=__proto__"), { ...DEFAULTS });
});

test("an old address's column and direction read as the order they meant, and are written anew", () => {
  assert.equal(parseTableState("?sort=listed&dir=asc").sort, "oldest");
  assert.equal(parseTableState("?sort=listed&dir=desc").sort, "newest");
  assert.equal(parseTableState("?sort=short&dir=desc").sort, "title");
  assert.equal(parseTableState("?sort=title&dir=desc").sort, "title");
  assert.equal(tableQuery(parseTableState("?sort=listed&dir=asc&tag=a"), "?sort=listed&dir=asc&tag=a"), "?tag=a&sort=oldest");
});

test("writing the state keeps parameters the table does not own and drops stale ones it does", () => {
  assert.equal(tableQuery({ ...DEFAULTS, q: "  x  " }, "?utm=1&page=4&dir=asc"), "?utm=1&q=x");
});

test("a header click chooses its column's order (the date flips newest and oldest), back on page 1", () => {
  const state = { ...DEFAULTS, page: 5 };
  assert.deepEqual(sortedBy(state, "listed"), { ...DEFAULTS, sort: "oldest", page: 1 });
  assert.deepEqual(sortedBy(sortedBy(state, "listed"), "listed"), { ...DEFAULTS, page: 1 });
  assert.deepEqual(sortedBy(state, "title"), { ...DEFAULTS, sort: "title", page: 1 });
  assert.equal(sortedBy(sortedBy(state, "title"), "title").sort, "title");
  assert.equal(sortedBy(state, "authors").sort, "published");
  assert.deepEqual(
    ["title", "authors", "tags", "listed"].map((key) => ariaSort(key, "newest")),
    [null, null, null, "descending"],
  );
  assert.equal(ariaSort("title", "title"), "ascending");
  assert.equal(ariaSort("listed", "oldest"), "ascending");
  assert.equal(ariaSort("authors", "published"), "descending");
});

const table = parseTable({
  tags: { vit: "Vision Transformers", sal: "Saliency" },
  rows: [
    ["b-paper", "Beta", "", "2024-02-01", ["vit"], "", "", [1, 3]],
    ["a-paper", "alpha", "AL", "2024-03-01", ["sal", "vit", 7], "Ada Lovelace, Alan Turing", "2019", [0, 0]],
    ["c-paper", ["Gamma ", "k", "-NN"], "GA", "2023-01-01", "not a list", "Grace Hopper", "2021", [2, 1]],
    ["", "no slug", "", "", []],
    "not a row",
    ["d-paper", 42, null, "2024-02-01", [], 7, 2020, "no ranks"],
  ],
});

test("table.json's rows are read as strings; rows without a slug and values of other types are dropped", () => {
  assert.deepEqual(
    table.rows.map((r) => [r.slug, r.title, r.short, r.tags, r.authors, r.year]),
    [
      ["b-paper", [{ text: "Beta", tex: false }], "", ["vit"], "", ""],
      ["a-paper", [{ text: "alpha", tex: false }], "AL", ["sal", "vit"], "Ada Lovelace, Alan Turing", "2019"],
      ["c-paper", [{ text: "Gamma ", tex: false }, { text: "k", tex: true }, { text: "-NN", tex: false }], "GA", [], "Grace Hopper", "2021"],
      ["d-paper", [], "", [], "", ""],
    ],
  );
  assert.equal(table.tags.name("vit"), "Vision Transformers");
  assert.deepEqual(parseTable(null).rows, []);
});

test("rows sort by the generator's ranks, by date with ties by title rank (oldest: newest backwards), rows without ranks last", () => {
  const order = (sort) => table.rows.slice().sort(compareRows(sort)).map((r) => r.slug);
  assert.deepEqual(order("title"), ["a-paper", "b-paper", "c-paper", "d-paper"]);
  assert.deepEqual(order("newest"), ["a-paper", "b-paper", "d-paper", "c-paper"]);
  assert.deepEqual(order("oldest"), order("newest").reverse()); // as search sorts it: Pagefind's newest rank, descending
  assert.deepEqual(order("published"), ["a-paper", "c-paper", "b-paper", "d-paper"]);
  assert.deepEqual(order("__proto__"), order("newest"));
});

test("the filter keeps rows with the tag key and every word, matching tag names, authors, years and TeX as typed", () => {
  assert.deepEqual(filterRows(table.rows, "", "vit").map((r) => r.slug), ["b-paper", "a-paper"]);
  assert.deepEqual(filterRows(table.rows, "ALPHA transformers", "").map((r) => r.slug), ["a-paper"]);
  assert.deepEqual(filterRows(table.rows, "saliency", "vit").map((r) => r.slug), ["a-paper"]);
  assert.deepEqual(filterRows(table.rows, "turing 2019", "").map((r) => r.slug), ["a-paper"]);
  assert.deepEqual(filterRows(table.rows, "gamma k-nn", "").map((r) => r.slug), ["c-paper"]);
  assert.deepEqual(filterRows(table.rows, "alpha gamma", ""), []);
});

test("the authors column shows only when some row has authors or a year", () => {
  assert.equal(hasAuthors(table.rows), true);
  assert.equal(hasAuthors(table.rows.filter((r) => r.slug === "b-paper")), false);
});

test("the tag menu lists each tag once with its count, in order of name", () => {
  assert.deepEqual(tagChoices(tagCounts(table.rows), table.tags.name), [
    ["sal", "Saliency", 1],
    ["vit", "Vision Transformers", 2],
  ]);
});
